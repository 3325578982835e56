/**
 * The SARIF 2.1.0 JSON schema (OASIS's, as `@microsoft/jest-sarif` ships it: draft-04) compiled
 * with Ajv, formats (uri, date-time) checked: what every SARIF test validates against.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type AjvDraft04 from 'ajv-draft-04';
import type addFormatsFunction from 'ajv-formats';

// Both are CommonJS modules whose export is `default`.
const require = createRequire(import.meta.url);
const Ajv = (require('ajv-draft-04') as { default: typeof AjvDraft04.default }).default;
const addFormats = (require('ajv-formats') as { default: typeof addFormatsFunction.default }).default;
const SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

// The schema's `language` pattern is not a valid regular expression in Unicode mode (`[a-zA-Z]{2}]?`).
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);

/** The schema's complaints about `log`, one line each; empty when it is valid SARIF 2.1.0. */
export function sarifSchemaErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((error: { instancePath: string; message?: string }) => `${error.instancePath} ${error.message ?? ''}`);
}
