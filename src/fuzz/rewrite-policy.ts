import type { Json, JsonObject } from '../input/json.js';
import { seededRandom, shuffled, type RandomSource } from './_internals/random.js';

/**
 * A policy rewritten without changing what it allows, for the comparison's real-data checks:
 * statements with several `Action` patterns (or several `Resource` entries) split in two, the
 * statements shuffled, every action pattern's letters re-cased at random (actions are
 * case-insensitive; resources are not, and are left alone). `NotAction` and `NotResource` lists
 * are never split: their meaning is not a union.
 */
export function rewritePolicy(document: JsonObject, seed: number): JsonObject {
  const random = seededRandom(seed);
  const raw = document.Statement;
  const statements: readonly Json[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const rewritten = statements.flatMap((statement) => splitStatement(statement as JsonObject, random)).map((statement) => recased(statement, random));
  return { ...document, Statement: shuffled(rewritten, random) };
}

function splitStatement(statement: JsonObject, random: RandomSource): JsonObject[] {
  const { Sid: sid, ...rest } = statement;
  const named = (part: JsonObject, suffix: string): JsonObject => (typeof sid === 'string' && sid !== '' ? { Sid: `${sid}${suffix}`, ...part } : part);
  const actions = statement.Action;
  if (Array.isArray(actions) && actions.length >= 2) {
    const cut = 1 + Math.floor(random() * (actions.length - 1));
    return [named({ ...rest, Action: actions.slice(0, cut) }, 'A'), named({ ...rest, Action: actions.slice(cut) }, 'B')];
  }
  const resources = statement.Resource;
  if (Array.isArray(resources) && resources.length >= 2) {
    const cut = 1 + Math.floor(random() * (resources.length - 1));
    return [named({ ...rest, Resource: resources.slice(0, cut) }, 'A'), named({ ...rest, Resource: resources.slice(cut) }, 'B')];
  }
  return [statement];
}

function recased(statement: JsonObject, random: RandomSource): JsonObject {
  const key = 'Action' in statement ? 'Action' : 'NotAction';
  const value = statement[key];
  const flip = (text: string): string => text.replace(/[A-Za-z]/g, (char) => (random() < 0.5 ? char.toUpperCase() : char.toLowerCase()));
  if (typeof value === 'string') return { ...statement, [key]: flip(value) };
  if (Array.isArray(value)) return { ...statement, [key]: value.map((entry: Json) => (typeof entry === 'string' ? flip(entry) : entry)) };
  return statement;
}
