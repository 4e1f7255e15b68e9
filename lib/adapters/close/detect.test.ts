import { describe, expect, it } from 'vitest';
import { detectClose } from './detect';

describe('detectClose', () => {
  it.each([
    'https://app.close.com/leads/',
    'https://app.close.com/lead/lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O/',
    'https://APP.CLOSE.COM/opportunities/?x=1#y',
  ])('%s is Close', (href) => {
    expect(detectClose(new URL(href))).toEqual({
      crm: 'close',
      account: 'app.close.com',
      apiBase: 'https://api.close.com/api/v1',
      appUrl: 'https://app.close.com',
    });
  });

  it.each([
    'https://close.com/',
    'https://www.close.com/pricing',
    'https://developer.close.com/api/',
    'https://api.close.com/api/v1/me/',
    'https://app.close.com.attacker.com/',
    'https://evil-app.close.com/',
    'https://attacker.com/app.close.com/',
    'https://app-close.com/',
    'http://app.close.com/',
    'https://app.close.com:444/',
    'https://user@app.close.com/',
    'https://app.close.io/',
  ])('%s is not the Close app', (href) => {
    expect(detectClose(new URL(href))).toBeNull();
  });
});
