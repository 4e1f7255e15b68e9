/**
 * Failures an adapter reports to the sync engine. `kind` drives what the engine
 * does next; `userAction` is what the sidebar tells the rep.
 */
export type CrmErrorKind =
  /** Session expired or token invalid: stop, ask the rep to sign in / reload / re-enter the token. */
  | 'auth'
  /** 429 or equivalent: wait `retryAfterMs`, then retry the same step. */
  | 'rate-limit'
  /** The daily or periodic API allocation is used up: pause until `retryAfterMs`. */
  | 'budget-exhausted'
  /** Network failure or 5xx: retry with backoff. */
  | 'transient'
  /** The response is not what the API documents: quarantine what can be, stop the object. */
  | 'bad-response'
  /** The account lacks access to this object: skip it, say so. */
  | 'forbidden';

export class CrmError extends Error {
  override readonly name = 'CrmError';
  constructor(
    readonly kind: CrmErrorKind,
    message: string,
    readonly userAction: string,
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(message);
  }
}

export function isCrmError(error: unknown): error is CrmError {
  return error instanceof CrmError;
}
