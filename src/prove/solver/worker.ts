import { parentPort } from 'node:worker_threads';
import { init, killThreads } from 'z3-solver';
import type { SolvedMessage, WorkerMessage, WorkerRequest } from './protocol.js';

/**
 * A solver worker: its own Z3 WebAssembly instance (one instance runs one long call at a time,
 * so parallelism means one instance per thread).
 *
 * The script is parsed with the synchronous `parse_smtlib2_string` and its assertions handed to a
 * fresh solver, then solved with the asynchronous `solver_check`. Measured here, that costs a
 * quarter of `solver_from_string` on the same scripts, whose cost grows with every
 * string-function application. A script whose stated status is `unsat` is solved after a
 * `solver_push`, which puts Z3 in incremental mode: for the ground refutation queries that make
 * most obligations, several times faster; for `sat`-expected scripts it is slower, so they are not.
 * (`eval_smtlib2_string` would be simpler, but its asynchronous binding passes the script through
 * a stack buffer that the solver thread may read after it is reused: about one script in sixty
 * came back garbled.)
 */
const port = parentPort!;
// The WebAssembly runtime prints its own notes (`received "cleanupThread" command from terminated
// worker` when its threads are stopped at close, `still waiting on run dependencies` while it
// loads): they are not the user's business. IAM_REFINE_DEBUG lets them through.
const runtimeNote = process.env.IAM_REFINE_DEBUG ? (...text: unknown[]): void => void process.stderr.write(`z3 runtime: ${text.join(' ')}\n`) : (): void => {};
const api = await init({ print: runtimeNote, printErr: runtimeNote });
const { Z3 } = api;

const send = (message: WorkerMessage): void => port.postMessage(message);

port.on('message', (request: WorkerRequest) => {
  if (request.kind === 'close') {
    void killThreads(api.em).finally(() => port.close());
    return;
  }
  void solve(request.job, request.script, request.timeoutMs, request.witnesses).then(send);
});

const LBOOL = { false: -1, undefined: 0, true: 1 } as const;

/**
 * Whether to solve in incremental mode: for an `unsat`-expected script whose patterns are all
 * literals or literal prefixes (`(str.to_re "...")`, `(re.++ (str.to_re "...") re.all)`, or the
 * predicates `=`, `str.prefixof`, `true`), several times faster; with a wildcard inside a pattern
 * (`sagemaker:*HumanLoop`), measured twenty times slower, and `sat`-expected scripts slower too.
 */
