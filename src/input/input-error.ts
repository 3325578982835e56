import { formatJsonPath, type JsonPath } from './json-path.js';

/**
 * Something wrong with what the user gave: a file, a JSON path inside it, and what is wrong there.
 * The CLI prints `message` as one line and exits with code 2.
 */
export class InputError extends Error {
  override readonly name = 'InputError';

  constructor(
    readonly source: string,
    readonly path: JsonPath,
    readonly problem: string,
  ) {
    const where = formatJsonPath(path);
    super(where === '' ? `${source}: ${problem}` : `${source}: ${where}: ${problem}`);
  }
}
