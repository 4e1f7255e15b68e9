import { describe, expect, it } from 'vitest';
import type { ChartRow, ChartsData } from '@/lib/views';
import { makeI18n } from '../../common/i18n';
import { axisLabel, countTick, LABEL_LINE_CHARS, moneyTick } from './axis';
import type { Palette } from './ChartFigure';
import { activityConfig, breakdownConfig, comparedLabel, wonConfig } from './configs';

const colors: Palette = { accent: 'A', good: 'G', warn: 'W', muted: 'M', text: 'T', line: 'L' };
const en = makeI18n('en', 'UTC');
const ru = makeI18n('ru', 'UTC');
const products: ChartRow[] = [
  { key: 'p1', label: 'Lens Cloud Pro (seat, 1 year)', value: 1_999_900, count: 3, previous: 500_000 },
  { key: 'p2', label: 'Onboarding package', value: 600_000, count: 2, previous: 0 },
  { key: 'p3', label: 'Lens Cloud Starter (seat, 1 year)', value: 120_000, count: 1 },
];
type Scales = Record<'x' | 'y', { ticks: { callback: (value: number | string) => string | null } }>;

describe('chart axis labels', () => {
  it.each([
    ['EMEA', 'EMEA'],
    ['Onboarding package', 'Onboarding package'], // 18 characters: one line
    ['Lens Cloud Pro (seat, 1 year)', ['Lens Cloud Pro', '(seat, 1 year)']],
    ['Lens Cloud Starter (seat, 1 year) with support', ['Lens Cloud Starter', '(seat, 1 year)…']],
    ['Supercalifragilisticexpialidocious', ['Supercalifragilist', 'icexpialidocious']],
    ['  spaced   out  ', 'spaced out'],
  ])('%j is drawn as %j', (label, lines) => {
    expect(axisLabel(label)).toEqual(lines);
  });

  it('never gives a line longer than the axis has room for, nor more than two lines', () => {
    for (const label of [
      'Lens Cloud Starter (seat, 1 year)',
      'Очень длинное название продукта с пояснением',
      'x'.repeat(100),
      'a b c d e f g h i j k l m n o p q r s t u v w x y z'.repeat(3),
    ]) {
      const lines = [axisLabel(label)].flat();
      expect(lines.length).toBeLessThanOrEqual(2);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(LABEL_LINE_CHARS);
    }
  });
});

describe('chart value axes', () => {
  it.each([
    ['en', 'USD', 400_000, '$400K'],
    ['en', 'EUR', 1_250_000, '€1.3M'],
    ['ru', 'RUB', 400_000, '400 тыс. ₽'],
    ['en', 'USD', 0, '$0'],
  ] as const)('money in %s, %s: %d → %s', (locale, currency, value, text) => {
    expect(moneyTick(locale, currency)(value).replace(/\s/g, ' ')).toBe(text);
  });

  it('counts in whole numbers only', () => {
    expect([0, 0.5, 1, 1500].map(countTick('en'))).toEqual(['0', null, '1', '1.5K']);
  });
});

describe('chart configurations', () => {
  const compared = comparedLabel({ start: Date.UTC(2026, 9, 1), end: Date.UTC(2026, 10, 1) }, en);

  it('names the comparison by its dates', () => {
    expect(compared).toBe('Compared: Oct 1, 2026 – Oct 31, 2026');
    expect(comparedLabel(null, en)).toBeUndefined();
  });

  it('draws a breakdown in the reporting currency, its labels wrapped, the comparison beside each bar', () => {
    const config = breakdownConfig(products, { label: 'Sales by product', measure: 'amount', currency: 'USD', compared, i18n: en })(colors);
    expect(config.data.labels).toEqual([['Lens Cloud Pro', '(seat, 1 year)'], 'Onboarding package', ['Lens Cloud Starter', '(seat, 1 year)']]);
    // Minor units to dollars: 1,999,900 cents = $19,999.
    expect(config.data.datasets.map((set) => [set.label, set.data])).toEqual([
      ['Selected period', [19_999, 6_000, 1_200]],
      [compared, [5_000, 0, 0]],
    ]);
    const scales = config.options!.scales as unknown as Scales;
    expect(scales.x.ticks.callback(20_000)).toBe('$20K');
    expect((config.options!.plugins!.legend as { display: boolean }).display).toBe(true);
  });

  it('draws no comparison when the view has none, and keeps the rows in the order given (the funnel)', () => {
    const funnel: ChartRow[] = [
      { key: 'a', label: 'Lead', value: 100, count: 1 },
      { key: 'b', label: 'Won big', value: 900, count: 1 },
    ];
    const config = breakdownConfig(funnel, { label: 'Pipeline', measure: 'amount', currency: 'JPY', i18n: ru })(colors);
    expect(config.data.labels).toEqual(['Lead', 'Won big']);
    // JPY has no minor unit: 900 is ¥900.
    expect(config.data.datasets).toHaveLength(1);
    expect(config.data.datasets[0]!.data).toEqual([100, 900]);
    expect((config.options!.scales as unknown as Scales).x.ticks.callback(900)!.replace(/\s/g, ' ')).toBe('900 ¥');
  });

  it('draws the comparison over the activity trend as a line, unstacked', () => {
    const activity: ChartsData['activity'] = {
      unit: 'day',
      buckets: [
        { label: '2026-11-01', start: Date.UTC(2026, 10, 1), call: 1, email: 2, meeting: 0, previous: 5 },
        { label: '2026-11-02', start: Date.UTC(2026, 10, 2), call: 0, email: 0, meeting: 1, previous: 2 },
      ],
    };
    const config = activityConfig(activity, { compared, i18n: en })(colors);
    expect(config.data.labels).toEqual(['Nov 1', 'Nov 2']);
    const sets = config.data.datasets as { type: string; stack: string; label: string; data: unknown[] }[];
    expect(sets.map((set) => [set.type, set.stack, set.label])).toEqual([
      ['bar', 'done', 'Calls'],
      ['bar', 'done', 'Emails'],
      ['bar', 'done', 'Meetings'],
      ['line', 'compared', compared],
    ]);
    expect(sets[3]!.data).toEqual([5, 2]);
    expect(activityConfig(activity, { i18n: en })(colors).data.datasets).toHaveLength(3);
  });

  it('puts the currency on the won-revenue axis', () => {
    const config = wonConfig([{ label: '2026-11', start: Date.UTC(2026, 10, 1), won: 400_000, quota: 800_000 }], { currency: 'USD', i18n: en })(colors);
    expect(config.data.labels).toEqual(['Nov 2026']);
    expect((config.options!.scales as unknown as Scales).y.ticks.callback(8_000)).toBe('$8K');
  });
});
