/**
 * The forecast's words, in English and Russian. Numbers are never inside a method text: they are the
 * explain panel's inputs. Notes, reasons and moves carry `{name}` placeholders that the UI fills from
 * `params` with its own number and date formatting.
 */
import type { DealActionKind, ExplainId, LocalizedText, NoteCode, RiskReason, StepWhy } from './types';

type Texts = { title: LocalizedText; method: LocalizedText };

export const EXPLAIN_TEXT: Record<ExplainId | 'backtest' | 'owner', Texts> = {
  wonSoFar: {
    title: { en: 'Won so far', ru: 'Уже выиграно' },
    method: {
      en: 'The amounts of the deals won from the start of the period to now. Deals without an amount are counted but add nothing.',
      ru: 'Сумма сделок, выигранных с начала периода до сегодняшнего дня. Сделки без суммы учтены в числе, но к сумме ничего не добавляют.',
    },
  },
  range: {
    title: { en: 'Where the period will end', ru: 'Чем закончится период' },
    method: {
      en: 'Thousands of simulated endings of the period. In each, every open deal is won or not with its probability, and deals not created yet are added at the pace of comparable past spans; the whole pipeline also has a good or bad run as often as past spans did. P10 is the amount 10 % of the endings fall below, P50 the middle one, P90 the amount only 10 % exceed.',
      ru: 'Тысячи смоделированных исходов периода. В каждом каждая открытая сделка выигрывается или нет со своей вероятностью, а ещё не созданные сделки добавляются в темпе похожих прошлых отрезков; вся воронка к тому же бывает удачной или неудачной так же часто, как в прошлом. P10 — сумма, ниже которой 10 % исходов, P50 — средний исход, P90 — сумма, выше которой лишь 10 %.',
    },
  },
  probabilityOfQuota: {
    title: { en: 'Chance of reaching the quota', ru: 'Вероятность выполнить план' },
    method: {
      en: 'The share of the simulated endings in which won revenue reaches the quota.',
      ru: 'Доля смоделированных исходов, в которых выигранная сумма достигает плана.',
    },
  },
  pipeline: {
    title: { en: 'From open deals', ru: 'Из открытых сделок' },
    method: {
      en: "Each open deal's chance of being won before the period ends, times its amount. The chance is learned from this data's past: of the deals that were open in the same situation (age, days since the last activity, stage) with as much time left, the share won by then; adjusted for the owner, the product and the deal size where those made a difference, and pulled towards the team's figures when they rest on few deals. Deals that slipped past the end are in that past, so slippage is counted. A deal without an amount takes its products' prices, else its owner's average won deal.",
      ru: 'Вероятность каждой открытой сделки быть выигранной до конца периода, умноженная на её сумму. Вероятность выучена на прошлом этих же данных: из сделок, которые были открыты в таком же положении (возраст, дни с последней активности, этап) при таком же остатке времени, — доля выигранных к тому сроку; с поправкой на менеджера, продукт и размер сделки там, где они что-то меняли, и с приближением к показателям команды, когда сделок мало. Сделки, чья дата закрытия съехала за конец срока, в этом прошлом есть, так что сдвиги учтены. Сделка без суммы берёт цены своих продуктов, иначе среднюю выигранную сделку своего менеджера.',
    },
  },
  newDeals: {
    title: { en: 'From deals not created yet', ru: 'Из ещё не созданных сделок' },
    method: {
      en: "How many deals were created and won within spans as long as the rest of this period, in this data's past, per owner; an owner with little history is pulled towards the team's pace. Their amounts are drawn from won deals that closed as quickly.",
      ru: 'Сколько сделок в прошлом этих данных создавалось и выигрывалось в пределах отрезка такой же длины, как остаток периода, по каждому менеджеру; у менеджера с короткой историей темп приближен к командному. Суммы берутся из выигранных сделок, закрытых так же быстро.',
    },
  },
  plan: {
    title: { en: 'Plan to quota', ru: 'План до выполнения' },
    method: {
      en: 'The gap to the quota divided by your average won deal gives the deals to win. Those your open deals are not expected to bring, divided by your win rate, give the deals to open, by the date a deal opened still closes in time at your usual sales cycle. Your recent calls and meetings per new deal turn that into calls and meetings per working day. Inputs with too little history are named, not guessed.',
      ru: 'Разрыв до плана, делённый на вашу среднюю выигранную сделку, — сколько сделок выиграть. Те из них, что открытые сделки, по прогнозу, не принесут, делённые на вашу долю выигранных сделок, — сколько сделок открыть, причём до даты, после которой при вашем обычном цикле сделка не успеет закрыться. Ваши недавние звонки и встречи на одну новую сделку превращают это в звонки и встречи на рабочий день. Показатели со слишком короткой историей названы, а не угаданы.',
    },
  },
  topDeals: {
    title: { en: 'Deals that matter', ru: 'Сделки, которые решают' },
    method: {
      en: 'Open deals ranked by what they are expected to add to this period: chance of winning before the end times amount. Each says what would move it.',
      ru: 'Открытые сделки по ожидаемому вкладу в этот период: вероятность выигрыша до конца периода, умноженная на сумму. Для каждой указано, что её продвинет.',
    },
  },
  atRisk: {
    title: { en: 'Deals at risk', ru: 'Сделки под угрозой' },
    method: {
      en: 'Live deals (an activity in the last days, or a close date ahead) that are slipping: the close date has passed, no activity for a while, or the deal is due this period but deals like it rarely close that fast. Ranked by what they are expected to add.',
      ru: 'Живые сделки (недавняя активность или дата закрытия впереди), которые буксуют: дата закрытия прошла, давно не было активности или сделка должна закрыться в этом периоде, но такие сделки редко закрываются так быстро. По ожидаемому вкладу.',
    },
  },
  cleanUp: {
    title: { en: 'Clean up', ru: 'Навести порядок' },
    method: {
      en: 'Deals past their close date and idle for long: most likely dead. Mark them lost or give them a real close date, so the pipeline tells the truth.',
      ru: 'Сделки с прошедшей датой закрытия и давно без активности: скорее всего, мёртвые. Закройте их как проигранные или поставьте реальную дату закрытия, чтобы воронка говорила правду.',
    },
  },
  backtest: {
    title: { en: 'Track record', ru: 'Точность прогноза' },
    method: {
      en: 'The same forecast made for each of the past periods, on the same day of the period and from only what was known that day, compared with how the period really ended: how often the result fell between P10 and P90, and how far P50 was from it.',
      ru: 'Тот же прогноз, сделанный для каждого из прошлых периодов в тот же день периода и только по тому, что было известно в тот день, сравнивается с реальным итогом: как часто итог попадал между P10 и P90 и насколько P50 от него отличалась.',
    },
  },
  owner: {
    title: { en: 'Forecast for {name}', ru: 'Прогноз: {name}' },
    method: {
      en: "The team's forecast, counted for this rep alone: what the rep has won so far, plus the rep's open deals won or not with their probabilities, plus the deals the rep will create and win before the end at the rep's own pace. The probabilities are the team's, times the rep's own factor, which stays close to the team's while the rep has closed few deals. With fewer closed deals than the win rate needs, the range says too little to show.",
      ru: 'Прогноз команды, посчитанный для одного сотрудника: то, что он уже выиграл, плюс его открытые сделки, выигранные или нет с их вероятностями, плюс сделки, которые он создаст и выиграет до конца периода в своём темпе. Вероятности — командные, умноженные на собственный множитель сотрудника, который остаётся близким к командному, пока у него мало закрытых сделок. Если закрытых сделок меньше, чем нужно для доли выигранных, диапазон слишком неточен, чтобы его показывать.',
    },
  },
};

