import type { ObjectStatus } from '@/lib/db';
import { useI18n } from '../../common/i18n';

/** Each synced object of a connection: records read by its latest run, when it last completed, where it stands. */
export function ObjectTable({ objects }: { objects: readonly ObjectStatus[] }) {
  const { t, dateTime, number } = useI18n();
  return (
    <details className="objects">
      <summary>{t('conn.objects')}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('conn.object')}</th>
            <th scope="col">{t('conn.objectRecords')}</th>
            <th scope="col">{t('conn.objectDone')}</th>
            <th scope="col">{t('conn.objectState')}</th>
          </tr>
        </thead>
        <tbody>
          {objects.map((object) => (
            <tr key={object.object} data-object={object.object}>
              <th scope="row">{object.object}</th>
              <td data-value={object.records}>
                {number(object.records, 0)}
                {object.totalEstimate !== undefined && object.phase !== 'done' && ` / ${number(object.totalEstimate, 0)}`}
              </td>
              <td>{object.lastCompletedAt ? dateTime(object.lastCompletedAt) : '—'}</td>
              <td
                className={object.problem ? 'problem' : undefined}
                title={object.problem ? `${object.problem.message}. ${object.problem.userAction}` : undefined}
              >
                {t(`conn.phase.${object.phase}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
