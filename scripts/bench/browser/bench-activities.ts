import type { Activity } from '@/lib/model';

const TYPES = ['call', 'email', 'meeting'] as const;
const START = Date.UTC(2026, 0, 1);

/** The sync bench's activity number `i`: the same in the CRM's worker and in the page that writes it. */
export function benchActivity(i: number): Activity {
  return {
    source: 'bench',
    externalId: `a${i}`,
    updatedAt: START + i,
    ownerId: `u${i % 50}`,
    type: TYPES[i % 3]!,
    direction: i % 4 === 0 ? 'inbound' : 'outbound',
    title: `Follow-up ${i}`,
    url: `https://crm.example.test/activities/a${i}`,
    occurredAt: START + i * 60_000,
    createdAt: START + i * 60_000 - 3_600_000,
    done: true,
    dealId: `d${i % 100_000}`,
    durationSec: i % 600,
  };
}

/** Activities `from` to `to` (not included). */
export function benchActivities(from: number, to: number): Activity[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => benchActivity(from + k));
}
