/**
 * Where a wildcard may stand in an action name. `word` cuts at CamelCase word starts
 * (`GetBucketCORS` = Get|Bucket|CORS, `CreateDBInstance` = Create|DB|Instance), which is what
 * Access Analyzer shows; `char` cuts between any two characters, which is the most compact.
 */
export type Granularity = 'word' | 'char';

export const GRANULARITIES: readonly Granularity[] = ['word', 'char'];

/**
 * The cut positions in a full `service:Action` name, ascending, excluding 0 and including the
 * length. The service prefix with its colon is always one token: IAM accepts no pattern without
 * a colon but `*`, so `s*` cannot stand for the services starting with `s`.
 */
export function tokenBoundaries(action: string, granularity: Granularity): number[] {
  const nameStart = action.indexOf(':') + 1;
  if (granularity === 'char') return Array.from({ length: action.length - nameStart + 1 }, (_, index) => nameStart + index);
  const cuts = [nameStart];
  for (let index = nameStart + 1; index < action.length; index++) {
    if (startsWord(action, index, nameStart)) cuts.push(index);
  }
  if (cuts[cuts.length - 1] !== action.length) cuts.push(action.length);
  return cuts;
}

function startsWord(name: string, index: number, nameStart: number): boolean {
  const previous = name[index - 1]!;
  const current = name[index]!;
  const next = name[index + 1];
  if (!isAlphanumeric(current) || (!isAlphanumeric(previous) && index - 1 >= nameStart)) return true;
  if (!isUpper(current)) return false;
  if (isLower(previous) || isDigit(previous)) return true;
  // The last capital of an acronym starts the next word: DB|Instance.
  return isUpper(previous) && next !== undefined && isLower(next);
}

/** The words of an action name (without its service), as the boundaries cut them. */
export function words(name: string): string[] {
  const action = `:${name}`;
  const cuts = tokenBoundaries(action, 'word');
  return cuts.slice(1).map((cut, index) => action.slice(cuts[index], cut));
}

const isUpper = (char: string): boolean => char >= 'A' && char <= 'Z';
const isLower = (char: string): boolean => char >= 'a' && char <= 'z';
const isDigit = (char: string): boolean => char >= '0' && char <= '9';
const isAlphanumeric = (char: string): boolean => isUpper(char) || isLower(char) || isDigit(char);
