import { z } from '../../model/zod';
import { API_VERSION, SalesforceError, salesforceGet, type SalesforceContext } from './client';

const orgBody = z.lazy(() =>
  z.object({
    records: z.array(
      z.object({
        DefaultCurrencyIsoCode: z
          .string()
          .regex(/^[A-Z]{3}$/)
          .nullish(),
      }),
    ),
  }),
);

/**
 * The org settings amounts depend on, read once when the rep connects:
 * its corporate currency (Organization.DefaultCurrencyIsoCode) and whether it is
 * multi-currency (the CurrencyType object exists only in multi-currency orgs).
 */
export async function readOrgSettings(ctx: SalesforceContext): Promise<{ currency?: string; multiCurrency: boolean }> {
  const q = (soql: string) => `/services/data/${API_VERSION}/query?q=${encodeURIComponent(soql)}`;
  const org = orgBody.safeParse((await salesforceGet(ctx, q('SELECT DefaultCurrencyIsoCode FROM Organization'))).body);
  const currency = org.success ? (org.data.records[0]?.DefaultCurrencyIsoCode ?? undefined) : undefined;
  let multiCurrency = true;
  try {
    await salesforceGet(ctx, q('SELECT IsoCode FROM CurrencyType WHERE IsCorporate = true'));
  } catch (error) {
    if (error instanceof SalesforceError && error.kind === 'forbidden') multiCurrency = false;
    else throw error;
  }
  return { currency, multiCurrency };
}
