import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Json, JsonObject } from '../input/json.js';

/**
 * SARIF 2.1.0 (OASIS), what GitHub code scanning and most CI dashboards read, from a tool-neutral
 * description: rules, and findings each with a rule, a level, a message and where it is. Every
 * command that reports findings (`check`, `prove`, and any other) builds its runs with this module.
 */

export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** How bad a finding is: SARIF's levels. `error` fails a gate; `warning` asks for a look; `note` informs. */
export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** A place in a text file: 1-based lines and columns; the end is just past the place. */
export interface SarifRegion {
  readonly startLine: number;
  readonly startColumn?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** A file (a path as the user gave it, or a URI) and, when known, the region in it. */
export interface SarifLocation {
  readonly uri: string;
  readonly region?: SarifRegion;
  /** What this place is, in words: "statement 1, pattern s3:Get*". */
  readonly description?: string;
}

/** What a finding is an instance of: one claim, one check. */
export interface SarifRule {
  /** Stable: dashboards track findings by it. */
  readonly id: string;
  /** PascalCase, as SARIF suggests: `NoEscalation`. */
  readonly name: string;
  readonly shortDescription: string;
  readonly fullDescription?: string;
  readonly defaultLevel?: SarifLevel;
  readonly helpUri?: string;
}

export interface SarifFinding {
  readonly ruleId: string;
  readonly level: SarifLevel;
  readonly message: string;
  /** The first is where the finding is; the others, related places. Empty: the finding is about no file. */
  readonly locations: readonly SarifLocation[];
  /** Anything else a machine may want (the counterexample, the statement): SARIF's property bag. */
  readonly properties?: JsonObject;
}

export interface SarifTool {
  readonly name: string;
  readonly version: string;
  readonly informationUri?: string;
}

/** One run of one tool: its rules and its findings (and, optionally, its own properties). */
export interface SarifRunInput {
  readonly tool: SarifTool;
  readonly rules: readonly SarifRule[];
  readonly findings: readonly SarifFinding[];
  readonly properties?: JsonObject;
}

/** The whole log: `{"version": "2.1.0", "$schema": ..., "runs": [...]}`. */
export function sarifLog(runs: readonly SarifRunInput[]): JsonObject {
  return { version: SARIF_VERSION, $schema: SARIF_SCHEMA_URI, runs: runs.map(sarifRun) };
}

/** One run: the tool with its rules, and each finding referring to its rule by id and index. */
export function sarifRun(run: SarifRunInput): JsonObject {
  const index = new Map(run.rules.map((rule, position) => [rule.id, position]));
  for (const finding of run.findings) if (!index.has(finding.ruleId)) throw new Error(`SARIF finding of an unknown rule ${finding.ruleId}`);
  return {
    tool: {
      driver: {
        name: run.tool.name,
        version: run.tool.version,
        ...(run.tool.informationUri === undefined ? {} : { informationUri: run.tool.informationUri }),
        rules: run.rules.map(sarifRule),
      },
    },
    results: run.findings.map((finding) => sarifResult(finding, index.get(finding.ruleId)!)),
    ...(run.properties === undefined ? {} : { properties: run.properties }),
  };
}

export function sarifRule(rule: SarifRule): JsonObject {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.shortDescription },
    ...(rule.fullDescription === undefined ? {} : { fullDescription: { text: rule.fullDescription } }),
    ...(rule.helpUri === undefined ? {} : { helpUri: rule.helpUri }),
    ...(rule.defaultLevel === undefined ? {} : { defaultConfiguration: { level: rule.defaultLevel } }),
  };
}

/** One result; `ruleIndex` is the rule's place in its run's `rules`. */
export function sarifResult(finding: SarifFinding, ruleIndex?: number): JsonObject {
  const [first, ...related] = finding.locations;
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: finding.level,
    message: { text: finding.message },
    locations: first === undefined ? [] : [sarifLocation(first)],
    ...(related.length === 0 ? {} : { relatedLocations: related.map((location, id) => ({ id, ...sarifLocation(location) })) }),
    ...(finding.properties === undefined ? {} : { properties: finding.properties }),
  };
}

function sarifLocation(location: SarifLocation): JsonObject {
  const region: Json | undefined = location.region === undefined ? undefined : { ...location.region };
  return {
    physicalLocation: {
      artifactLocation: { uri: artifactUri(location.uri) },
      ...(region === undefined ? {} : { region }),
    },
    ...(location.description === undefined ? {} : { message: { text: location.description } }),
  };
}

/** A relative path stays relative (to where the tool ran: the repository, in CI), with `/` and percent-escapes; an absolute one is a `file:` URI. */
export function artifactUri(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}