export const NOTE_TEXT: Record<NoteCode, LocalizedText> = {
  'low-sample': { en: '{input} rests on {n} deals (fewer than {min}).', ru: '{input}: всего {n} сделок (меньше {min}).' },
  'missing-input': { en: 'No data for {input}.', ru: 'Нет данных для показателя «{input}».' },
  'undated-deals': {
    en: '{count} open deals have no created date: they are taken as having always been open.',
    ru: 'У {count} открытых сделок нет даты создания: считается, что они открыты всегда.',
  },
  'stage-from-current': {
    en: '{count} deals show their current stage: the CRM kept no stage history for that day.',
    ru: 'У {count} сделок показан текущий этап: CRM не хранит историю этапов за тот день.',
  },
  'no-stage-history': {
    en: 'The data has no stage history, so stages do not change the probabilities.',
    ru: 'В данных нет истории этапов, поэтому этап не влияет на вероятности.',
  },
  'no-activities': {
    en: 'No activities are linked to deals, so days without activity do not change the probabilities.',
    ru: 'К сделкам не привязаны активности, поэтому дни без активности не влияют на вероятности.',
  },
  'amount-not-used': {
    en: 'Deal size does not change the probabilities: {reason}.',
    ru: 'Размер сделки не влияет на вероятности: {reason}.',
  },
  'no-amount': {
    en: '{count} open deals have no amount and no estimate: they add nothing to revenue.',
    ru: 'У {count} открытых сделок нет ни суммы, ни оценки: к выручке они ничего не добавляют.',
  },
  'amount-estimated': {
    en: "{count} open deals have no amount: their products' prices or their owner's average won deal is used.",
    ru: 'У {count} открытых сделок нет суммы: взяты цены их продуктов или средняя выигранная сделка менеджера.',
  },
  'short-history': {
    en: 'Only {count} comparable past spans: the probabilities are rough.',
    ru: 'Всего {count} похожих прошлых отрезков: вероятности приблизительные.',
  },
  'no-history': {
    en: 'The data has no past long enough to learn from: a span as long as the rest of the period must have ended before today.',
    ru: 'В данных нет достаточно длинного прошлого: отрезок длиной с остаток периода должен был закончиться до сегодняшнего дня.',
  },
  'period-over': { en: 'The period is over: the result is final.', ru: 'Период закончился: итог окончательный.' },
  'future-period': {
    en: 'The period has not started: only deals won within it count.',
    ru: 'Период ещё не начался: учитываются только сделки, выигранные внутри него.',
  },
  currency: { en: '{count} deals left out: {reason}.', ru: 'Не учтено сделок: {count} ({reason}).' },
  'too-late-to-open': {
    en: 'A deal opened now would close after the period ends at your usual {days}-day cycle: the open deals are the way to the quota.',
    ru: 'При вашем обычном цикле в {days} дн. сделка, открытая сейчас, закроется уже после конца периода: путь к плану — через открытые сделки.',
  },
  'quota-reached': { en: 'The quota is reached.', ru: 'План выполнен.' },
};

