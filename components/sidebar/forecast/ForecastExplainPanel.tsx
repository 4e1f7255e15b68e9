import type { ExplainInput, Note } from '@/lib/forecast';
import { ExplainDialog } from '../ExplainDialog';
import { RecordList, type LoadRecords } from '../RecordList';
import type { ForecastExplainTarget } from '../sidebar-context';
import { figure, fill, useForecastI18n, type ForecastI18n } from './format';

function InputLine({ input, currency, i18n }: { input: ExplainInput; currency: string; i18n: ForecastI18n }) {
  return (
    <li data-input={input.key}>
      {input.label[i18n.locale]}: <strong>{figure(input.value, input.unit, currency, i18n)}</strong>
      {input.n !== undefined && <span className="muted"> ({i18n.f('fx.n', { n: input.n })})</span>}
      {input.lowSample && <span className="note"> · {i18n.f('fx.lowSample')}</span>}
    </li>
  );
}

const noteKey = (note: Note) => `${note.code}:${JSON.stringify(note.params)}`;

/** The past periods of the track record: range, actual, inside or not. */
function TrackPeriods({ target, i18n }: { target: ForecastExplainTarget; i18n: ForecastI18n }) {
  const track = target.track;
  if (!track) return null;
  const money = (value: number) => i18n.money(value, track.currency);
  return (
    <>
      <h3>{i18n.f('fx.periods')}</h3>
      <ul className="inputs">
        {track.periods.map((p) => (
          <li key={p.label} data-inside={p.inside === null ? '' : String(p.inside)}>
            {p.label}:{' '}
            {p.p10 === null || p.p90 === null ? (
              i18n.f('fx.notMade')
            ) : (
              <>
                {money(p.p10)} – {money(p.p90)}, {i18n.f('fx.actual', { actual: money(p.actual) })} · {i18n.f(p.inside ? 'fx.inside' : 'fx.outside')}
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export type ForecastExplainPanelProps = { target: ForecastExplainTarget; loadRecords: LoadRecords; onClose: () => void };

/**
 * How a forecast number is made, in the KPI explain panel's dialog: the method in plain words, its
 * inputs with readable labels and sample sizes (few data said), what is worth knowing, the past
 * periods for the track record, and the deals behind the number, linked to the CRM.
 */
export function ForecastExplainPanel({ target, loadRecords, onClose }: ForecastExplainPanelProps) {
  const i18n = useForecastI18n();
  const { explain, currency } = target;
  return (
    <ExplainDialog title={explain.title[i18n.locale]} opener={target.opener} onClose={onClose}>
      <h3>{i18n.f('fx.method')}</h3>
      <p>{explain.method[i18n.locale]}</p>
      {explain.inputs.length > 0 && (
        <>
          <h3>{i18n.f('fx.inputs')}</h3>
          <ul className="inputs">
            {explain.inputs.map((input) => (
              <InputLine key={input.key} input={input} currency={currency} i18n={i18n} />
            ))}
          </ul>
        </>
      )}
      {explain.notes.length > 0 && (
        <>
          <h3>{i18n.f('fx.notes')}</h3>
          <ul className="excluded">
            {explain.notes.map((note) => (
              <li key={noteKey(note)}>{fill(note.text, note.params, i18n)}</li>
            ))}
          </ul>
        </>
      )}
      <TrackPeriods target={target} i18n={i18n} />
      {target.id !== 'track' && explain.deals > 0 && (
        <RecordList key={`${target.id}:${target.rep ?? ''}:${JSON.stringify(target.selection)}`} load={loadRecords} titleId="explain-records" />
      )}
    </ExplainDialog>
  );
}
