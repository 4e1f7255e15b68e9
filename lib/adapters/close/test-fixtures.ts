/**
 * Close API v1 responses in the shapes its reference documents (list
 * envelopes with `data` and `has_more`, money in cents, microsecond ISO
 * timestamps, some without an offset). Values follow Close's own examples.
 * Test data only.
 */
export const CLOSE_BASE = 'https://api.close.com/api/v1';

const org = 'orga_RbREgmiiwcr1w2b4cOnCMQaQPSIFxMqAD2Dh243uxcH';
export const USER_ID = 'user_N6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63XA';
export const LEAD_ID = 'lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O';

export function opportunity(overrides: Record<string, unknown> = {}) {
  return {
    annualized_expected_value: 225000,
    annualized_value: 300000,
    confidence: 75,
    contact_id: null,
    created_by: null,
    date_created: '2013-02-01T00:54:51.321000+00:00',
    date_lost: null,
    date_updated: '2013-02-01T00:54:51.321000+00:00',
    date_won: null,
    expected_value: 225000,
    id: 'oppo_KXyJj2PT74U1wOPvhBDO37jCC89mmrnoW0DylcDDWrL',
    lead_id: 'lead_s6vHFTK1TSRoH6otXOexWDO9jM4xyb1kELHDoU7Fdsp',
    lead_name: 'Bluth Company (Sample Lead)',
    note: "Gob's ready to buy a $3,000 suit.",
    note_html: "<body><p>Gob's ready to buy a $3,000 suit.</p></body>",
    organization_id: org,
    pipeline_id: 'pipe_04fC628PVB0HjK2Qq5EqEf',
    pipeline_name: 'Sales',
    status_id: 'stat_4ZdiZqcSIkoGVnNOyxiEY58eTGQmFNG3LPlEVQ4V7Nk',
    status_label: 'Active',
    status_type: 'active',
    updated_by: null,
    user_id: USER_ID,
    user_name: 'John Doe',
    value: 300000,
    value_currency: 'USD',
    value_formatted: '$3,000',
    value_period: 'one_time',
    ...overrides,
  };
}

export const wonOpportunity = opportunity({
  id: 'oppo_8eB77gAdf8FMy6GsNHEy84f7uoeEWv55slvUjKQZpJt',
  lead_id: LEAD_ID,
  lead_name: 'Wayne Enterprises (Sample Lead)',
  date_updated: '2013-02-20T10:06:25.248000+00:00',
  date_won: '2013-02-20',
  status_id: 'stat_5ZdiZqcSIkoGVnNOyxiEY58eTGQmFNG3LPlEVQ4V7Nk',
  status_label: 'Won',
  status_type: 'won',
  value: 50000,
  value_formatted: '$500',
});

export const monthlyOpportunity = opportunity({
  id: 'oppo_klajsdflf8FMy6GsNHEy84f7uoeEWv55slvUjKQZpJt',
  lead_id: LEAD_ID,
  confidence: 50,
  value: 5000,
  value_period: 'monthly',
  value_formatted: '$50 monthly',
  date_won: '2013-03-15',
});

export const callItem = {
  _type: 'Call',
  activity_at: '2013-02-01T00:51:33+00:00',
  call_method: 'regular',
  contact_id: 'cont_q4xYmlGhA3060dEl0NDJuHRxPMuVjqLn30AFSzh1fRk',
  cost: '2',
  created_by: USER_ID,
  date_created: '2013-02-20T06:34:33.637000+00:00',
  date_updated: '2013-02-20T06:34:35.656000+00:00',
  dialer_id: null,
  direction: 'outbound',
  disposition: 'answered',
  duration: 10,
  id: 'acti_Ay0QqN91HKAHVQUesISYV8QlhDobGfWb1Ui3TE75pJR',
  lead_id: 'lead_s6vHFTK1TSRoH6otXOexWDO9jM4xyb1kELHDoU7Fdsp',
  local_phone: '+16505556666',
  note: '',
  organization_id: org,
  phone: '+16503334444',
  recording_url: null,
  source: 'Close.io',
  status: 'completed',
  updated_by: USER_ID,
  user_id: USER_ID,
  users: [],
};

export const outgoingEmail = {
  _type: 'Email',
  activity_at: '2013-02-08T05:02:42.050000+00:00',
  bcc: [],
  cc: [],
  contact_id: 'cont_eXZwc2SVL4G3xSR85jnfPny2ykvoAQndSyi1Doa2YLO',
  date_created: '2013-02-08T05:02:42.050000+00:00',
  date_scheduled: null,
  date_sent: '2013-02-08T05:02:42.050000+00:00',
  date_updated: '2013-02-08T05:03:16.281000+00:00',
  direction: 'outgoing',
  has_reply: false,
  id: 'acti_C4DFcBED1FwLSDqn853hjc979h7DIuH2vwABzGWhRAO',
  lead_id: 'lead_KwD00BYbXCHiPWj68LxFkxaeWuULpZ7awzm6LqeFs0h',
  opens: [{ ip_address: '1.2.3.4', opened_at: '2013-02-08T06:00:00.000000+00:00', opened_by: 'phil@close.com' }],
  opens_summary: 'Opened once',
  organization_id: org,
  sender: 'phil@close.com',
  status: 'sent',
  subject: 'Testing testing!!!!',
  thread_id: 'acti_C4DFcBED1FwLSDqn853hjc979h7DIuH2vwABzGWhRAO',
  to: ['phil@close.com'],
  user_id: USER_ID,
  users: [],
};

