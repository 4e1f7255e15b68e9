import type { CsvPreset } from '../types';

/**
 * Salesforce report exports (`Opportunity Owner`, `Stage`, `Close Date`, `Won`,
 * `Closed`, `Total Amount` with `Total Amount Currency` in multi-currency orgs)
 * and Data Loader exports (API names: `StageName`, `IsWon`, `CloseDate`). Dates
 * and numbers follow the user's locale; en-US (M/D/YYYY) when the values leave
 * it open, as Salesforce's default locale. `Won` /
 * `Closed` are the status when exported; else `Closed Won` / `Closed Lost`.
 */
export const salesforcePreset: CsvPreset = {
  id: 'salesforce',
  name: 'Salesforce',
  columns: {
    deals: {
      id: ['Opportunity ID', 'Opportunity ID (18)', 'Id'],
      title: ['Opportunity Name', 'Name'],
      owner: ['Opportunity Owner', 'Owner Name', 'Owner Full Name'],
      stage: ['Stage', 'StageName'],
      isWon: ['Won', 'IsWon'],
      isClosed: ['Closed', 'IsClosed'],
      amount: ['Amount', 'Total Amount', 'Total Price', 'Amount (converted)'],
      currency: ['Opportunity Currency', 'Amount Currency', 'Total Amount Currency', 'CurrencyIsoCode'],
      createdAt: ['Created Date', 'CreatedDate'],
      closedAt: ['Close Date', 'CloseDate'],
      updatedAt: ['Last Modified Date', 'LastModifiedDate'],
      probability: ['Probability (%)', 'Probability'],
      product: ['Product Name', 'Product'],
      account: ['Account Name', 'Account'],
      region: ['Billing Country', 'Region', 'Territory', 'Billing State/Province'],
      source: ['Lead Source', 'LeadSource'],
      lostReason: ['Loss Reason', 'Closed Lost Reason'],
      lastActivityAt: ['Last Activity', 'LastActivityDate'],
    },
    activities: {
      id: ['Activity ID', 'Task ID', 'Id'],
      type: ['Task Subtype', 'Event Subtype', 'Task/Event', 'Type', 'TaskSubtype'],
      subject: ['Subject'],
      direction: ['Call Type', 'CallType'],
      occurredAt: ['Date', 'Due Date', 'ActivityDate', 'Start'],
      createdAt: ['Created Date', 'CreatedDate'],
      done: ['Status', 'Completed'],
      owner: ['Assigned', 'Assigned To', 'Owner Name'],
      deal: ['Opportunity ID', 'WhatId'],
      durationSec: ['Call Duration', 'CallDurationInSeconds', 'Duration'],
      account: ['Account', 'Account Name', 'Company / Account'],
    },
    leads: {
      id: ['Lead ID', 'Id'],
      firstName: ['First Name', 'FirstName'],
      lastName: ['Last Name', 'LastName'],
      owner: ['Lead Owner'],
      createdAt: ['Created Date', 'Create Date', 'CreatedDate'],
      status: ['Lead Status', 'Status'],
      source: ['Lead Source', 'LeadSource'],
      convertedAt: ['Converted Date', 'ConvertedDate'],
      region: ['Country', 'State/Province'],
      updatedAt: ['Last Modified Date', 'LastModifiedDate'],
    },
  },
  wonValues: ['Closed Won'],
  lostValues: ['Closed Lost'],
  probability: 'percent',
  locales: { en: 'en-US' },
};
