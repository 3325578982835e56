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

async function solve(job: number, script: string, timeoutMs: number, witnesses: readonly string[]): Promise<SolvedMessage> {
  Z3.global_param_set('timeout', String(timeoutMs));
  const context = Z3.mk_context(Z3.mk_config());
  const started = performance.now();
  const answer = (text: SolvedMessage['answer'], detail = '', values: readonly string[] = []): SolvedMessage => ({ kind: 'solved', job, answer: text, detail, values, timeMs: performance.now() - started });
  try {
    const solver = Z3.mk_solver(context);
    Z3.solver_inc_ref(context, solver);
    if (incremental(script)) Z3.solver_push(context, solver);
    const assertions = Z3.parse_smtlib2_string(context, script, [], [], [], []);
    const error = Z3.get_error_code(context);
    if (error !== 0) return answer('error', Z3.get_error_msg(context, error));
    Z3.ast_vector_inc_ref(context, assertions);
    const count = Z3.ast_vector_size(context, assertions);
    // A ground file (every line a catalog action and its facts) is decided by Z3's rewriter, the
    // same simplifier its solver starts with, in a fraction of the solver's time: measured 4 to 7
    // times less on the claim 1 files of `{"Action": "*"}`. Anything it cannot reduce to false
    // goes to the solver as usual.
    if (expectsUnsat(script) && (await refutedBySimplifier(context, assertions, count))) return answer('unsat');
    for (let index = 0; index < count; index++) Z3.solver_assert(context, solver, Z3.ast_vector_get(context, assertions, index));
    const result = await Z3.solver_check(context, solver);
    if (result === LBOOL.false) return answer('unsat');
    if (result === LBOOL.undefined) return answer('unknown', Z3.solver_get_reason_unknown(context, solver));
    const model = Z3.solver_get_model(context, solver);
    Z3.model_inc_ref(context, model);
    return answer('sat', '', witnesses.map((name) => modelString(context, model, name)));
  } catch (error) {
    return answer('error', error instanceof Error ? error.message : String(error));
  } finally {
    Z3.del_context(context);
  }
}

/** Whether one of the assertions simplifies to `false`, which makes their conjunction unsatisfiable. */
async function refutedBySimplifier(context: Parameters<typeof Z3.del_context>[0], assertions: Parameters<typeof Z3.ast_vector_get>[1], count: number): Promise<boolean> {
  for (let index = 0; index < count; index++) {
    const simplified = await Z3.simplify(context, Z3.ast_vector_get(context, assertions, index));
    if (Z3.get_bool_value(context, simplified) === LBOOL.false) return true;
  }
  return false;
}

/** A string constant's value in the model, code point by code point (no escaping to undo). */
function modelString(context: Parameters<typeof Z3.del_context>[0], model: Parameters<typeof Z3.model_eval>[1], name: string): string {
  const constant = Z3.mk_const(context, Z3.mk_string_symbol(context, name), Z3.mk_string_sort(context));
  const value = Z3.model_eval(context, model, constant, true);
  if (value === null || !Z3.is_string(context, value)) return '';
  return String.fromCodePoint(...Z3.get_string_contents(context, value, Z3.get_string_length(context, value)));
}

// The first check of an instance pays for starting its solver thread: pay it before reporting ready.
await solve(-1, '(set-logic QF_S)(declare-const w String)(assert (str.in_re w (re.++ (str.to_re "a") re.all)))(check-sat)', 10_000, []);
send({ kind: 'ready', version: Z3.get_full_version() });
