import type { Quota } from '../../model';
import { z } from '../../model/zod';
import { API_VERSION, SalesforceError, salesforceGet, type SalesforceContext } from './client';
import { soqlId } from './soql';

/**
 * What a ForecastingQuota needs besides its own fields (Salesforce Object
 * Reference: ForecastingQuota, ForecastingType, Period):
 * - An org with several forecast types (opportunity revenue, splits, product
 *   families, quantities) has one quota per user and period per type, so
 *   reading them all counts a rep's quota several times: KPI Lens reads the
 *   quotas of one revenue forecast type, chosen here.
 * - A quota's StartDate is the start of its forecast period, whose length the
 *   org sets (month or quarter, in a fiscal year that need not start in
 *   January): the quota's Period (PeriodId) gives the real start and end.
 */
const sfId = z.string().regex(/^[a-zA-Z0-9]{15,18}$/);
const forecastTypeSchema = z.lazy(() =>
  z.object({ Id: sfId, DeveloperName: z.string().nullish(), IsAmount: z.boolean().nullish(), IsActive: z.boolean().nullish() }),
);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const periodSchema = z.lazy(() => z.object({ Id: sfId, StartDate: date, EndDate: date, Type: z.string().nullish() }));
const records = z.lazy(() => z.object({ records: z.array(z.unknown()) }));

export type ForecastType = z.infer<typeof forecastTypeSchema>;
/** A quota's period: calendar dates, end exclusive (the canonical quota's convention). */
export type QuotaPeriod = { startDate: string; endDate: string; kind: Quota['periodKind'] };

const query = (soql: string) => `/services/data/${API_VERSION}/query?q=${encodeURIComponent(soql)}`;

/**
 * The revenue forecast type whose quotas count: the standard "Opportunity
 * Revenue" (DeveloperName OpportunityRevenue) when active, else another active
 * amount type, opportunity revenue before splits before the rest, by name so
 * the choice is the same every run. Undefined when the org has no active amount type.
 */
export function chooseForecastType(types: readonly ForecastType[]): string | undefined {
  const rank = (name: string) =>
    name === 'OpportunityRevenue'
      ? 0
      : /^Opportunity.*Revenue$/.test(name) && !/Split|Overlay/.test(name)
        ? 1
        : /Revenue$/.test(name) && !/Split|Overlay/.test(name)
          ? 2
          : 3;
  const candidates = types.filter((type) => type.IsActive !== false && type.IsAmount === true).map((type) => ({ id: type.Id, name: type.DeveloperName ?? '' }));
  candidates.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return candidates[0]?.id;
}

/**
 * The forecast type to filter quotas on, read once per chain: its id, or ''
 * when the org does not let KPI Lens read forecast types (then every quota is
 * read, as before forecast types existed).
 */
export async function quotaForecastType(ctx: SalesforceContext): Promise<string> {
  try {
    const { body } = await salesforceGet(ctx, query('SELECT Id, DeveloperName, IsAmount, IsActive FROM ForecastingType'));
    const parsed = records.safeParse(body);
    const types = parsed.success
      ? parsed.data.records.flatMap((raw) => {
          const type = forecastTypeSchema.safeParse(raw);
          return type.success ? [type.data] : [];
        })
      : [];
    return chooseForecastType(types) ?? '';
  } catch (error) {
    if (error instanceof SalesforceError && error.kind === 'forbidden') return '';
    throw error;
  }
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** A Period as the quota's dates: EndDate is its last day, so the exclusive end is the day after. */
export function periodOf(period: z.infer<typeof periodSchema>): QuotaPeriod {
  const calendar = (months: readonly string[]) => months.includes(period.StartDate.slice(5));
  const type = (period.Type ?? '').toLowerCase();
  const kind: Quota['periodKind'] =
    type === 'month'
      ? 'month'
      : type === 'quarter'
        ? calendar(['01-01', '04-01', '07-01', '10-01'])
          ? 'quarter'
          : 'fiscal-quarter'
        : type === 'year'
          ? calendar(['01-01'])
            ? 'year'
            : 'fiscal-year'
          : 'custom';
  return { startDate: period.StartDate, endDate: nextDay(period.EndDate), kind };
}

/** The Periods of a page of quotas, by id; an org that hides Periods leaves the mapper to its fallback. */
export async function readPeriods(ctx: SalesforceContext, ids: readonly string[]): Promise<Map<string, QuotaPeriod>> {
  const out = new Map<string, QuotaPeriod>();
  const wanted = [...new Set(ids.filter((id) => /^[a-zA-Z0-9]{15,18}$/.test(id)))];
  if (wanted.length === 0) return out;
  // 100 ids a query keeps the GET well under Salesforce's URL length limit.
  for (let i = 0; i < wanted.length; i += 100) {
    let body: unknown;
    try {
      ({ body } = await salesforceGet(
        ctx,
        query(
          `SELECT Id, StartDate, EndDate, Type FROM Period WHERE Id IN (${wanted
            .slice(i, i + 100)
            .map(soqlId)
            .join(', ')})`,
        ),
      ));
    } catch (error) {
      if (error instanceof SalesforceError && error.kind === 'forbidden') return out;
      throw error;
    }
    const parsed = records.safeParse(body);
    for (const raw of parsed.success ? parsed.data.records : []) {
      const period = periodSchema.safeParse(raw);
      if (period.success && period.data.StartDate <= period.data.EndDate) out.set(period.data.Id, periodOf(period.data));
    }
  }
  return out;
}