export const REASON_TEXT: Record<RiskReason, LocalizedText> = {
  'past-close-date': { en: 'Expected to close {days} days ago', ru: 'Должна была закрыться {days} дн. назад' },
  idle: { en: 'No activity for {days} days', ru: 'Нет активности {days} дн.' },
  'open-long': { en: 'Open for {days} days; no activity on record', ru: 'Открыта {days} дн.; активностей в данных нет' },
  'unlikely-this-period': {
    en: 'Due this period, but deals like it close by then {percent} % of the time',
    ru: 'Должна закрыться в этом периоде, но такие сделки успевают лишь в {percent} % случаев',
  },
  'no-close-date': { en: 'No expected close date', ru: 'Нет ожидаемой даты закрытия' },
};

export const ACTION_TEXT: Record<DealActionKind, LocalizedText> = {
  'log-activity': { en: 'Log an activity', ru: 'Запланировать активность' },
  'update-close-date': { en: 'Update the close date', ru: 'Обновить дату закрытия' },
  'advance-stage': { en: 'Move it to the next stage', ru: 'Перевести на следующий этап' },
  'mark-lost': { en: 'Mark it lost', ru: 'Закрыть как проигранную' },
};

export const MOVE_TEXT: Record<DealActionKind, LocalizedText> = {
  'log-activity': {
    en: 'An activity now would raise its chance to {percent} %',
    ru: 'Активность сейчас подняла бы вероятность до {percent} %',
  },
  'advance-stage': {
    en: 'Reaching {stage} would raise its chance to {percent} %',
    ru: 'Переход на этап «{stage}» поднял бы вероятность до {percent} %',
  },
  'update-close-date': {
    en: 'Its close date has passed: set a real one',
    ru: 'Дата закрытия прошла: поставьте реальную',
  },
  'mark-lost': { en: 'Mark it lost if it is dead', ru: 'Закройте как проигранную, если она мертва' },
};

