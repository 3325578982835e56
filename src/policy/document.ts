import { InputError } from '../input/input-error.js';
import type { Json } from '../input/json.js';
import type { JsonPath } from '../input/json-path.js';
import { parseNested } from '../input/nested.js';
import { JsonSyntaxError, parseJson } from '../input/parse-json.js';
import { parsePolicy } from './parse.js';
import type { Policy } from './types.js';

/**
 * A policy document nested at `path` inside `source`, as AWS gives it: an object (as the AWS CLI
 * prints it) or a URL-encoded JSON string (as the IAM API returns it). Errors name the whole path
 * from the file's root, into the document: `PolicyVersion.Document.Statement[0].Action`.
 */
export function parseDocumentAt(value: Json | undefined, path: JsonPath, source: string): Policy {
  const fail = (problem: string): never => {
    throw new InputError(source, path, problem);
  };
  if (value === undefined) return fail('missing');
  let document: Json = value;
  if (typeof value === 'string') {
    let text: string;
    try {
      text = decodeURIComponent(value);
    } catch {
      return fail('expected a URL-encoded policy document, but it is not valid URL encoding');
    }
    try {
      document = parseJson(text);
    } catch (error) {
      if (error instanceof JsonSyntaxError) return fail(`the decoded policy document is not valid JSON: ${error.message}`);
      throw error;
    }
  }
  return parseNested(source, path, () => parsePolicy(document, source));
}
