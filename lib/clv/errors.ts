/** Why the models could not be fitted to a data set; the message says it in words. */
export const CLV_FIT_ERROR_CODES = [
  /** A non-finite, negative or inconsistent value (t_x > T, a fractional x...). */
  'invalid-input',
  'too-few-customers',
  /** Nobody bought twice: nothing tells repeat-purchase rates from dropout. */
  'no-repeat-purchases',
  'too-few-repeat-customers',
  /** Every repeat customer spends the same: the spend model has nothing to fit. */
  'no-spend-variation',
  /** The likelihood keeps improving towards a parameter of 0 or ∞ (e.g. no sign of dropout at all). */
  'degenerate-fit',
  'did-not-converge',
  /** q ≤ 1: the fitted spend distribution has no finite mean, so CLV is not defined. */
  'infinite-mean-spend',
  /** The fitted parameters are so extreme that a prediction cannot be computed in double precision. */
  'numerical-failure',
] as const;
export type ClvFitErrorCode = (typeof CLV_FIT_ERROR_CODES)[number];

export class ClvFitError extends Error {
  override readonly name = 'ClvFitError';
  constructor(
    readonly code: ClvFitErrorCode,
    message: string,
  ) {
    super(message);
  }
}
