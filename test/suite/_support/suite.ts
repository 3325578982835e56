/**
 * Small proof suites written to a temporary folder: the checker tests' small catalog, a policy
 * with `s3:Get*` and `iam:*`, two unused `GetBucket...` actions and `iam:ListUsers`, and cases
 * over them. Each proves in well under a second.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from '../../../src/input/json.js';
import { printJson } from '../../../src/policy/print.js';
import { allow } from '../../support.js';
import { SERVICES, UNUSED } from '../../prove/_support.js';

export const SMALL_POLICY = { Version: '2012-10-17', Statement: [allow(['s3:Get*', 'iam:*', 'ec2:DescribeInstances'])] };
export const SMALL_UNUSED = Object.entries(UNUSED).map(([service, actions]) => ({ serviceNamespace: service, actions: [...actions] }));
/** iam-refine's word-granularity recommendation for the small inputs. */
export const SMALL_RECOMMENDED = { Version: '2012-10-17', Statement: [allow(['s3:GetObject*', 'iam:GetUser', 'ec2:DescribeInstances'])] };

export interface SuiteFiles {
  readonly folder: string;
  /** The case folder of `name`. */
  caseFolder(name: string): string;
}

/** Writes the small inputs into `folder/inputs` and returns a writer of case folders. */
export function smallSuite(folder: string): SuiteFiles {
  mkdirSync(join(folder, 'inputs'), { recursive: true });
  writeFileSync(join(folder, 'inputs', 'catalog.json'), printJson(SERVICES as unknown as Json));
  writeFileSync(join(folder, 'inputs', 'policy.json'), printJson(SMALL_POLICY));
  writeFileSync(join(folder, 'inputs', 'unused.json'), printJson(SMALL_UNUSED));
  return { folder, caseFolder: (name) => join(folder, 'suite', name) };
}

/** The fields of a case over the small inputs; `extra` adds or overrides fields. */
export function smallCase(extra: Record<string, Json>): Record<string, Json> {
  return { description: 'small', policy: '../../inputs/policy.json', unused: '../../inputs/unused.json', catalog: '../../inputs/catalog.json', granularity: 'word', ...extra };
}

/** Writes a case folder: `case.json` and any other files (a snapshot, a given recommendation). */
export function writeCase(suite: SuiteFiles, name: string, spec: Json, files: Readonly<Record<string, Json>> = {}): string {
  const folder = suite.caseFolder(name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'case.json'), printJson(spec));
  for (const [file, value] of Object.entries(files)) writeFileSync(join(folder, file), printJson(value));
  return folder;
}
