import { describe, expect, it } from 'vitest';
import * as protocol from '../../lib/messaging/protocol';
import { dataVersionKey, statusVersionKey } from './keys';

describe('storage keys the sidebar follows', () => {
  it('are the protocol’s', () => {
    for (const source of ['demo', 'pipedrive:acme', 'sandbox:127.0.0.1:5000']) {
      expect(dataVersionKey(source)).toBe(protocol.dataVersionKey(source));
      expect(statusVersionKey(source)).toBe(protocol.statusVersionKey(source));
    }
  });
});
