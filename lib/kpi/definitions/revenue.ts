import type { KpiDefinition } from '../types';

/** Sales: deals won with their close date in the period, and what they are worth. */
export const REVENUE_DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: 'salesGrowth',
    family: 'revenue',
    name: { en: 'Sales growth rate', ru: 'Темп роста продаж' },
    formula: {
      en: '(Sales this period − sales previous period) ÷ sales previous period × 100.',
      ru: '(Продажи за период − продажи за предыдущий период) ÷ продажи за предыдущий период × 100.',
    },
    needs: ['wonDeals'],
    unit: 'percent',
    higherIsBetter: true,
    additive: false,
  },
  {
    id: 'quotaAttainment',
    family: 'revenue',
    name: { en: 'Quota attainment', ru: 'Выполнение плана продаж' },
    formula: {
      en: 'Sales in the period ÷ quota for the period × 100; pace against a straight line to the quota, and the projection at period end.',
      ru: 'Продажи за период ÷ план на период × 100; темп относительно равномерного выполнения и прогноз на конец периода.',
    },
    needs: ['wonDeals', 'quotas'],
    unit: 'percent',
    higherIsBetter: true,
    additive: false,
  },
  {
    id: 'salesByRegion',
    family: 'revenue',
    name: { en: 'Sales by region', ru: 'Продажи по регионам' },
    formula: {
      en: "Won amount and number of won deals grouped by the customer's region or country.",
      ru: 'Сумма и число выигранных сделок по региону или стране клиента.',
    },
    needs: ['wonDeals', 'regions'],
    unit: 'money',
    higherIsBetter: true,
    additive: true,
  },
  {
    id: 'salesByContactMethod',
    family: 'revenue',
    name: { en: 'Sales by contact method', ru: 'Продажи по каналам привлечения' },
    formula: {
      en: 'Won amount and number of won deals by channel of first contact; spend and cost per sale where spend per channel is entered.',
      ru: 'Сумма и число выигранных сделок по каналу первого контакта; расходы и стоимость продажи там, где введены расходы по каналам.',
    },
    needs: ['wonDeals', 'channels'],
    unit: 'money',
    higherIsBetter: true,
    additive: true,
  },
  {
    id: 'avgPurchaseValue',
    family: 'revenue',
    name: { en: 'Average deal size', ru: 'Средний чек' },
    formula: { en: 'Total won amount ÷ number of won deals.', ru: 'Сумма выигранных сделок ÷ их число.' },
    needs: ['wonDeals'],
    unit: 'money',
    higherIsBetter: true,
    additive: false,
  },
  {
    id: 'avgProfitMargin',
    family: 'revenue',
    name: { en: 'Average profit margin', ru: 'Средняя маржинальность' },
    formula: {
      en: '(Revenue − direct costs) ÷ revenue × 100 over won deals that have costs.',
      ru: '(Выручка − прямые затраты) ÷ выручка × 100 по выигранным сделкам с известными затратами.',
    },
    needs: ['wonDeals', 'costs'],
    unit: 'percent',
    higherIsBetter: true,
    additive: false,
  },
  {
    id: 'productRevenue',
    family: 'revenue',
    name: { en: 'Revenue by product', ru: 'Выручка по продуктам' },
    formula: {
      en: 'Won revenue, units and share of revenue per product, ranked.',
      ru: 'Выручка, количество и доля в выручке по каждому продукту в выигранных сделках, по убыванию.',
    },
    needs: ['wonDeals', 'lineItems'],
    unit: 'money',
    higherIsBetter: true,
    additive: true,
  },
];
