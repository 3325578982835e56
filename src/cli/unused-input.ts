import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Catalog } from '../catalog/catalog.js';
import { DEFAULT_UNUSED_DAYS } from '../findings/derive.js';
import { readTime } from '../findings/last-accessed.js';
import { loadUnusedInput, type LoadedUnused, type UnusedInput } from '../findings/load.js';
import type { Policy } from '../policy/types.js';
import { integerOption, OPTION_BOUNDS } from './options.js';

/** The option group every command that needs an unused set shares: exactly one of the three sources. */
export interface UnusedFlags {
  readonly unused?: string;
  readonly lastAccessed?: string;
  readonly used?: string;
  readonly unusedDays?: number;
  readonly asOf?: number;
}

export function unusedFileOption(): Option {
  return new Option('--unused <file>', 'the unused permissions: a GetFindingV2 response, pages of them, or [{"serviceNamespace", "actions"}]');
}

export function lastAccessedOption(): Option {
  return new Option('--last-accessed <file>', 'instead of --unused: IAM Access Advisor\'s "aws iam get-service-last-accessed-details" response (or a list of its pages)');
}

export function usedOption(): Option {
  return new Option('--used <file>', 'instead of --unused: the actions used, as a JSON list of "service:Action" or one per line; the rest of what the policy allows is unused');
}

export function unusedDaysOption(): Option {
  return integerOption('--unused-days <n>', 'with --last-accessed: unused means not used in this many days', OPTION_BOUNDS.unusedDays, `default ${DEFAULT_UNUSED_DAYS}`);
}

export function asOfOption(): Option {
  return new Option('--as-of <date>', "with --last-accessed: the end of the window, an ISO 8601 date or time (default: the response's JobCompletionDate)").argParser(isoTime);
}

/** A `preAction` hook: none or several unused sources, or window options without --last-accessed, is a usage error (exit 2). */
/** Adds the unused-input option group to a command, with the check that exactly one source is given. */
export function withUnusedInput(command: Command): Command {
  return command
    .addOption(unusedFileOption())
    .addOption(lastAccessedOption())
    .addOption(usedOption())
    .addOption(unusedDaysOption())
    .addOption(asOfOption())
    .hook('preAction', requireOneUnusedInput);
}

export function requireOneUnusedInput(_command: Command, action: Command): void {
  const flags = action.opts<UnusedFlags>();
  const given = [flags.unused, flags.lastAccessed, flags.used].filter((file) => file !== undefined).length;
  if (given !== 1) action.error(`error: give exactly one of --unused, --last-accessed and --used (${given === 0 ? 'none was' : `${given} were`} given)`);
  if (flags.lastAccessed === undefined && (flags.unusedDays !== undefined || flags.asOf !== undefined)) action.error('error: --unused-days and --as-of apply to --last-accessed only');
}

export function unusedInputOf(flags: UnusedFlags): UnusedInput {
  if (flags.lastAccessed !== undefined) {
    return { kind: 'last-accessed', file: flags.lastAccessed, options: { ...(flags.unusedDays === undefined ? {} : { unusedDays: flags.unusedDays }), ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }) } };
  }
  if (flags.used !== undefined) return { kind: 'used', file: flags.used };
  return { kind: 'unused', file: flags.unused! };
}

/** The file the unused set is read from, for the standard-input and `--out` checks. */
export function unusedPathOf(flags: UnusedFlags): string | undefined {
  return flags.unused ?? flags.lastAccessed ?? flags.used;
}

/** Loads the unused set the flags name; a derived set is summed up on stderr (the details are in `recommend --format json`). */
export function loadUnusedOf(flags: UnusedFlags, policy: Policy, catalog: Catalog, strict: boolean): LoadedUnused {
  const loaded = loadUnusedInput(unusedInputOf(flags), policy, catalog, strict);
  if (loaded.evidence !== undefined) process.stderr.write(`${derivationSummary(loaded)}\n`);
  return loaded;
}

export function derivationSummary(loaded: LoadedUnused): string {
  const evidence = loaded.evidence!;
  const { derivation } = evidence;
  const unused = derivation.services.reduce((sum, service) => sum + service.unused, 0);
  const judged = derivation.services.filter((service) => service.unused > 0).length;
  const window = derivation.window === undefined ? 'used-actions list' : `last accessed, ${derivation.window.days} days to ${new Date(derivation.window.asOf).toISOString()}`;
  const untracked = derivation.services.reduce((sum, service) => sum + service.untrackedKept.length, 0);
  const kept = untracked === 0 ? '' : `; ${untracked} allowed action${untracked === 1 ? '' : 's'} kept only because IAM does not track ${untracked === 1 ? 'it' : 'them'}`;
  return `iam-refine: unused set derived from ${evidence.source.name} (${window}): ${unused} allowed action${unused === 1 ? '' : 's'} unused in ${judged} service${judged === 1 ? '' : 's'}${kept}`;
}

function isoTime(text: string): number {
  const time = readTime(text);
  if (time === undefined) throw new InvalidArgumentError('expected an ISO 8601 date or time, such as 2024-06-20 or 2024-06-20T10:00:00Z');
  return time;
}
