import { InputError } from '../input/input-error.js';
import type { JsonPath } from '../input/json-path.js';

/**
 * Runs a parser that names paths from the root of the value it is given, for a value nested at
 * `prefix` inside `source`: its errors then name the whole path from the file's root.
 */
export function parseNested<T>(source: string, prefix: JsonPath, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(source, [...prefix, ...error.path], error.problem);
    throw error;
  }
}
