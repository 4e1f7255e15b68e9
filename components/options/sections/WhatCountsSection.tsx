import { useState, type FormEvent } from 'react';
import { CONTACT_METHODS, type ContactMethod } from '@/lib/model';
import type { OptionsOverview, Settings } from '@/lib/settings';
import { SAMPLE_KINDS, type SampleKind } from '@/lib/kpi';
import { useI18n } from '../../common/i18n';
import { useOptionsApi } from '../api';
import { Field, SaveBar, Section, useSave, type Errors } from '../form';
import { parseList, parseNumber } from '../parse';

type Props = { settings: Settings; overview: OptionsOverview | undefined; source: string | undefined };

/**
 * What counts: which meetings are demos, which stages make a deal an SQL (per
 * source), where the contact method and the region come from (with the CRM's
 * own channel values mapped), when an open deal is stale, and how many records a rate or an average
 * needs before it is more than a hint (the minimum samples).
 */
export function WhatCountsSection(props: Props) {
  const { t } = useI18n();
  const save = useSave();
  const { settings } = props;
  const stamp = JSON.stringify([
    props.source,
    settings.demoKeywords,
    settings.demoActivityTypes,
    settings.sqlStageIds,
    settings.contactMethodField,
    settings.channelMap,
    settings.regionField,
    settings.staleDays,
    settings.minSample,
  ]);
  return (
    <Section id="what-counts" title={t('options.counts.title')} intro={t('options.counts.intro')}>
      <WhatCountsForm key={stamp} {...props} save={save} />
    </Section>
  );
}