export const NO_CLOSE_DATE_MOVE: LocalizedText = { en: 'It has no close date: set one', ru: 'У сделки нет даты закрытия: поставьте её' };

export const DRIVER_TEXT: Record<'situation' | 'owner' | 'product' | 'amount', LocalizedText> = {
  situation: {
    en: 'Deals in the same situation were won by then {percent} % of the time (n = {n})',
    ru: 'Сделки в таком же положении выигрывались к этому сроку в {percent} % случаев (n = {n})',
  },
  owner: {
    en: '{name} wins ×{factor} the team at the same situations ({observed} won where {expected} expected)',
    ru: '{name} выигрывает ×{factor} от команды в тех же положениях ({observed} выиграно при ожидаемых {expected})',
  },
  product: {
    en: '{name} deals win ×{factor} ({observed} won where {expected} expected)',
    ru: 'Сделки с продуктом {name} выигрываются ×{factor} ({observed} выиграно при ожидаемых {expected})',
  },
  amount: {
    en: 'Deals of this size win ×{factor} ({observed} won where {expected} expected)',
    ru: 'Сделки такого размера выигрываются ×{factor} ({observed} выиграно при ожидаемых {expected})',
  },
};

export const INPUT_LABEL = {
  wonAmount: { en: 'Won amount', ru: 'Выигранная сумма' },
  wonDeals: { en: 'Deals won', ru: 'Выиграно сделок' },
  openDeals: { en: 'Open deals', ru: 'Открытых сделок' },
  expectedAmount: { en: 'Expected amount', ru: 'Ожидаемая сумма' },
  expectedWins: { en: 'Expected wins', ru: 'Ожидаемые выигрыши' },
  withoutAmount: { en: 'Open deals without an amount', ru: 'Открытых сделок без суммы' },
  draws: { en: 'Simulated endings', ru: 'Смоделированных исходов' },
  p10: { en: 'P10', ru: 'P10' },
  p50: { en: 'P50', ru: 'P50' },
  p90: { en: 'P90', ru: 'P90' },
  quota: { en: 'Quota', ru: 'План' },
  probability: { en: 'Chance', ru: 'Вероятность' },
  snapshots: { en: 'Comparable past spans', ru: 'Похожих прошлых отрезков' },
  examples: { en: 'Open deals seen in them', ru: 'Открытых сделок в них' },
  baseRate: { en: 'Share won by the end of a span', ru: 'Доля выигранных к концу отрезка' },
  sharedVariance: { en: 'Variation between spans', ru: 'Разброс между отрезками' },
  newRate: { en: 'Deals created and won per span', ru: 'Создано и выиграно сделок за отрезок' },
  dispersion: { en: 'Variance ÷ mean of that count', ru: 'Дисперсия ÷ среднее этого числа' },
  amountPool: { en: 'Won deals their amounts come from', ru: 'Выигранных сделок, откуда берутся суммы' },
  gap: { en: 'Gap to quota', ru: 'Разрыв до плана' },
  averageWonDeal: { en: 'Average won deal', ru: 'Средняя выигранная сделка' },
  winRate: { en: 'Win rate', ru: 'Доля выигранных сделок' },
  salesCycleDays: { en: 'Sales cycle (median days)', ru: 'Цикл сделки (медиана, дни)' },
  callsPerNewDeal: { en: 'Calls per new deal', ru: 'Звонков на новую сделку' },
  meetingsPerNewDeal: { en: 'Meetings per new deal', ru: 'Встреч на новую сделку' },
  expectedPipelineWins: { en: 'Wins expected from open deals', ru: 'Ожидаемые выигрыши из открытых сделок' },
  expectedPipelineAmount: { en: 'Amount expected from open deals', ru: 'Ожидаемая сумма из открытых сделок' },
  dealsToWin: { en: 'Deals to win', ru: 'Выиграть сделок' },
  newDealsToWin: { en: 'Beyond the open deals', ru: 'Сверх открытых сделок' },
  dealsToOpen: { en: 'Deals to open', ru: 'Открыть сделок' },
  openBy: { en: 'Open them by', ru: 'Открыть до' },
  workingDaysToOpen: { en: 'Working days to open them', ru: 'Рабочих дней на это' },
  callsPerDay: { en: 'Calls per working day', ru: 'Звонков в рабочий день' },
  meetingsPerDay: { en: 'Meetings per working day', ru: 'Встреч в рабочий день' },
  alerts: { en: 'Deals listed', ru: 'Сделок в списке' },
  staleDays: { en: 'Days without activity that count as slipping', ru: 'Дней без активности, после которых сделка буксует' },
  deadDays: { en: 'Days idle past the close date that count as dead', ru: 'Дней без активности после даты закрытия, после которых сделка мертва' },
  periods: { en: 'Past periods', ru: 'Прошлых периодов' },
  inside: { en: 'Result within P10–P90', ru: 'Итог внутри P10–P90' },
  medianAbsError: { en: 'Median miss of P50', ru: 'Медианный промах P50' },
  medianRelativeError: { en: 'Median miss of P50, share of the result', ru: 'Медианный промах P50, доля итога' },
  closedDeals: { en: 'Deals closed in the trailing year', ru: 'Закрыто сделок за последний год' },
  ownerFactor: { en: "Rep's factor on the team's probabilities", ru: 'Множитель сотрудника к вероятностям команды' },
  newDealsAmount: { en: 'Amount expected from deals not yet created', ru: 'Ожидаемая сумма из ещё не созданных сделок' },
} satisfies Record<string, LocalizedText>;

