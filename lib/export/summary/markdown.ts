/**
 * The summary as Markdown, to paste into Slack or an email: bold block titles and bullet lists (Slack
 * shows no tables), deal titles linked to the CRM. CRM text is escaped so a title can neither break a
 * line nor turn into markup or a link.
 */
import type { Locale } from '../../i18n/locale';
import { activityPhrase, dealFacts, lastWeek, moveDetail, rateWords, riskReasons, sectionName, summaryTitle, summaryWords, type SummaryWords } from './phrases';
import { dealChance, outlookHeading, outlookLines, weekPlanLines } from './outlook-phrases';
import { PIPELINE_MOVES, type ChartDay, type DealRef, type SummaryOutlook, type SummarySection, type WeeklySummary } from './types';

/** CRM text for Markdown: line breaks and tabs become spaces; characters with a Markdown meaning are backslash-escaped. */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n\t\u2028\u2029\u0085]+/g, ' ')
    .replace(/[\\`*_[\]<>|~&#]/g, '\\$&')
    .trim();
}

/** A link target that cannot end the link early or be anything but http(s); undefined otherwise. */
export function markdownUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.href.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function dealLink(deal: DealRef): string {
  const title = markdownText(deal.title) || markdownText(deal.id);
  const url = markdownUrl(deal.url);
  return url ? `[${title}](${url})` : title;
}

const BARS = '▁▂▃▄▅▆▇█';

/** `Mon 12 ▆ · Tue 15 █ …`: each day's done activities with a bar scaled to the busiest day. */
export function chartLine(days: readonly ChartDay[], w: SummaryWords): string {
  const totals = days.map((day) => day.call + day.email + day.meeting + day.other);
  const max = Math.max(0, ...totals);
  return days
    .map((day, i) => {
      const total = totals[i] as number;
      const bar = max > 0 && total > 0 ? BARS[Math.min(BARS.length - 1, Math.floor((total / max) * (BARS.length - 1)))] : ' ';
      return `${w.weekday(day.start)} ${w.num(total)}${bar === ' ' ? '' : ` ${bar}`}`;
    })
    .join(' · ');
}

export function renderMarkdown(summary: WeeklySummary, locale: Locale = 'en'): string {
  const w = summaryWords(summary, locale);
  const { t } = w;
  const out: string[] = [`**${markdownText(summaryTitle(summary, w))}**`];
  out.push(`_${t('asOf', { when: w.dateTime(summary.openAt), zone: summary.timeZone, currency: summary.currency })}_`);
  if (summary.week.partial) out.push(`_${t('partialWeek', { when: w.dateTime(summary.asOf) })}_`);
  const several = summary.sections.length > 1;
  for (const section of summary.sections) {
    out.push('');
    if (several) out.push(`### ${markdownText(sectionName(section, w))}`, '');
    out.push(...sectionLines(section, w));
  }
  const notes: string[] = [];
  if (summary.hiddenPeers > 0) notes.push(t('hiddenPeers', { count: summary.hiddenPeers }));
  if (summary.quietReps > 0) notes.push(t('quietReps', { count: summary.quietReps }));
  if (notes.length) out.push('', ...notes.map((note) => `_${note}_`));
  out.push(
    '',
    `_${t('howCounted')}: ${PIPELINE_MOVES.filter((m) => m !== 'lost')
      .map((m) => t(`define.${m}`))
      .join(' ')}_`,
  );
  return `${out.join('\n')}\n`;
}

