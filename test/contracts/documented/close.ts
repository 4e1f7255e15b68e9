/**
 * Close's own example responses, as its API reference publishes them (the
 * OpenAPI examples behind developer.close.com/api/resources/…, read through the
 * api-evangelist/close mirror of that spec, openapi/close-opportunities-api-openapi.yml
 * and close-activities-calls-api-openapi.yml, commit 08451fdc7a64e2d904cb5f64d9efd76ff556cbe2).
 * Values are Close's, unchanged; only the `*_formatted` strings and aggregates
 * KPI Lens never reads are kept too, so the page is the one Close shows. Test data only.
 */
import type { DocumentedExample } from './types';

const ORG = 'orga_RbREgmiiwcr1w2b4cOnCMQaQPSIFxMqAD2Dh243uxcH';
const USER = 'user_N6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63XA';
const WAYNE = 'lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O';

const opportunity = (fields: Record<string, unknown>) => ({
  contact_id: null, created_by: null, date_lost: null, date_won: null, organization_id: ORG, pipeline_id: 'pipe_04fC628PVB0HjK2Qq5EqEf', pipeline_name: 'Sales',
  status_id: 'stat_4ZdiZqcSIkoGVnNOyxiEY58eTGQmFNG3LPlEVQ4V7Nk', status_label: 'Active', status_type: 'active', updated_by: null, user_id: USER, user_name: 'John Doe', value_currency: 'USD',
  ...fields,
});

export const OPPORTUNITY_LIST: DocumentedExample = {
  source: 'https://developer.close.com/api/resources/opportunities/list — GET /opportunity/, response 200 example',
  status: 200,
  body: {
    count_by_value_period: { annual: 1, monthly: 1, one_time: 1 },
    data: [
      opportunity({
        annualized_expected_value: 225000, annualized_value: 300000, confidence: 75, date_created: '2013-02-01T00:54:51.321000+00:00', date_updated: '2013-02-01T00:54:51.321000+00:00',
        expected_value: 225000, id: 'oppo_KXyJj2PT74U1wOPvhBDO37jCC89mmrnoW0DylcDDWrL', lead_id: 'lead_s6vHFTK1TSRoH6otXOexWDO9jM4xyb1kELHDoU7Fdsp', lead_name: 'Bluth Company (Sample Lead)',
        note: "Gob's ready to buy a $3,000 suit.", note_html: "<body><p>Gob's ready to buy a $3,000 suit.</p></body>", value: 300000, value_formatted: '$3,000', value_period: 'one_time',
      }),
      opportunity({
        annualized_expected_value: 37500, annualized_value: 50000, confidence: 75, date_created: '2013-02-01T00:54:51.337000+00:00', date_updated: '2013-02-01T00:54:51.337000+00:00',
        expected_value: 37500, id: 'oppo_8eB77gAdf8FMy6GsNHEy84f7uoeEWv55slvUjKQZpJt', lead_id: WAYNE, lead_name: 'Wayne Enterprises (Sample Lead)',
        note: 'Bruce needs new software for the Bat Cave.', note_html: '<body><p>Bruce needs new software for the Bat Cave.</p></body>', value: 50000, value_formatted: '$500', value_period: 'annual',
      }),
      opportunity({
        annualized_expected_value: 30000, annualized_value: 60000, confidence: 50, 'custom.cf_j0P7kHmgFTZZnYBFtyPSZ3uQw4dpW8xKcW7Krps8atj': 'https://www.example.com/contract.pdf',
        date_created: '2013-02-01T00:54:51.337000+00:00', date_updated: '2013-02-01T00:54:51.337000+00:00', expected_value: 2500, id: 'oppo_klajsdflf8FMy6GsNHEy84f7uoeEWv55slvUjKQZpJt', lead_id: WAYNE,
        lead_name: 'Wayne Enterprises (Sample Lead)', note: 'Bat Cave monthly maintenance cost', note_html: '<body><p>Bat Cave monthly maintenance cost</p></body>', value: 5000, value_formatted: '$50 monthly', value_period: 'monthly',
      }),
    ],
    expected_value_annual: 37500, expected_value_annual_formatted: '$375', expected_value_annualized: 292500, expected_value_annualized_formatted: '$2,925', expected_value_monthly: 2500,
    expected_value_monthly_formatted: '$25', expected_value_one_time: 225000, expected_value_one_time_formatted: '$2,250', has_more: false, total_results: 3, total_value_annual: 50000,
    total_value_annual_formatted: '$500', total_value_annualized: 410000, total_value_annualized_formatted: '$4,100', total_value_monthly: 5000, total_value_monthly_formatted: '$50',
    total_value_one_time: 300000, total_value_one_time_formatted: '$3,000',
  },
};

export const CALL_LIST: DocumentedExample = {
  source: 'https://developer.close.com/api/resources/activities/calls/list — GET /activity/call/, response 200 example',
  status: 200,
  body: {
    data: [
      {
        _type: 'Call', activity_at: '2013-02-01T00:51:33+00:00', call_method: 'regular', contact_id: 'cont_q4xYmlGhA3060dEl0NDJuHRxPMuVjqLn30AFSzh1fRk', cost: '2', created_by: USER,
        date_created: '2013-02-20T06:34:33.637000+00:00', date_updated: '2013-02-20T06:34:35.656000+00:00', dialer_id: null, dialer_saved_search_id: null, direction: 'outbound', disposition: 'answered',
        duration: 10, id: 'acti_Ay0QqN91HKAHVQUesISYV8QlhDobGfWb1Ui3TE75pJR', lead_id: 'lead_s6vHFTK1TSRoH6otXOexWDO9jM4xyb1kELHDoU7Fdsp', local_country_iso: 'US', local_phone: '+16505556666',
        local_phone_formatted: '+1 650-555-6666', note: '', note_html: '<body><p></p></body>', organization_id: ORG, outcome_id: 'outcome_031uY9IKV1JxfNKM9n2qCw', phone: '+16503334444',
        recording_url: null, remote_country_iso: 'US', remote_phone: '+16503334444', remote_phone_formatted: '+1 650-333-4444', source: 'Close.io', status: 'completed', updated_by: USER,
        user_id: USER, users: [], voicemail_duration: null, voicemail_url: null,
      },
    ],
    has_more: false,
  },
};

/**
 * The 400 for a `_skip` past a resource's maximum. Close's Pagination page
 * (https://developer.close.com/api/overview/pagination, "Offset-Based Pagination"
 * and "Deep Pagination") says a maximum that varies per resource answers 400
 * "with an appropriate message"; the message itself, as Close sends it for
 * email activities, is quoted in airbytehq/airbyte#20959.
 */
export const SKIP_PAST_MAXIMUM: DocumentedExample = {
  source: 'https://developer.close.com/api/overview/pagination — Deep Pagination (the 400); message as quoted in https://github.com/airbytehq/airbyte/issues/20959',
  status: 400,
  body: { error: 'The skip you set is larger than the maximum skip for this resource (max_skip = 250000). Please refine your search query.' },
};
