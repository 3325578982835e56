import { Option } from 'commander';
import { POLICY_KINDS } from '../policy/quotas.js';

/** `--existing-policy-id` for the commands that judge a response: which policy's steps. */
export function chooseStepOption(): Option {
  return new Option('--existing-policy-id <id>', "with a GetFindingRecommendation response as --recommended: judge this policy's steps (a managed policy's ARN, an inline policy's name)");
}

/** `--existing-policy-id` for the commands that write a response: the policy's name in it. */
export function existingPolicyIdOption(): Option {
  return new Option('--existing-policy-id <id>', "the policy's existingPolicyId in the response: a managed policy's ARN or an inline policy's name (default: the PolicyName of a get-*-policy output)");
}

export function resourceArnOption(): Option {
  return new Option('--resource-arn <arn>', "the response's resourceArn: the role's or user's ARN (default: a GetFindingV2 --unused file's resource)");
}

export function policyKindOption(): Option {
  return new Option('--policy-kind <kind>', "the size quota to measure against: a managed policy's, or a role's, user's or group's inline policies' (default: managed, or the kind a get-*-policy output names)").choices(POLICY_KINDS);
}
