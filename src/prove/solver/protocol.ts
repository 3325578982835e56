/** Messages between the solver pool and its workers. */
export interface SolveRequest {
  readonly kind: 'solve';
  readonly job: number;
  readonly script: string;
  readonly timeoutMs: number;
  /** The constants to read back from the model when the answer is `sat`. */
  readonly witnesses: readonly string[];
}

export interface CloseRequest {
  readonly kind: 'close';
}

export type WorkerRequest = SolveRequest | CloseRequest;

export interface ReadyMessage {
  readonly kind: 'ready';
  readonly version: string;
}

export interface SolvedMessage {
  readonly kind: 'solved';
  readonly job: number;
  readonly answer: 'sat' | 'unsat' | 'unknown' | 'error';
  /** The solver's reason for `unknown`, the message for `error`. */
  readonly detail: string;
  /** For `sat`: the witnesses' values. */
  readonly values: readonly string[];
  readonly timeMs: number;
}

export type WorkerMessage = ReadyMessage | SolvedMessage;
