import type { ContactMethod } from '../../model';

/**
 * Pipedrive's `origin` says how a deal or lead entered the CRM (ManuallyCreated,
 * API, WebForms, LeadBooster, LiveChat, Prospector, Import...) and a source
 * name may say more. Only clear cases are normalised to a contact method; the
 * raw value is kept beside it so nothing is lost.
 */
export function pipedriveChannel(raw: string | null | undefined): ContactMethod | undefined {
  if (!raw) return undefined;
  const text = raw.toLowerCase();
  if (/web ?form|chatbot|live ?chat|leadbooster|website|inbound/.test(text)) return 'inbound';
  if (/referr?al/.test(text)) return 'referral';
  if (/linkedin|facebook|twitter|instagram|social/.test(text)) return 'social';
  if (/e-?mail|campaign/.test(text)) return 'email';
  if (/call|phone/.test(text)) return 'call';
  if (/event|conference|webinar|trade ?show/.test(text)) return 'event';
  return undefined;
}
