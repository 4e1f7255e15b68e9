import type { MessageKey } from '@/lib/i18n';
import type { SampleUnit } from '@/lib/kpi';
import type { ShownResult } from '@/lib/views';
import { useI18n } from '../common/i18n';

/** How a sample's records read: "3 closed deals", "12 leads". */
export const SAMPLE_KEYS: Record<SampleUnit, MessageKey> = {
  closedDeals: 'count.closedDeals',
  wonDeals: 'count.wonDeals',
  createdDeals: 'count.deals',
  leads: 'count.leads',
  customers: 'count.customers',
  emails: 'count.sent',
};

/** Under a low-sample figure: what it rests on and why it is only a hint ("Only 3 closed deals: too few for a trend"). */
export function SampleNote({ result }: { result: ShownResult | undefined }) {
  const { t } = useI18n();
  if (result?.status !== 'low-sample') return null;
  const { n, min, unit } = result.sample;
  return (
    <p className="sample-note" data-sample-n={n} data-sample-min={min}>
      {t('sample.low', { what: t(SAMPLE_KEYS[unit], { count: n }), min })}
    </p>
  );
}

/** How much of the input a figure could use, and what it assumes ("31 of 40 open deals have an amount"). */
export function CoverageNotes({ result }: { result: ShownResult | undefined }) {
  const { t } = useI18n();
  if (!result || (result.status !== 'ok' && result.status !== 'low-sample')) return null;
  const lines: string[] = [];
  const coverage = result.coverage;
  if (coverage)
    lines.push(t(coverage.what === 'open deals with an amount' ? 'coverage.amount' : 'coverage.listPrice', { have: coverage.have, of: coverage.of }));
  for (const note of result.notes ?? []) lines.push(t(note.code === 'current-stage' ? 'note.currentStage' : 'note.listPriceEstimate', { count: note.count }));
  if (!lines.length) return null;
  return (
    <ul className="coverage-notes">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** For a period in progress: the days it covers so far and the same days it is compared with. */
export function PartialNote({ result }: { result: ShownResult | undefined }) {
  const i18n = useI18n();
  if (!result?.partial || !result.span || !result.comparison) return null;
  return (
    <p className="muted partial-note">
      {i18n.t('sample.partial', {
        span: i18n.dayRange(result.span.start, result.span.end),
        comparison: i18n.dayRange(result.comparison.start, result.comparison.end),
      })}
    </p>
  );
}