/** A draft as Close returns it after creation: no offset on its timestamps. */
export const draftEmail = {
  ...outgoingEmail,
  id: 'acti_EdpqkmtlQHIDWE2CixJo606BapX34SpYV3fzHryGPc3',
  activity_at: '2015-06-26T02:01:43.059265',
  date_created: '2015-06-26T02:01:43.059265',
  date_updated: '2015-06-26T02:01:43.101910',
  date_sent: null,
  opens: [],
  status: 'draft',
};

export const incomingEmail = {
  ...outgoingEmail,
  id: 'acti_WuIVvTT9b3zLmOOWalxK0OrqtdkxEEdu4mNr1TPGb2o',
  direction: 'incoming',
  status: 'inbox',
  opens: [],
  subject: 'Welcome to Close!',
};

export const meetingItem = {
  _type: 'Meeting',
  activity_at: '2019-10-11T16:30:00+00:00',
  actual_duration: null,
  attendees: [],
  contact_id: null,
  created_by: 'user_Ova4RGFG7pztSeJiiMFdN7O2MFl71nD0uGO3bIOo4Wk',
  date_created: '2019-10-11T16:30:00+00:00',
  date_updated: '2019-10-11T16:18:17.942000+00:00',
  duration: 3600,
  ends_at: '2019-10-11T17:30:00+00:00',
  id: 'acti_qwA2IPmjYyMQQ2UWuNxBOtc2CbZtRUOb5JkS1i3Qo1b',
  lead_id: 'lead_Qq33JAqr6zrgqtJGkKv7XQxTnQxpTEJA7Mfcx98ZrWe',
  organization_id: org,
  source: 'calendar',
  starts_at: '2019-10-11T16:30:00+00:00',
  status: 'upcoming',
  title: 'Bruce Wayne Interview',
  user_id: 'user_Ova4RGFG7pztSeJiiMFdN7O2MFl71nD0uGO3bIOo4Wk',
  users: ['user_Ova4RGFG7pztSeJiiMFdN7O2MFl71nD0uGO3bIOo4Wk'],
};

export const usersPage = {
  data: [
    {
      date_created: '2012-08-29T00:33:22.720000+00:00',
      date_updated: '2013-05-08T01:57:15.204000+00:00',
      email: 'stefan@close.com',
      first_name: 'Stefan',
      id: USER_ID,
      last_name: 'Wojcik',
      organizations: [org],
    },
    {
      date_created: '2012-08-10T00:00:11.000000+00:00',
      date_updated: '2013-05-08T02:00:13.000000+00:00',
      email: 'kevin@close.com',
      first_name: 'Kevin',
      id: 'user_Ova4RGFG7pztSeJiiMFdN7O2MFl71nD0uGO3bIOo4Wk',
      last_name: 'Ramani',
      organizations: [org],
    },
  ],
  has_more: false,
};

export const meResponse = {
  date_created: '2012-08-29T13:46:31.870000+00:00',
  email: 'anthony@close.com',
  first_name: 'Anthony',
  id: USER_ID,
  last_name: 'Nemitz',
  organizations: [],
};

export const pipelinesPage = {
  data: [
    {
      created_by: USER_ID,
      date_created: '2019-11-04T11:04:13.014979',
      date_updated: '2019-11-13T14:12:13.051542',
      id: 'pipe_6gV01if4wo7r2YTVQDWP2j',
      name: 'Sales',
      organization_id: org,
      statuses: [
        { id: 'stat_3PB2sedHBCjwuBImAEwgHOo858f2j41lpROkcl51Fzp', label: 'Active', type: 'active' },
        { id: 'stat_7ZdiZqcSIkoGVnNOyxiEY58eTGQmFNG3LPlEVQ4V7Nk', label: 'On hold', type: 'active' },
        { id: 'stat_IOCtLYbAclJ8XAcb3yLUhQA3zlmjtXz8JMBLyXnNMF8', label: 'Won', type: 'won' },
        { id: 'stat_3mmBOyMmaG8yc4DmAPp9WmgbjhVctVLlnd9gmvWxBe2', label: 'Lost', type: 'lost' },
      ],
      updated_by: USER_ID,
    },
  ],
};

export const leadItem = {
  addresses: [{ address_1: '747 Howard St', city: 'San Francisco', country: 'US', label: 'business', state: 'CA', zipcode: '94103' }],
  contact_ids: ['cont_o0kP3Nqyq0wxr5DLWIEm8mVr6ZpI0AhonKLDG0V5Qjh'],
  created_by: null,
  date_created: '2013-02-01T00:54:51.333000+00:00',
  date_updated: '2013-02-06T20:53:01.977000+00:00',
  description: '',
  display_name: 'Wayne Enterprises (Sample Lead)',
  html_url: `https://app.close.com/lead/${LEAD_ID}/`,
  id: LEAD_ID,
  name: 'Wayne Enterprises (Sample Lead)',
  organization_id: org,
  status_id: 'stat_1ZdiZqcSIkoGVnNOyxiEY58eTGQmFNG3LPlEVQ4V7Nk',
  status_label: 'Potential',
  updated_by: USER_ID,
  url: null,
};
