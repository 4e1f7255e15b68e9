import type { HeatMap as HeatMapData } from '@/lib/views';
import { useI18n } from '../common/i18n';

/**
 * Done activities of each rep per day (or week) as a table whose cells are shaded by how busy the
 * day was: the shading is the heat map, the numbers in the cells its accessible reading.
 */
export function HeatMap({ data }: { data: HeatMapData }) {
  const { t, number } = useI18n();
  const max = Math.max(1, ...data.rows.flatMap((row) => row.counts));
  const label = (text: string) => (data.unit === 'day' ? text.slice(8) : text.replace(/^\d{4}-/, ''));
  return (
    <section className="card heatmap" aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">{t(data.unit === 'day' ? 'team.heatmapDays' : 'team.heatmapWeeks')}</h2>
      {data.rows.length === 0 || data.buckets.length === 0 ? (
        <p className="note">{t('team.heatmapEmpty')}</p>
      ) : (
        <div className="scroll-x" tabIndex={0} role="region" aria-labelledby="heatmap-title">
          <table className="heat">
            <caption className="visually-hidden">{t('team.heatmapCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('team.rep')}</th>
                {data.buckets.map((bucket) => (
                  <th scope="col" key={bucket.start} title={bucket.label}>
                    <abbr title={bucket.label}>{label(bucket.label)}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.ownerId}>
                  <th scope="row">{row.name}</th>
                  {row.counts.map((count, i) => (
                    <td key={i} style={{ '--heat': String(Math.round((count / max) * 100)) } as React.CSSProperties} className={count ? 'hot' : undefined}>
                      {number(count)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
