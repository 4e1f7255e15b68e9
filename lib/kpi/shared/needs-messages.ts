/** The "needs data" messages several KPIs give, in English (the UI localises from the result's `missing`). */
export const NEEDS_DEALS = 'Connect a CRM or import deals.';
export const NEEDS_ACTIVITIES = 'Connect a CRM that records calls, emails and meetings, or import activities.';
export const NEEDS_LEADS = 'Connect a CRM that keeps leads, or import them.';
export const NEEDS_CUSTOMERS = 'Connect a CRM that keeps customers (accounts with acquisition and churn dates).';
export const NEEDS_CHURN = 'Churn needs to know when customers stopped buying: churn dates on customers, or subscription (MRR) data with churn.';
