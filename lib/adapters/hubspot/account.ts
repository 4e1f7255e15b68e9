import { z } from '../../model/zod';
import { CrmError } from '../errors';
import { hubspotRequest, type HubspotContext } from './client';

const details = z.lazy(() =>
  z.object({
    portalId: z.number().int().positive(),
    companyCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullish(),
    timeZone: z.string().nullish(),
    uiDomain: z.string().nullish(),
  }),
);

/** The account facts records need (`GET /account-info/v3/details`): portal id for links, company currency for amounts. */
export async function readAccountInfo(ctx: HubspotContext): Promise<{ portalId: string; currency?: string; timeZone?: string; appUrl?: string }> {
  const { body } = await hubspotRequest(ctx, 'GET', '/account-info/v3/details');
  const parsed = details.safeParse(body);
  if (!parsed.success) throw new CrmError('bad-response', 'HubSpot did not describe the account', 'Check the private app token in KPI Lens options.');
  const { portalId, companyCurrency, timeZone, uiDomain } = parsed.data;
  return {
    portalId: String(portalId),
    currency: companyCurrency ?? undefined,
    timeZone: timeZone ?? undefined,
    appUrl: uiDomain && /^app(-eu1)?\.hubspot\.com$/.test(uiDomain) ? `https://${uiDomain}` : undefined,
  };
}