function sectionLines(section: SummarySection, w: SummaryWords): string[] {
  const { t } = w;
  const out: string[] = [`**${t('activities')}**`];
  if (!section.activities) out.push(`- ${t('noActivities')}`);
  else {
    for (const line of section.activities) {
      const p = activityPhrase(line, w);
      out.push(`- ${p.label}: ${p.value}${p.status ? ` (${p.status})` : ''} · ${p.previous}`);
    }
    if (section.chart.length) out.push(`- ${t('chart')}: ${chartLine(section.chart, w)}`);
  }

  out.push('', `**${t('deals')}**`);
  const deals = section.deals;
  if (!deals) out.push(`- ${t('noDeals')}`);
  else {
    out.push(
      `- ${t('deals.created')}: ${w.num(deals.created.value)} (${w.money(deals.created.amount)}) · ${lastWeek(w.num(deals.created.previous), deals.created.change, w)}`,
    );
    out.push(`- ${t('deals.won')}: ${w.num(deals.won.value)} (${w.money(deals.won.amount)}) · ${lastWeek(w.num(deals.won.previous), deals.won.change, w)}`);
    out.push(`- ${t('deals.lost')}: ${w.num(deals.lost.value)} · ${lastWeek(w.num(deals.lost.previous), deals.lost.change, w)}`);
    const rate = rateWords(deals.winRate, w);
    out.push(`- ${t('deals.winRate')}: ${rate.value} · ${rate.previous}${rate.note ? ` _(${rate.note})_` : ''}`);
  }

  out.push('', `**${t('quota')}**`);
  const quota = section.quota;
  if (quota.status === 'none') out.push(`- ${t('quota.none')}`);
  else {
    const week = quota.week;
    const previous = week.previousPct === null ? '' : ` · ${t('lastWeek', { value: w.pct(week.previousPct) })}`;
    // A week's attainment on too few deals is shown without an on/off-track judgement.
    const judged = week.lowSample ? '' : ` (${t(`status.${week.status}`)})`;
    out.push(`- ${t('quota.week', { pct: w.pct(week.attainmentPct), sales: w.money(week.sales), quota: w.money(week.quota) })}${judged}${previous}`);
    const month = quota.month;
    if (month) {
      const parts = [
        t('quota.month', {
          month: w.period(month.start, month.end),
          sales: w.money(month.sales),
          quota: w.money(month.quota),
          pct: w.pct(month.attainmentPct),
          expected: w.pct(month.expectedPct),
        }),
      ];
      if (month.pacePct !== undefined) parts.push(`${t('quota.pace', { pace: w.pct(month.pacePct) })} (${t(`status.${month.status}`)})`);
      if (month.projected !== undefined) parts.push(t('quota.projected', { amount: w.money(month.projected) }));
      out.push(`- ${parts.join('; ')}`);
    }
  }

  if (section.outlook) out.push(...outlookMarkdown(section.outlook, w, section.kind !== 'rep'));

  out.push('', `**${t('pipeline')}**`);
  const pipeline = section.pipeline;
  if (!pipeline) out.push(`- ${t('noDeals')}`);
  else {
    for (const row of pipeline.moves) {
      if (!row.available) {
        out.push(`- ${t(`move.${row.move}`)}: — (${t('needsHistory')})`);
        continue;
      }
      const without = row.withoutAmount ? `, ${t('withoutAmount', { count: row.withoutAmount })}` : '';
      out.push(`- ${t(`move.${row.move}`)}: ${t('deals_n', { count: row.count })}, ${w.money(row.amount)}${without}`);
      for (const deal of row.deals) {
        const facts = [deal.amount === undefined ? '—' : w.money(deal.amount)];
        if (section.kind !== 'rep') facts.push(markdownText(deal.owner));
        const detail = moveDetail(deal, w);
        if (detail) facts.push(markdownText(detail));
        out.push(`  - ${dealLink(deal)} · ${facts.join(' · ')}`);
      }
    }
    out.push(
      `- ${t('openNow', { deals: t('deals_n', { count: pipeline.openDeals }), amount: w.money(pipeline.openAmount), weighted: w.money(pipeline.weighted) })}`,
    );
  }

  const owner = section.kind !== 'rep';
  out.push('', `**${t('topOpen')}**`);
  if (!section.topOpen.length) out.push(`- ${t('noneListed')}`);
  section.topOpen.forEach((deal, i) => out.push(`${i + 1}. ${dealLink(deal)} · ${dealFacts(deal, w, { owner }).map(markdownText).join(' · ')}`));

  const risk = section.atRisk;
  if (risk) {
    out.push('', `**${t('atRisk')}** (${t('deals_n', { count: risk.count })}, ${w.money(risk.amount)})`);
    if (!risk.deals.length) out.push(`- ${t('noneListed')}`);
    for (const deal of risk.deals)
      out.push(
        `- ${dealLink(deal)} · ${[
          ...dealFacts(deal, w, { owner })
            .slice(0, owner ? 2 : 1)
            .map(markdownText),
          riskReasons(deal, w),
        ].join(' · ')}`,
      );
  }
  for (const entry of section.excluded) out.push('', `_${markdownText(t('leftOut', { count: entry.count, reason: entry.reason }))}_`);
  return out;
}

/** The forecast, the plan for the coming week and the deals to work. */
function outlookMarkdown(outlook: SummaryOutlook, w: SummaryWords, owner: boolean): string[] {
  const out = ['', `**${markdownText(outlookHeading(outlook, w))}**`, ...outlookLines(outlook, w).map((line) => `- ${markdownText(line)}`)];
  if (outlook.status !== 'ok') return out;
  out.push(
    '',
    `**${markdownText(w.t('comingWeek', { week: w.period(outlook.plan.week.start, outlook.plan.week.end) }))}**`,
    ...weekPlanLines(outlook, w).map((line) => `- ${markdownText(line)}`),
  );
  if (outlook.deals.length) {
    out.push('', `**${w.t('dealsToWork')}**`);
    outlook.deals.forEach((deal, i) =>
      out.push(`${i + 1}. ${dealLink(deal)} · ${[...dealFacts(deal, w, { owner }), dealChance(deal, w)].map(markdownText).join(' · ')}`),
    );
  }
  return out;
}
