import { describe, expect, it } from 'vitest';
import { describeFailure, isStorageFull, STORAGE_FULL_PROBLEM, storageProblemOf } from './failure';

const named = (name: string, message = '', extra: object = {}) => Object.assign(new Error(message), { name }, extra);

describe('storage failures', () => {
  it.each([
    ['a bare QuotaExceededError', named('QuotaExceededError'), true],
    ['wrapped by Dexie (inner)', named('AbortError', 'aborted', { inner: named('QuotaExceededError') }), true],
    ['wrapped as a cause', named('BulkError', '', { cause: named('QuotaExceededError') }), true],
    ['an unrelated error', named('TypeError', 'x'), false],
    ['not an error at all', 'QuotaExceededError', false],
  ])('isStorageFull: %s', (_label, error, expected) => {
    expect(isStorageFull(error)).toBe(expected);
  });

  it('a full disk is said with what to do', () => {
    expect(storageProblemOf(named('QuotaExceededError'))).toEqual(STORAGE_FULL_PROBLEM);
    expect(describeFailure(named('QuotaExceededError'))).toContain('Free disk space');
  });

  it('a database that failed to open or upgrade says the data is kept and names the cause', () => {
    const error = named('DatabaseClosedError', 'closed', { inner: named('UpgradeError', 'upgrade v3 threw') });
    const problem = storageProblemOf(error);
    expect(problem?.kind).toBe('database-unavailable');
    expect(problem?.message).toContain('upgrade v3 threw');
    expect(problem?.message).toContain('nothing was changed or deleted');
  });

  it('other errors keep their own message', () => {
    expect(storageProblemOf(new Error('boom'))).toBeUndefined();
    expect(describeFailure(new Error('boom'))).toBe('boom');
    expect(describeFailure(42)).toBe('42');
  });

  it('a cyclic wrapper does not loop', () => {
    const a: Record<string, unknown> = { name: 'X' };
    a.inner = a;
    expect(isStorageFull(a)).toBe(false);
  });
});
