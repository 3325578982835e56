import { Help, type Command, type Option } from 'commander';
import { EXIT_MEANINGS } from './exit-codes.js';

/** One example per command, run from the repository (the article's files ship in the package too). */
const ARTICLE = '--policy corpus/article/policy.json --unused corpus/article/unused.json';
export const EXAMPLES: Readonly<Record<string, string>> = {
  recommend: `iam-refine recommend ${ARTICLE} --format diff --prove`,
  check: `iam-refine check ${ARTICLE} --recommended corpus/article/recommended.json --claims no-escalation,safety --format sarif > check.sarif`,
  certify: `iam-refine certify ${ARTICLE} --out cert`,
  'verify-cert': 'iam-refine verify-cert cert --format json',
  prove: 'iam-refine prove proofs --jobs 2 --shard 1/4 --record proofs/record.json --json shard-1.json',
  fuzz: 'iam-refine fuzz --runs 300 --seed 42 --mutants',
  explain: `iam-refine explain ${ARTICLE} --format tree --prove`,
  account: 'iam-refine account --details corpus/accounts/article/details.json --findings corpus/accounts/article/finding.json --out account-out --prove',
  drift: 'iam-refine drift --certificate cert --format json',
  compare: 'iam-refine compare --old corpus/article/policy.json --new corpus/article/recommended.json --mode equivalent --scope catalog --format json',
  'check-not-granted': `iam-refine check-not-granted --policy corpus/article/policy.json --actions 's3:Put*,iam:*' --resources 'arn:aws:s3:::*'`,
  merge: 'iam-refine merge shard-*.json --record proofs/record.json --junit prove.xml --sarif prove.sarif --json prove.json',
};

/** Marks what must be given: `(required)` after a mandatory option's description. */
class MarkedHelp extends Help {
  override optionDescription(option: Option): string {
    const description = super.optionDescription(option);
    return option.mandatory ? `${description} (required)` : description;
  }
}

/**
 * Gives a command the help every command shares: required options marked, an example, the
 * rule for the unused-permission sources where it takes them, and the exit codes.
 */
export function withSharedHelp(command: Command): Command {
  command.createHelp = () => Object.assign(new MarkedHelp(), command.configureHelp());
  const example = EXAMPLES[command.name()];
  const takesUnused = command.options.some((option) => option.long === '--unused');
  const lines = [
    ...(takesUnused ? ['', 'Exactly one of --unused, --last-accessed and --used is required.'] : []),
    ...(example === undefined ? [] : ['', 'Example:', `  ${example}`]),
    '',
    'Exit codes:',
    ...EXIT_MEANINGS.map(([code, meaning]) => `  ${code}  ${meaning}`),
  ];
  return command.addHelpText('after', lines.join('\n'));
}
