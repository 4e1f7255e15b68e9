import { DAY_MS } from '@/lib/period';
import { useState } from 'react';
import { minorToMajor } from '@/lib/money';
import { type OptionsOverview, currentQuotaPeriodKey, QUOTA_PERIOD_CHOICES, quotaPeriodDates, type QuotaPeriodChoice, type Settings } from '@/lib/settings';
import { useI18n } from '../../common/i18n';
import { useOptionsApi } from '../api';
import { Section } from '../form';
import { ActivityTargetsForm } from './ActivityTargetsForm';
import { QuotaForm, type QuotaDraft } from './QuotaForm';
import { datesLabel } from './period-label';

type Quota = OptionsOverview['quotas'][number];

/**
 * Targets of the chosen source: quotas per rep or team and period (the CRM's
 * goals, marked as such, and the rep's own, which win), and activity targets.
 */
export function TargetsSection({ source, settings, overview }: { source: string | undefined; settings: Settings; overview: OptionsOverview | undefined }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<{ draft: QuotaDraft; n: number }>({ draft: {}, n: 0 });
  // Whose quotas the list shows: the signed-in rep first, then whoever a quota was just saved for.
  const [who, setWho] = useState<string>();
  return (
    <Section id="targets" title={t('options.targets.title')} intro={t('options.targets.intro')}>
      {source === undefined || overview === undefined ? (
        <p className="note">{t('options.needsSource')}</p>
      ) : (
        <>
          <QuotaList
            overview={overview}
            settings={settings}
            source={source}
            who={who ?? (overview.currentOwnerId ? `rep:${overview.currentOwnerId}` : '')}
            onWho={setWho}
            onEdit={(draft) => setEditing({ draft, n: editing.n + 1 })}
          />
          <QuotaForm key={`${source}|${editing.n}`} source={source} settings={settings} overview={overview} initial={editing.draft} onSaved={setWho} />
          <ActivityTargetsForm key={source} source={source} overview={overview} />
        </>
      )}
    </Section>
  );
}

/** Quotas that ended more than this long ago are listed only on request: a CRM may hold years of them. */
const RECENT_DAYS = 92;

type ListProps = {
  overview: OptionsOverview;
  settings: Settings;
  source: string;
  who: string;
  onWho: (who: string) => void;
  onEdit: (draft: QuotaDraft) => void;
};

function QuotaList({ overview, settings, source, who, onWho, onEdit }: ListProps) {
  const { t, money, locale } = useI18n();
  const api = useOptionsApi();
  const [problem, setProblem] = useState<string>();
  const [all, setAll] = useState(false);
  const owners = new Map(overview.owners.map((owner) => [owner.id, owner.name]));
  const teams = new Map(overview.teams.map((team) => [team.id, team.name]));
  const whoOf = (quota: Quota) =>
    quota.teamId !== undefined
      ? `${teams.get(quota.teamId) ?? quota.teamId} (${t('options.quota.team')})`
      : (owners.get(quota.ownerId ?? '') ?? quota.ownerId ?? '');
  if (overview.quotas.length === 0) return <p className="note">{t('options.quota.none')}</p>;
  const since = new Date(api.now() - RECENT_DAYS * DAY_MS).toISOString().slice(0, 10);
  const mine = overview.quotas.filter((quota) => !who || (quota.teamId !== undefined ? `team:${quota.teamId}` : `rep:${quota.ownerId}`) === who);
  const shown = all ? mine : mine.filter((quota) => quota.endDate > since);
  return (
    <>
      <div className="inline">
        <label htmlFor="quota-filter">{t('options.quota.show')}</label>
        <select id="quota-filter" value={who} onChange={(event) => onWho(event.target.value)}>
          <option value="">{t('options.quota.everyone')}</option>
          {overview.owners.map((owner) => (
            <option key={owner.id} value={`rep:${owner.id}`}>
              {owner.name}
            </option>
          ))}
          {overview.teams.map((team) => (
            <option key={team.id} value={`team:${team.id}`}>
              {team.name} ({t('options.quota.team')})
            </option>
          ))}
        </select>
        {shown.length < mine.length && (
          <button type="button" onClick={() => setAll(true)}>
            {t('options.quota.showEarlier', { count: mine.length - shown.length })}
          </button>
        )}
      </div>
      <table className="grid">
        <caption>{t('options.quota.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('options.quota.assignee')}</th>
            <th scope="col">{t('options.quota.period')}</th>
            <th scope="col">{t('options.quota.amount')}</th>
            <th scope="col">{t('options.quota.origin')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('options.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((quota) => {
            const span = datesLabel(quota.periodKind, '', quota.startDate, quota.endDate, locale);
            const period = quota.periodKind === 'month' ? span : `${t(`options.quota.kind.${quota.periodKind}`)}: ${span}`;
            return (
              <tr key={quota.externalId} className={quota.overriddenBy ? 'overridden' : undefined}>
                <th scope="row">{whoOf(quota)}</th>
                <td>{period}</td>
                <td>{money(quota.amount.minor, quota.amount.currency)}</td>
                <td>
                  {quota.manual ? t('options.origin.manual') : t('options.origin.crm')}
                  {quota.overriddenBy && <span className="note"> · {t('options.quota.overridden')}</span>}
                </td>
                <td>
                  {quota.manual && (
                    <>
                      <button
                        type="button"
                        aria-label={t('options.editOf', { what: `${whoOf(quota)} ${period}` })}
                        onClick={() => onEdit(draftOf(quota, settings.fiscalYearStartMonth))}
                      >
                        {t('options.edit')}
                      </button>{' '}
                      <button
                        type="button"
                        aria-label={t('options.deleteOf', { what: `${whoOf(quota)} ${period}` })}
                        onClick={() =>
                          api.deleteRecord(source, 'quota', quota.externalId).then(
                            () => setProblem(undefined),
                            (failure: unknown) => setProblem(String(failure)),
                          )
                        }
                      >
                        {t('options.delete')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

/** A stored manual quota back into the form's values. */
function draftOf(quota: Quota, fiscal: number): QuotaDraft {
  const kind = (QUOTA_PERIOD_CHOICES as readonly string[]).includes(quota.periodKind) ? (quota.periodKind as QuotaPeriodChoice) : 'month';
  const key = currentQuotaPeriodKey(kind, quota.startDate, fiscal);
  const same = quotaPeriodDates(kind, key, fiscal);
  return {
    assignee: quota.teamId !== undefined ? `team:${quota.teamId}` : `rep:${quota.ownerId ?? ''}`,
    periodKind: kind,
    periodKey: same?.startDate === quota.startDate && same.endDate === quota.endDate ? key : undefined,
    amount: String(minorToMajor(quota.amount.minor, quota.amount.currency)),
    currency: quota.amount.currency,
  };
}
