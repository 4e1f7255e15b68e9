import type { KpiDefinition } from '../types';

/** What reps do to reach buyers. */
export const ACTIVITY_DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: 'activityCounts',
    family: 'activity',
    name: { en: 'Calls, emails and meetings', ru: 'Звонки, письма и встречи' },
    formula: {
      en: 'Done activities in the period by type (call, email, meeting, SMS, task), outbound and inbound apart; average per working day so far.',
      ru: 'Число выполненных за период активностей по типам (звонки, письма, встречи, SMS, задачи), исходящие и входящие отдельно; среднее за прошедший рабочий день.',
    },
    needs: ['activities'],
    unit: 'count',
    higherIsBetter: true,
    additive: true,
  },
  {
    id: 'demosBooked',
    family: 'activity',
    name: { en: 'Demos and trials booked', ru: 'Назначенные демо и пробные запуски' },
    formula: {
      en: 'Meetings booked in the period that are demos or trials (by subtype, or a keyword such as "demo" in the title).',
      ru: 'Встречи, назначенные за период и отмеченные как демонстрация или пробный запуск (по подтипу или ключевому слову в названии, например «демо»).',
    },
    needs: ['activities'],
    unit: 'count',
    higherIsBetter: true,
    additive: true,
  },
  {
    id: 'emailBenchmarks',
    family: 'activity',
    name: { en: 'Cold email 30/30/50', ru: 'Холодные письма: правило 30/30/50' },
    formula: {
      en: 'Open rate ≥ 30 % of sent, reply rate ≥ 30 % of opened, conversion ≥ 50 % of replies; the value is how many of the three are met.',
      ru: 'Открытия — не меньше 30 % отправленных, ответы — не меньше 30 % открытых, конверсия — не меньше 50 % ответов; значение — сколько из трёх условий выполнено.',
    },
    needs: ['activities', 'emailTracking'],
    unit: 'count',
    higherIsBetter: true,
    additive: false,
  },
  {
    id: 'repLeaderboard',
    family: 'activity',
    name: { en: 'Rep leaderboard', ru: 'Рейтинг менеджеров' },
    formula: {
      en: 'Per rep: activities, deals created and won, won amount, win rate and quota attainment; ranked by the chosen figure, with the team total and median.',
      ru: 'По каждому менеджеру: активности, созданные и выигранные сделки, сумма продаж, доля выигранных сделок и выполнение плана; сортировка по выбранному показателю, итог и медиана по команде.',
    },
    needs: ['deals', 'activities'],
    unit: 'money',
    higherIsBetter: true,
    additive: false,
  },
];
