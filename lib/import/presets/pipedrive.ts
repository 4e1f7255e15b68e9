import type { CsvPreset } from '../types';

/**
 * Pipedrive's list-view export (Deals, Activities, Leads): headers are
 * `<Object> - <Field>`. Won/lost is the separate `Deal - Status` (Open, Won,
 * Lost, Deleted) with its own `Won time` / `Lost time`, never a stage.
 */
export const pipedrivePreset: CsvPreset = {
  id: 'pipedrive',
  name: 'Pipedrive',
  columns: {
    deals: {
      id: ['Deal - ID', 'Deal - Pipedrive System ID', 'Deal - System ID'],
      title: ['Deal - Title'],
      owner: ['Deal - Owner'],
      stage: ['Deal - Stage', 'Deal - Stage (pipeline)'],
      status: ['Deal - Status'],
      amount: ['Deal - Value'],
      currency: ['Deal - Currency of Value', 'Deal - Currency'],
      createdAt: ['Deal - Deal created', 'Deal - Add time', 'Deal - Creation date'],
      closedAt: ['Deal - Deal closed on', 'Deal - Closed on', 'Deal - Close time'],
      wonAt: ['Deal - Won time'],
      lostAt: ['Deal - Lost time'],
      expectedCloseAt: ['Deal - Expected close date'],
      updatedAt: ['Deal - Update time'],
      probability: ['Deal - Probability'],
      product: ['Deal - Product name', 'Deal - Products', 'Product - Name'],
      account: ['Deal - Organization', 'Organization - Name', 'Organization'],
      region: ['Organization - Country', 'Organization - Region'],
      source: ['Deal - Source channel', 'Deal - Source origin', 'Deal - Source'],
      pipeline: ['Deal - Pipeline'],
      lostReason: ['Deal - Lost reason'],
      lastActivityAt: ['Deal - Last activity date'],
    },
    activities: {
      id: ['Activity - ID'],
      type: ['Activity - Type'],
      subject: ['Activity - Subject'],
      occurredAt: ['Activity - Due date'],
      time: ['Activity - Due time'],
      createdAt: ['Activity - Add time'],
      done: ['Activity - Done'],
      owner: ['Activity - Assigned to user', 'Activity - Owner', 'Activity - User'],
      deal: ['Activity - Deal ID', 'Deal - ID'],
      durationSec: ['Activity - Duration'],
      account: ['Activity - Organization', 'Organization - Name'],
    },
    leads: {
      id: ['Lead - ID'],
      name: ['Lead - Title'],
      owner: ['Lead - Owner'],
      createdAt: ['Lead - Lead created', 'Lead - Add time'],
      status: ['Lead - Status'],
      source: ['Lead - Source', 'Lead - Source channel', 'Lead - Source origin'],
      updatedAt: ['Lead - Update time'],
    },
  },
  probability: 'percent',
};
