import type { DealRef } from '@/lib/export';

/** A deal's title as text, linked to the CRM only through its http(s) record URL. */
export function DealLink({ deal }: { deal: DealRef }) {
  const safe = deal.url !== undefined && /^https?:\/\//i.test(deal.url) ? deal.url : undefined;
  if (!safe) return <span className="deal-title">{deal.title}</span>;
  return (
    <a className="deal-title" href={safe} target="_blank" rel="noopener noreferrer">
      {deal.title}
    </a>
  );
}
