import type { ActivityField, ColumnSynonyms, DealField, LeadField } from './types';

/**
 * Header names that real exports and hand-made spreadsheets use for each field,
 * English and Russian, in order of preference. They are compared after
 * normalisation (case, spaces, punctuation and `_` ignored), so `close_date`,
 * `Close Date` and `CLOSE-DATE` are one entry. CRM-specific headers live in the
 * presets; these are the generic fallbacks.
 */
export const DEAL_SYNONYMS: ColumnSynonyms<DealField> = {
  id: ['id', 'deal id', 'opportunity id', 'record id', 'deal - id', 'ид', 'id сделки', 'номер сделки'],
  title: ['title', 'deal name', 'deal title', 'deal - title', 'opportunity name', 'name', 'название сделки', 'название', 'сделка', 'наименование'],
  owner: [
    'owner', 'deal owner', 'deal - owner', 'opportunity owner', 'owner name', 'sales agent', 'sales rep', 'salesperson',
    'rep', 'assigned to', 'responsible', 'responsible user', 'ответственный', 'ответственный менеджер', 'менеджер', 'владелец',
  ],
  stage: ['stage', 'deal stage', 'deal - stage', 'stage name', 'этап сделки', 'этап', 'стадия сделки', 'стадия'],
  status: ['status', 'deal status', 'deal - status', 'outcome', 'result', 'статус', 'статус сделки', 'состояние', 'результат'],
  isWon: ['won', 'is won', 'is closed won', 'выиграна', 'успешна'],
  isClosed: ['closed', 'is closed', 'is deal closed', 'закрыта', 'сделка закрыта'],
  amount: [
    'amount', 'value', 'deal value', 'deal - value', 'close value', 'deal amount', 'opportunity amount', 'revenue', 'budget',
    'price', 'total', 'сумма', 'сумма сделки', 'бюджет', 'стоимость', 'цена',
  ],
  currency: ['currency', 'currency code', 'deal currency', 'currency of value', 'deal - currency of value', 'amount currency', 'валюта'],
  createdAt: [
    'created', 'created at', 'created date', 'create date', 'date created', 'creation date', 'deal created', 'deal - deal created',
    'add time', 'engage date', 'opened', 'date create', 'дата создания', 'дата создания сделки', 'создана', 'создано', 'дата начала',
  ],
  closedAt: [
    'close date', 'closed at', 'closed date', 'closing date', 'date closed', 'closed on', 'deal closed on', 'deal - deal closed on',
    'дата закрытия', 'дата закрытия сделки', 'дата завершения',
  ],
  wonAt: ['won time', 'deal - won time', 'won date', 'date won', 'дата выигрыша'],
  lostAt: ['lost time', 'deal - lost time', 'lost date', 'date lost', 'дата проигрыша'],
  expectedCloseAt: [
    'expected close date', 'expected close', 'deal - expected close date', 'forecast close date', 'estimated close date',
    'предполагаемая дата закрытия', 'планируемая дата закрытия', 'ожидаемая дата закрытия',
  ],
  updatedAt: ['updated', 'updated at', 'update time', 'last modified date', 'last modified', 'modified', 'дата изменения', 'изменено', 'дата редактирования'],
  probability: ['probability', 'probability (%)', 'deal probability', 'deal - probability', 'win probability', 'вероятность', 'вероятность сделки'],
  product: ['product', 'product name', 'products', 'deal - product', 'продукт', 'товар', 'товары', 'услуга'],
  account: [
    'account', 'account name', 'company', 'company name', 'organization', 'organisation', 'deal - organization', 'organization name',
    'associated company', 'client', 'customer', 'компания', 'клиент', 'организация', 'контрагент',
  ],
  region: ['region', 'regional office', 'territory', 'sales region', 'регион', 'территория', 'country', 'страна'],
  source: ['source', 'lead source', 'deal source', 'deal - source', 'source channel', 'deal - source channel', 'channel', 'original source', 'источник', 'канал'],
  pipeline: ['pipeline', 'deal - pipeline', 'воронка', 'направление'],
  lostReason: ['lost reason', 'deal - lost reason', 'closed lost reason', 'loss reason', 'причина отказа', 'причина проигрыша', 'причина провала'],
  lastActivityAt: [
    'last activity date', 'last activity', 'last activity at', 'deal - last activity date', 'date of last activity',
    'дата последней активности', 'последняя активность',
  ],
};

export const ACTIVITY_SYNONYMS: ColumnSynonyms<ActivityField> = {
  id: ['id', 'activity id', 'activity - id', 'task id', 'call id', 'ид', 'id дела'],
  type: ['type', 'activity type', 'activity - type', 'task type', 'тип', 'тип дела', 'тип активности'],
  subject: ['subject', 'activity - subject', 'call title', 'тема', 'описание'],
  direction: ['direction', 'call direction', 'call type', 'направление', 'тип звонка'],
  occurredAt: [
    'date', 'activity date', 'due date', 'activity - due date', 'start date', 'start time', 'call date', 'occurred at',
    'дата', 'срок', 'дата начала', 'дата звонка', 'дата дела',
  ],
  time: ['time', 'due time', 'activity - due time', 'время'],
  createdAt: ['created', 'created date', 'create date', 'add time', 'activity - add time', 'дата создания'],
  done: ['done', 'activity - done', 'completed', 'is completed', 'выполнено', 'завершено'],
  owner: ['owner', 'assigned to', 'activity - assigned to user', 'activity owner', 'assigned', 'user', 'ответственный', 'менеджер'],
  deal: ['deal', 'deal id', 'activity - deal', 'associated deal', 'сделка', 'id сделки'],
  durationSec: ['duration', 'call duration', 'activity - duration', 'длительность', 'продолжительность'],
  account: ['account', 'company', 'organization', 'activity - organization', 'компания', 'клиент'],
};

export const LEAD_SYNONYMS: ColumnSynonyms<LeadField> = {
  id: ['id', 'lead id', 'record id', 'contact id', 'lead - id', 'ид', 'id лида'],
  name: ['name', 'lead name', 'lead title', 'lead - title', 'full name', 'title', 'название лида', 'название', 'фио'],
  firstName: ['first name', 'имя'],
  lastName: ['last name', 'фамилия'],
  owner: ['owner', 'lead owner', 'contact owner', 'lead - owner', 'assigned to', 'responsible', 'ответственный', 'менеджер'],
  createdAt: ['created', 'created date', 'create date', 'date created', 'lead created', 'lead - lead created', 'add time', 'дата создания'],
  status: ['status', 'lead status', 'lead - status', 'статус', 'статус лида', 'стадия'],
  lifecycleStage: ['lifecycle stage', 'lifecycle', 'этап жизненного цикла'],
  source: ['source', 'lead source', 'lead - source', 'original source', 'original traffic source', 'channel', 'источник', 'канал'],
  mqlAt: ['mql date', 'became a marketing qualified lead date', 'mql at', 'marketing qualified date', 'дата mql'],
  sqlAt: ['sql date', 'became a sales qualified lead date', 'sql at', 'sales qualified date', 'дата sql'],
  convertedAt: [
    'converted date', 'converted at', 'conversion date', 'became an opportunity date', 'became a customer date',
    'дата конвертации', 'дата конверсии',
  ],
  region: ['region', 'country', 'country/region', 'регион', 'страна'],
  updatedAt: ['updated', 'last modified date', 'last modified', 'дата изменения'],
};
