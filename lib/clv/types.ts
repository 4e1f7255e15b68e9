/**
 * Shapes of the predictive CLV models. Time is in the summary's time unit
 * (weeks in the literature and here by default); money is in the unit of the
 * transactions (major units from a file, minor units from CRM deals).
 */

/** One purchase. `day` counts calendar days since 1970-01-01 (the date as written, no time zone). */
export type Transaction = { customerId: string; day: number; amount: number };

/**
 * One customer over the calibration period, in the notation of Fader, Hardie & Lee:
 * the first purchase starts the customer's clock and is not a repeat purchase;
 * several purchases on one day are one purchase (their amounts add up).
 */
export type CustomerSummary = {
  customerId: string;
  /** Repeat purchases: purchase days after the first one, up to the calibration end. */
  x: number;
  /** Recency t_x: time from the first purchase to the last repeat one (0 when x = 0). */
  tx: number;
  /** Age T: time from the first purchase to the end of calibration. */
  T: number;
  /** m_x: mean spend per repeat purchase day (0 when x = 0); the first purchase is left out. */
  mx: number;
  /** Day of the first purchase (days since 1970-01-01). */
  firstDay: number;
  /** Repeat purchase days and their spend in the hold-out period, when one was asked for. */
  holdout?: { x: number; spend: number };
};

/** What BG/NBD reads of a customer. */
export type PurchaseHistory = Pick<CustomerSummary, 'x' | 'tx' | 'T'>;
/** What Gamma-Gamma reads of a customer. */
export type SpendHistory = Pick<CustomerSummary, 'x' | 'mx'>;

/**
 * BG/NBD: while active, a customer buys as a Poisson process with rate λ ~ Gamma(r, α)
 * (shape r, rate α, in purchases per time unit); after each repeat purchase the customer
 * drops out for good with probability p ~ Beta(a, b).
 */
export type BgNbdParams = { r: number; alpha: number; a: number; b: number };

/**
 * Gamma-Gamma: a customer's purchase amounts are Gamma(p, ν) around the customer's mean
 * p/ν, with ν ~ Gamma(q, γ) across customers; spend is independent of purchase frequency.
 */
export type GammaGammaParams = { p: number; q: number; gamma: number };

export type FitDiagnostics = {
  logLikelihood: number;
  /** Largest gradient component of the mean log-likelihood in log-parameters at the optimum. */
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  /** `bfgs` normally; `nelder-mead` when the quasi-Newton search got stuck and the simplex finished. */
  optimizer: 'bfgs' | 'nelder-mead';
};

export type BgNbdFit = FitDiagnostics & {
  params: BgNbdParams;
  /** Asymptotic standard errors (observed information); absent if the Hessian is not positive definite. */
  standardErrors?: BgNbdParams;
  customers: number;
  repeatCustomers: number;
};

export type Excluded = { count: number; reason: string };

export type GammaGammaFit = FitDiagnostics & {
  params: GammaGammaParams;
  standardErrors?: GammaGammaParams;
  /** Repeat customers the spend model was fitted on. */
  customers: number;
  /** Customers left out of the spend fit and why (no repeat purchase, spend not above 0). */
  excluded: readonly Excluded[];
  /** Pearson correlation of x and m_x; the model assumes it is near 0. */
  frequencySpendCorrelation: number;
  /** Population mean spend per purchase, γ p / (q − 1). */
  meanSpend: number;
};
