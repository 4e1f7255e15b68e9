import type { CsvPreset } from '../types';

/**
 * HubSpot's view exports: headers are property labels (`Deal Name`, `Deal
 * Stage`, `Close Date`), datetimes `YYYY-MM-DD HH:MM` in the account's zone,
 * probabilities as 0–1 fractions, call durations in milliseconds. Won/lost is
 * a stage (`Closed Won` / `Closed Lost`) unless `Is Closed Won` is exported.
 */
export const hubspotPreset: CsvPreset = {
  id: 'hubspot',
  name: 'HubSpot',
  columns: {
    deals: {
      id: ['Record ID', 'Deal ID'],
      title: ['Deal Name'],
      owner: ['Deal owner'],
      stage: ['Deal Stage'],
      isWon: ['Is Closed Won'],
      isClosed: ['Is Deal Closed?', 'Is Closed'],
      amount: ['Amount'],
      currency: ['Currency', 'Deal currency code'],
      createdAt: ['Create Date'],
      closedAt: ['Close Date'],
      updatedAt: ['Last Modified Date'],
      probability: ['Deal probability'],
      account: ['Associated Company', 'Associated Company (Primary)', 'Company name'],
      region: ['Country/Region', 'Region'],
      source: ['Original Traffic Source', 'Original Source Type', 'Original Source'],
      pipeline: ['Pipeline'],
      lostReason: ['Closed Lost Reason'],
      lastActivityAt: ['Last Activity Date'],
    },
    activities: {
      id: ['Record ID', 'Activity ID'],
      subject: ['Call title', 'Meeting name', 'Email subject', 'Task title'],
      direction: ['Call direction'],
      occurredAt: ['Activity date', 'Meeting start time', 'Due date'],
      createdAt: ['Create date', 'Created at'],
      done: ['Call status', 'Task status', 'Meeting outcome'],
      owner: ['Activity assigned to', 'Call owner', 'Owner', 'Assigned to'],
      deal: ['Associated Deal IDs', 'Associated Deal ID'],
      durationSec: ['Call duration'],
    },
    leads: {
      id: ['Record ID', 'Contact ID'],
      firstName: ['First Name'],
      lastName: ['Last Name'],
      owner: ['Contact owner'],
      createdAt: ['Create Date'],
      status: ['Lead Status'],
      lifecycleStage: ['Lifecycle Stage'],
      source: ['Original Traffic Source', 'Original Source'],
      mqlAt: ['Became a Marketing Qualified Lead Date'],
      sqlAt: ['Became a Sales Qualified Lead Date'],
      convertedAt: ['Became an Opportunity Date', 'Became a Customer Date'],
      region: ['Country/Region'],
      updatedAt: ['Last Modified Date'],
    },
  },
  wonValues: ['Closed Won'],
  lostValues: ['Closed Lost'],
  probability: 'fraction',
  durationUnit: 'milliseconds',
};
