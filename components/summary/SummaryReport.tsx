import { PIPELINE_MOVES, type SummarySection, type WeeklySummary, sectionName, summaryTitle, type SummaryWords } from '@/lib/export';
import { ActivityChart } from './ActivityChart';
import { OutlookBlock } from './OutlookBlock';
import { AtRiskBlock, PipelineBlock, TopOpenBlock } from './PipelineBlocks';
import { ActivitiesBlock, DealsBlockView, QuotaBlock } from './SummaryBlocks';

/** The printable report: a title, one section per rep (or the rep's own), the notes and the definitions. */
export function SummaryReport({ summary, words }: { summary: WeeklySummary; words: SummaryWords }) {
  const { t } = words;
  const several = summary.sections.length > 1;
  return (
    <article className="summary-report" data-week={summary.week.label} data-as-of={summary.asOf} data-time-zone={summary.timeZone}>
      <header>
        <h1>{summaryTitle(summary, words)}</h1>
        <p className="muted">{t('asOf', { when: words.dateTime(summary.openAt), zone: summary.timeZone, currency: summary.currency })}</p>
        {summary.week.partial && <p className="muted">{t('partialWeek', { when: words.dateTime(summary.asOf) })}</p>}
      </header>
      {summary.sections.map((section) => (
        <SectionView key={section.key} section={section} words={words} heading={several ? sectionName(section, words) : undefined} />
      ))}
      {(summary.hiddenPeers > 0 || summary.quietReps > 0) && (
        <section className="summary-notes">
          {summary.hiddenPeers > 0 && <p>{t('hiddenPeers', { count: summary.hiddenPeers })}</p>}
          {summary.quietReps > 0 && <p>{t('quietReps', { count: summary.quietReps })}</p>}
        </section>
      )}
      <section className="summary-definitions">
        <h2>{t('howCounted')}</h2>
        <ul>
          {PIPELINE_MOVES.filter((move) => move !== 'lost').map((move) => (
            <li key={move}>{t(`define.${move}`)}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}

function SectionView({ section, words, heading }: { section: SummarySection; words: SummaryWords; heading?: string }) {
  const { t } = words;
  const Heading = heading ? 'h3' : 'h2';
  return (
    <section className="summary-section" data-section={section.key} aria-label={heading ?? sectionName(section, words)}>
      {heading && <h2 className="section-name">{heading}</h2>}
      <div className="summary-grid">
        <div className="block">
          <Heading>{t('activities')}</Heading>
          <ActivitiesBlock section={section} words={words} />
          <ActivityChart days={section.chart} targetPerDay={section.chartTargetPerDay} words={words} />
        </div>
        <div className="block">
          <Heading>{t('deals')}</Heading>
          <DealsBlockView section={section} words={words} />
          <Heading>{t('quota')}</Heading>
          <QuotaBlock section={section} words={words} />
        </div>
        <OutlookBlock section={section} words={words} level={Heading} />
        <div className="block wide">
          <Heading>{t('pipeline')}</Heading>
          <PipelineBlock section={section} words={words} />
        </div>
        <div className="block">
          <Heading>{t('topOpen')}</Heading>
          <TopOpenBlock section={section} words={words} />
        </div>
        <div className="block">
          <Heading>{t('atRisk')}</Heading>
          <AtRiskBlock section={section} words={words} />
        </div>
      </div>
      {section.excluded.length > 0 && (
        <ul className="summary-excluded muted">
          {section.excluded.map((entry) => (
            <li key={entry.reason}>{t('leftOut', { count: entry.count, reason: entry.reason })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
