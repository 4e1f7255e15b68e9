import { useRef, useState, type FormEvent } from 'react';
import { KPI_DEFINITIONS, KPI_IDS, type KpiId } from '@/lib/kpi';
import type { Settings } from '@/lib/settings';
import { useI18n } from '../../common/i18n';
import { useOptionsApi } from '../api';
import { Field, SaveBar, Section, useSave } from '../form';

/**
 * The sidebar: which KPIs are pinned and in what order (moved with buttons, so
 * the keyboard does everything a mouse does, each move announced), the team
 * privacy switch, language, theme, how the sidebar shares the CRM page, and the weekly summary notification.
 */
export function SidebarSection({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const save = useSave();
  const stamp = JSON.stringify([
    settings.pinnedKpis,
    settings.showPeerNumbers,
    settings.locale,
    settings.theme,
    settings.weeklySummaryNotification,
    settings.sidebarPlacement,
  ]);
  return (
    <Section id="sidebar" title={t('options.sidebar.title')}>
      <SidebarForm key={stamp} settings={settings} save={save} />
    </Section>
  );
}

function SidebarForm({ settings, save }: { settings: Settings; save: ReturnType<typeof useSave> }) {
  const { t, locale } = useI18n();
  const api = useOptionsApi();
  const { state, run } = save;
  const [pinned, setPinned] = useState<KpiId[]>(settings.pinnedKpis);
  const [peers, setPeers] = useState(settings.showPeerNumbers);
  const [language, setLanguage] = useState(settings.locale);
  const [theme, setTheme] = useState(settings.theme);
  const [weekly, setWeekly] = useState(settings.weeklySummaryNotification);
  const [placement, setPlacement] = useState(settings.sidebarPlacement);
  const [announcement, setAnnouncement] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const name = (id: KpiId) => KPI_DEFINITIONS[id].name[locale];

  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= pinned.length) return;
    const next = [...pinned];
    [next[index], next[to]] = [next[to]!, next[index]!];
    setPinned(next);
    setAnnouncement(t('options.pinned.moved', { kpi: name(pinned[index]!), position: to + 1, count: next.length }));
    // Keep the focus on the same button of the moved KPI, so repeated presses keep moving it.
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLButtonElement>(`[data-move="${by}"]`)[to]?.focus());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const result = await api.saveSettings({
        pinnedKpis: pinned,
        showPeerNumbers: peers,
        locale: language,
        theme,
        weeklySummaryNotification: weekly,
        sidebarPlacement: placement,
      });
      return result.ok ? undefined : result.errors;
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <h3 id="pinned-title">{t('options.pinned.title')}</h3>
      <p className="note">{t('options.pinned.intro')}</p>
      <ol ref={list} className="pinned" aria-labelledby="pinned-title">
        {pinned.map((id, index) => (
          <li key={id}>
            <span className="pinned-name">{name(id)}</span>
            <button type="button" data-move="-1" disabled={index === 0} aria-label={t('options.pinned.up', { kpi: name(id) })} onClick={() => move(index, -1)}>
              ↑
            </button>
            <button
              type="button"
              data-move="1"
              disabled={index === pinned.length - 1}
              aria-label={t('options.pinned.down', { kpi: name(id) })}
              onClick={() => move(index, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label={t('options.pinned.unpin', { kpi: name(id) })}
              onClick={() => {
                setPinned(pinned.filter((other) => other !== id));
                setAnnouncement(t('options.pinned.unpinned', { kpi: name(id) }));
              }}
            >
              {t('options.pinned.unpinButton')}
            </button>
          </li>
        ))}
      </ol>
      <div className="inline">
        <label htmlFor="pin-kpi">{t('options.pinned.add')}</label>
        <select
          id="pin-kpi"
          value=""
          onChange={(event) => {
            const id = event.target.value as KpiId;
            if (!id) return;
            setPinned([...pinned, id]);
            setAnnouncement(t('options.pinned.pinned', { kpi: name(id), position: pinned.length + 1 }));
          }}
        >
          <option value="">{t('options.bench.pick')}</option>
          {KPI_IDS.filter((id) => !pinned.includes(id)).map((id) => (
            <option key={id} value={id}>
              {name(id)}
            </option>
          ))}
        </select>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <h3>{t('options.privacy.title')}</h3>
      <label className="check">
        <input type="checkbox" checked={peers} onChange={(event) => setPeers(event.target.checked)} />
        {t('options.privacy.peers')}
      </label>
      <p className="note">{t('options.privacy.peersHint')}</p>
      <p className="note">{t('options.privacy.crmLimits')}</p>
      <h3>{t('options.display.title')}</h3>
      <Field id="locale" label={t('options.display.language')}>
        {(props) => (
          <select {...props} value={language} onChange={(event) => setLanguage(event.target.value as Settings['locale'])}>
            <option value="auto">{t('options.display.auto')}</option>
            <option value="en">English</option>
            <option value="ru">Русский</option>
          </select>
        )}
      </Field>
      <Field id="theme" label={t('options.display.theme')}>
        {(props) => (
          <select {...props} value={theme} onChange={(event) => setTheme(event.target.value as Settings['theme'])}>
            <option value="auto">{t('options.display.auto')}</option>
            <option value="light">{t('options.display.light')}</option>
            <option value="dark">{t('options.display.dark')}</option>
          </select>
        )}
      </Field>
      <Field id="placement" label={t('options.display.placement')}>
        {(props) => (
          <select {...props} value={placement} onChange={(event) => setPlacement(event.target.value as Settings['sidebarPlacement'])}>
            <option value="overlay">{t('options.display.overlay')}</option>
            <option value="push">{t('options.display.push')}</option>
          </select>
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={weekly} onChange={(event) => setWeekly(event.target.checked)} />
        {t('options.display.weekly')}
      </label>
      <SaveBar state={state} />
    </form>
  );
}
