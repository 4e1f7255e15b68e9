/**
 * The plug-in point of the `clv` KPI. A CLV method turns purchase histories and the period's
 * churn/margin facts into one average lifetime value per customer. The engine ships `historical` and
 * `predictive` (catalogue/clv.ts); a fitted model such as BG/NBD + Gamma-Gamma (lib/clv) is passed to
 * computeKpis as another ClvMethod and chosen with `settings.clvMethod`.
 */
import type { Period } from '../period/types';
import type { DataNeed, LocalizedText } from './types';

/** One purchase: a won deal linked to a customer, in minor units of the reporting currency. */
export type ClvTransaction = { customerId: string; dealId: string; at: number; minor: number };

export type ClvInput = {
  period: Period;
  asOf: number;
  /** Reporting currency code; every amount here is in its minor units. */
  reporting: string;
  /** Won deals with a customer, closed before the period ends, oldest first. */
  transactions: readonly ClvTransaction[];
  /** Gross margin (%) of won deals in the period from their costs, else the default margin setting. */
  marginPct: number | undefined;
  /** Customer churn per month (0–1): churn rate in the period ÷ the period's months. */
  monthlyChurn: number | undefined;
  /** Average monthly revenue per paying customer in the period (MRR-based where MRR exists). */
  monthlyRevenuePerCustomer: number | undefined;
  /** Where `monthlyRevenuePerCustomer` came from. */
  revenueBasis: 'mrr' | 'won-deals' | undefined;
  customersAtStart: number;
  customersLost: number;
};

export type ClvEstimate =
  | {
      ok: true;
      /** Average CLV per customer, minor units of the reporting currency. */
      value: number;
      parts?: Readonly<Record<string, number>>;
      counts?: Readonly<Record<string, number>>;
      /** The records behind the value (deal ids). */
      recordIds?: readonly string[];
    }
  | { ok: false; missing?: readonly DataNeed[]; reason: string };

export type ClvMethod = {
  /** `historical`, `predictive`, `bg-nbd`...; shown as the result's `method`. */
  id: string;
  name: LocalizedText;
  estimate: (input: ClvInput) => ClvEstimate;
};