function WhatCountsForm({ settings, overview, source, save }: Props & { save: ReturnType<typeof useSave> }) {
  const { t, number } = useI18n();
  const api = useOptionsApi();
  const { errors, state, run } = save;
  const [keywords, setKeywords] = useState(settings.demoKeywords.join('\n'));
  const [types, setTypes] = useState<string[]>(settings.demoActivityTypes);
  const [stages, setStages] = useState<string[]>(source ? (settings.sqlStageIds[source] ?? []) : []);
  const [methodField, setMethodField] = useState(settings.contactMethodField);
  const [channelMap, setChannelMap] = useState<Record<string, ContactMethod>>(settings.channelMap);
  const [regionField, setRegionField] = useState(settings.regionField);
  const [staleDays, setStaleDays] = useState(String(settings.staleDays));
  const [minSample, setMinSample] = useState<Record<SampleKind, string>>(
    Object.fromEntries(SAMPLE_KINDS.map((kind) => [kind, String(settings.minSample[kind])])) as Record<SampleKind, string>,
  );

  const meetingTypes = [...new Set([...(overview?.meetingTypes.map((entry) => entry.type) ?? []), ...settings.demoActivityTypes])];
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...new Set([...list, value])] : list.filter((item) => item !== value));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const stale = parseNumber(staleDays);
      if (stale === undefined) return { staleDays: 'not a number' } satisfies Errors;
      const minimums = {} as Record<SampleKind, number>;
      for (const kind of SAMPLE_KINDS) {
        const value = parseNumber(minSample[kind]);
        if (value === undefined) return { [`minSample.${kind}`]: 'not a number' } satisfies Errors;
        minimums[kind] = value;
      }
      const sqlStageIds = { ...settings.sqlStageIds };
      if (source !== undefined) {
        if (stages.length) sqlStageIds[source] = stages;
        else delete sqlStageIds[source];
      }
      const result = await api.saveSettings({
        demoKeywords: parseList(keywords),
        demoActivityTypes: types,
        sqlStageIds,
        contactMethodField: methodField,
        channelMap,
        regionField,
        staleDays: stale,
        minSample: minimums,
      });
      return result.ok ? undefined : result.errors;
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Field
        id="demoKeywords"
        label={t('options.counts.keywords')}
        hint={t('options.counts.keywordsHint')}
        error={errors.demoKeywords ?? Object.entries(errors).find(([key]) => key.startsWith('demoKeywords.'))?.[1]}
      >
        {(props) => <textarea {...props} rows={4} value={keywords} onChange={(event) => setKeywords(event.target.value)} />}
      </Field>
      <fieldset>
        <legend>{t('options.counts.types')}</legend>
        {meetingTypes.length === 0 && <p className="note">{t('options.counts.noTypes')}</p>}
        {meetingTypes.map((type) => (
          <label key={type} className="check">
            <input type="checkbox" checked={types.includes(type)} onChange={(event) => setTypes(toggle(types, type, event.target.checked))} />
            {type}
            {overview && <span className="note"> ({number(overview.meetingTypes.find((entry) => entry.type === type)?.count ?? 0)})</span>}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('options.counts.sql')}</legend>
        {!overview?.stages.length && <p className="note">{t('options.counts.noStages')}</p>}
        {overview?.stages.map((stage) => (
          <label key={stage.id} className="check">
            <input type="checkbox" checked={stages.includes(stage.id)} onChange={(event) => setStages(toggle(stages, stage.id, event.target.checked))} />
            {stage.pipeline} · {stage.name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('options.counts.method')}</legend>
        {(['deal', 'lead'] as const).map((field) => (
          <label key={field} className="check">
            <input type="radio" name="contactMethodField" checked={methodField === field} onChange={() => setMethodField(field)} />
            {t(`options.counts.method.${field}`)}
          </label>
        ))}
        {overview && overview.channels.length > 0 && (
          <details open={overview.channels.length <= 8 || Object.keys(channelMap).length > 0}>
            <summary>{t('options.counts.channelsSummary', { count: overview.channels.length })}</summary>
            <table className="grid">
              <caption>{t('options.counts.channels')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('options.counts.channelValue')}</th>
                  <th scope="col">{t('options.counts.channelMethod')}</th>
                </tr>
              </thead>
              <tbody>
                {overview.channels.map((channel) => {
                  const key = Object.keys(channelMap).find((raw) => raw.trim().toLowerCase() === channel.raw.toLowerCase());
                  return (
                    <tr key={channel.raw}>
                      <th scope="row">
                        {channel.raw} <span className="note">({number(channel.count)})</span>
                      </th>
                      <td>
                        <select
                          aria-label={t('options.counts.channelFor', { value: channel.raw })}
                          value={key ? channelMap[key] : ''}
                          onChange={(event) => {
                            const next = { ...channelMap };
                            if (key) delete next[key];
                            if (event.target.value) next[channel.raw] = event.target.value as ContactMethod;
                            setChannelMap(next);
                          }}
                        >
                          <option value="">{t('options.counts.asRead', { method: channel.method ? t(`options.method.${channel.method}`) : '—' })}</option>
                          {CONTACT_METHODS.map((method) => (
                            <option key={method} value={method}>
                              {t(`options.method.${method}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </details>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('options.counts.region')}</legend>
        {(['deal', 'customer-region', 'customer-country'] as const).map((field) => (
          <label key={field} className="check">
            <input type="radio" name="regionField" checked={regionField === field} onChange={() => setRegionField(field)} />
            {t(`options.counts.region.${field}`)}
            {overview && <span className="note"> ({t('options.counts.regionDeals', { count: overview.regions[field] })})</span>}
          </label>
        ))}
      </fieldset>
      <Field id="staleDays" label={t('options.counts.stale')} error={errors.staleDays}>
        {(props) => <input {...props} inputMode="numeric" size={5} value={staleDays} onChange={(event) => setStaleDays(event.target.value)} />}
      </Field>
      <fieldset>
        <legend>{t('options.counts.minSample')}</legend>
        <p className="note">{t('options.counts.minSampleHint')}</p>
        {SAMPLE_KINDS.map((kind) => (
          <Field key={kind} id={`minSample-${kind}`} label={t(`options.counts.minSample.${kind}`)} error={errors[`minSample.${kind}`]}>
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                size={5}
                value={minSample[kind]}
                onChange={(event) => setMinSample({ ...minSample, [kind]: event.target.value })}
              />
            )}
          </Field>
        ))}
      </fieldset>
      <SaveBar state={state} />
    </form>
  );
}
