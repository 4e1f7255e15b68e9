import type { KpiDefinition } from '../types';

/** How leads and deals move to the next step. */
export const CONVERSION_DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: 'leadConversionRate',
    family: 'conversion',
    name: { en: 'Lead conversion rate', ru: 'Конверсия лидов' },
    formula: {
      en: 'Leads created in the period that have converted ÷ leads created in the period × 100, as of the day of computation.',
      ru: 'Лиды, созданные за период и уже конвертированные ÷ все лиды, созданные за период × 100 — на дату расчёта.',
    },
    needs: ['leads'],
    unit: 'percent',
    higherIsBetter: true,
    additive: false,
  },
  {
    id: 'avgConversionTime',
    family: 'conversion',
    name: { en: 'Average time to convert a lead', ru: 'Среднее время конверсии лида' },
    formula: {
      en: 'Sum of (converted − created) over leads converted in the period ÷ their number, in days.',
      ru: 'Сумма (дата конверсии − дата создания) по лидам, конвертированным за период ÷ их число, в днях.',
    },
    needs: ['leads'],
    unit: 'days',
    higherIsBetter: false,
    additive: false,
  },
  {
    id: 'mqlToSql',
    family: 'conversion',
    name: { en: 'MQL → SQL conversion', ru: 'Конверсия MQL → SQL' },
    formula: {
      en: 'Leads that became MQL in the period and reached SQL ÷ leads that became MQL in the period × 100; also SQL → won.',
      ru: 'Лиды, ставшие MQL за период и дошедшие до SQL ÷ все лиды, ставшие MQL за период × 100; а также конверсия SQL → выигранная сделка.',
    },
    needs: ['leads', 'leadLifecycle'],
    unit: 'percent',
    higherIsBetter: true,
    additive: false,
  },
  {
    id: 'winRate',
    family: 'conversion',
    name: { en: 'Win rate', ru: 'Доля выигранных сделок' },
    formula: {
      en: 'Deals won in the period ÷ (won + lost in the period) × 100.',
      ru: 'Сделки, выигранные за период ÷ (выигранные + проигранные за период) × 100.',
    },
    needs: ['deals'],
    unit: 'percent',
    higherIsBetter: true,
    additive: false,
  },
];
