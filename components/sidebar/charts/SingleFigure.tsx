/**
 * What a chart with one bar would show, said as a figure: one bar is a number, not a chart (its
 * length compares with nothing). Each part is a name and its value.
 */
export function SingleFigure({ id, title, parts, note }: { id: string; title: string; parts: { name: string; value: string }[]; note?: string }) {
  return (
    <figure className="chart chart-single" aria-labelledby={`${id}-title`} data-chart={id}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <dl className="single-figure">
        {parts.map((part) => (
          <div key={part.name}>
            <dt>{part.name}</dt>
            <dd>{part.value}</dd>
          </div>
        ))}
      </dl>
      {note && <p className="note">{note}</p>}
    </figure>
  );
}