export const STEP_WHY_TEXT: Record<StepWhy, LocalizedText> = {
  'needs-quota': { en: 'Needs a quota', ru: 'Нужен план' },
  'needs-average-won-deal': { en: 'Needs your average won deal', ru: 'Нужна ваша средняя выигранная сделка' },
  'average-zero': { en: 'Your average won deal is 0', ru: 'Ваша средняя выигранная сделка равна 0' },
  'needs-win-rate': { en: 'Needs your win rate', ru: 'Нужна ваша доля выигранных сделок' },
  'win-rate-zero': { en: 'Your win rate is 0: no number of new deals is enough', ru: 'Доля выигранных сделок равна 0: никакого числа новых сделок не хватит' },
  'needs-sales-cycle': { en: 'Needs your sales cycle', ru: 'Нужна длина вашего цикла сделки' },
  'needs-calls': { en: 'Needs your calls per new deal', ru: 'Нужно число ваших звонков на новую сделку' },
  'needs-meetings': { en: 'Needs your meetings per new deal', ru: 'Нужно число ваших встреч на новую сделку' },
  'needs-deals-to-open': { en: 'Needs the number of deals to open', ru: 'Нужно число сделок, которые надо открыть' },
  'no-working-day': { en: 'No working day left before the open-by date', ru: 'До крайней даты открытия не осталось рабочих дней' },
};
