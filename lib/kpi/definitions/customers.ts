import type { KpiDefinition } from '../types';

/** What customers cost and bring, and who stays. */
export const CUSTOMER_DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: 'cac',
    family: 'customers',
    name: { en: 'Customer acquisition cost (CAC)', ru: 'Стоимость привлечения клиента (CAC)' },
    formula: {
      en: '(Sales + marketing spend in the period) ÷ new customers in the period.',
      ru: '(Расходы на продажи и маркетинг за период) ÷ число новых клиентов за период.',
    },
    needs: ['spend', 'customers'],
    unit: 'money',
    higherIsBetter: false,
    additive: false,
  },
  {
    id: 'clv',
    family: 'customers',
    name: { en: 'Customer lifetime value (CLV)', ru: 'Пожизненная ценность клиента (CLV)' },
    formula: {
      en: 'Historical: average revenue per customer over its life so far. Predictive: average monthly revenue per customer × gross margin ÷ monthly customer churn.',
      ru: 'Историческая: средняя выручка с клиента за всё время. Прогнозная: средняя выручка с клиента в месяц × валовая маржа ÷ месячный отток клиентов.',
    },
    needs: ['wonDeals', 'customers', 'costs'],
    unit: 'money',
    higherIsBetter: true,
    additive: false,
  },
  {
    id: 'ltvToCac',
    family: 'customers',
    name: { en: 'LTV : CAC', ru: 'Соотношение LTV : CAC' },
    formula: {
      en: 'CLV ÷ CAC; 3 : 1 is the common benchmark.',
      ru: 'CLV ÷ CAC; общепринятый ориентир — 3 : 1.',
    },
    needs: ['wonDeals', 'customers', 'spend'],
    unit: 'ratio',
    higherIsBetter: true,
    additive: false,
  },
  {
    id: 'mrr',
    family: 'customers',
    name: { en: 'New and expansion MRR', ru: 'Новый MRR и MRR от расширения' },
    formula: {
      en: 'Net new MRR = new + expansion + reactivation − contraction − churned; expansion growth = (expansion MRR now − before) ÷ before × 100.',
      ru: 'Чистый прирост MRR = новый + расширение + возврат − сокращение − отток; рост расширения = (MRR расширения сейчас − в прошлом периоде) ÷ в прошлом периоде × 100.',
    },
    needs: ['mrrMovements'],
    unit: 'money',
    higherIsBetter: true,
    additive: true,
  },
  {
    id: 'churn',
    family: 'customers',
    name: { en: 'Churn', ru: 'Отток клиентов' },
    formula: {
      en: 'Customers lost in the period ÷ customers at its start × 100; revenue churn = MRR lost ÷ MRR at start × 100; passive churn = customers lost for non-payment ÷ customers at start × 100.',
      ru: 'Клиенты, ушедшие за период ÷ клиенты на начало периода × 100; отток выручки = потерянный MRR ÷ MRR на начало × 100; пассивный отток = ушедшие из-за неоплаты ÷ клиенты на начало × 100.',
    },
    needs: ['customers', 'mrrMovements', 'churnReasons'],
    unit: 'percent',
    higherIsBetter: false,
    additive: false,
  },
  {
    id: 'retentionRate',
    family: 'customers',
    name: { en: 'Customer retention rate', ru: 'Удержание клиентов' },
    formula: {
      en: '(Customers at period end − new customers in the period) ÷ customers at period start × 100.',
      ru: '(Клиенты на конец периода − новые клиенты за период) ÷ клиенты на начало периода × 100.',
    },
    needs: ['customers'],
    unit: 'percent',
    higherIsBetter: true,
    additive: false,
  },
];