function incremental(script: string): boolean {
  if (!expectsUnsat(script)) return false;
  for (const [, regex = ''] of script.matchAll(/\(define-fun [^ ]+ \(\) RegLan (.*)\)(?: ;|$)/gm)) {
    if (!/^(?:re\.all|\(str\.to_re "(?:[^"]|"")*"\)|\(re\.\+\+ \(str\.to_re "(?:[^"]|"")*"\) re\.all\))$/.test(regex)) return false;
  }
  return !/^\(define-fun [^ ]+ \(\(a String\)\) Bool \(str\.in_re /m.test(script);
}

function expectsUnsat(script: string): boolean {
  return /\(set-info :status unsat\)/.test(script);
}

type Context = Parameters<typeof Z3.del_context>[0];

/**
 * One context serves the evaluation of many scripts: making and deleting one costs about a
 * millisecond, as much as a small ground file. Each parse has its own declarations, so nothing of
 * one script reaches the next; but a context keeps every term it made, so it is renewed after this
 * many characters of scripts, and after any script that failed.
 */
const RENEW_AFTER_CHARACTERS = 8_000_000;
let shared: { context: Context; characters: number } | undefined;

function contextFor(script: string): Context {
  if (shared === undefined || shared.characters > RENEW_AFTER_CHARACTERS) {
    if (shared !== undefined) Z3.del_context(shared.context);
    shared = { context: Z3.mk_context(Z3.mk_config()), characters: 0 };
  }
  shared.characters += script.length;
  return shared.context;
}

function discardContext(): void {
  if (shared !== undefined) Z3.del_context(shared.context);
  shared = undefined;
}

async function solve(job: number, script: string, timeoutMs: number, witnesses: readonly string[]): Promise<SolvedMessage> {
  const started = performance.now();
  const answer = (text: SolvedMessage['answer'], detail = '', values: readonly string[] = []): SolvedMessage => ({ kind: 'solved', job, answer: text, detail, values, timeMs: performance.now() - started });
  try {
    if (expectsUnsat(script) && refutedByEvaluation(script)) return answer('unsat');
    return await solveInFreshContext(script, timeoutMs, witnesses, answer);
  } catch (error) {
    return answer('error', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Whether the script is decided by evaluation: a ground file (every line a catalog action and
 * its facts) reduces to `false` under Z3's model evaluator, its rewriter, with an empty model (the
 * constants left free) exactly when no value of them satisfies it. Synchronous, so without the
 * solver thread's hand-over, in the shared context; measured 4 to 7 times cheaper than solving on
 * the claim 1 files of `{"Action": "*"}`.
 */
function refutedByEvaluation(script: string): boolean {
  const context = contextFor(script);
  try {
    const assertions = Z3.parse_smtlib2_string(context, script, [], [], [], []);
    if (Z3.get_error_code(context) !== 0) {
      discardContext();
      return false;
    }
    Z3.ast_vector_inc_ref(context, assertions);
    const empty = Z3.mk_model(context);
    Z3.model_inc_ref(context, empty);
    let refuted = false;
    for (let index = 0; index < Z3.ast_vector_size(context, assertions) && !refuted; index++) {
      const value = Z3.model_eval(context, empty, Z3.ast_vector_get(context, assertions, index), false);
      refuted = value !== null && Z3.get_bool_value(context, value) === LBOOL.false;
    }
    Z3.model_dec_ref(context, empty);
    Z3.ast_vector_dec_ref(context, assertions);
    return refuted;
  } catch (error) {
    discardContext();
    throw error;
  }
}

/**
 * The solver, in a context of its own: a model, and so a witness, then depends on the script
 * alone, not on what the worker solved before (the same witnesses with 1 worker or 8).
 */
async function solveInFreshContext(script: string, timeoutMs: number, witnesses: readonly string[], answer: (text: SolvedMessage['answer'], detail?: string, values?: readonly string[]) => SolvedMessage): Promise<SolvedMessage> {
  Z3.global_param_set('timeout', String(timeoutMs));
  const context = Z3.mk_context(Z3.mk_config());
  try {
    const solver = Z3.mk_solver(context);
    Z3.solver_inc_ref(context, solver);
    if (incremental(script)) Z3.solver_push(context, solver);
    const assertions = Z3.parse_smtlib2_string(context, script, [], [], [], []);
    const error = Z3.get_error_code(context);
    if (error !== 0) return answer('error', Z3.get_error_msg(context, error));
    Z3.ast_vector_inc_ref(context, assertions);
    for (let index = 0; index < Z3.ast_vector_size(context, assertions); index++) Z3.solver_assert(context, solver, Z3.ast_vector_get(context, assertions, index));
    const result = await Z3.solver_check(context, solver);
    if (result === LBOOL.false) return answer('unsat');
    if (result === LBOOL.undefined) return answer('unknown', Z3.solver_get_reason_unknown(context, solver));
    const model = Z3.solver_get_model(context, solver);
    Z3.model_inc_ref(context, model);
    return answer('sat', '', witnesses.map((name) => modelString(context, model, name)));
  } finally {
    Z3.del_context(context);
  }
}

/** A string constant's value in the model, code point by code point (no escaping to undo). */
function modelString(context: Context, model: Parameters<typeof Z3.model_eval>[1], name: string): string {
  const constant = Z3.mk_const(context, Z3.mk_string_symbol(context, name), Z3.mk_string_sort(context));
  const value = Z3.model_eval(context, model, constant, true);
  if (value === null || !Z3.is_string(context, value)) return '';
  return String.fromCodePoint(...Z3.get_string_contents(context, value, Z3.get_string_length(context, value)));
}

// The first check of an instance pays for starting its solver thread: pay it before reporting ready.
await solve(-1, '(set-logic QF_S)(declare-const w String)(assert (str.in_re w (re.++ (str.to_re "a") re.all)))(check-sat)', 10_000, []);
send({ kind: 'ready', version: Z3.get_full_version() });
