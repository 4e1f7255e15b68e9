import { describe, expect, it } from 'vitest';
import { contentScriptMatches } from './content-scripts';
import { patternCovers, patternMatchesUrl } from './match-patterns';

describe('match patterns', () => {
  it.each([
    ['https://*.kommo.com/*', 'https://acme.kommo.com/*', true],
    ['https://*.kommo.com/*', 'https://*.kommo.com/*', true],
    ['https://*.kommo.com/*', 'https://*.a.kommo.com/*', true],
    ['https://*.kommo.com/*', 'https://kommo.com/*', true],
    ['https://*.kommo.com/*', 'https://acme.kommo.com.evil.example/*', false],
    ['https://*.kommo.com/*', 'https://evilkommo.com/*', false],
    ['https://*.kommo.com/*', 'http://acme.kommo.com/*', false],
    ['https://app.close.com/*', 'https://app.close.com/*', true],
    ['https://app.close.com/*', 'https://api.close.com/*', false],
    ['https://acme.kommo.com/*', 'https://*.kommo.com/*', false],
    ['*://*/*', 'https://acme.kommo.com/*', true],
    ['not a pattern', 'https://acme.kommo.com/*', false],
  ])('%s covers %s: %s', (outer, inner, expected) => {
    expect(patternCovers(outer, inner)).toBe(expected);
  });

  it('matches URLs by scheme and host', () => {
    expect(patternMatchesUrl('https://*.pipedrive.com/*', 'https://acme.pipedrive.com/api')).toBe(true);
    expect(patternMatchesUrl('https://acme.bitrix24.ru/*', 'https://acme.bitrix24.ru/rest/1/abc/')).toBe(true);
    expect(patternMatchesUrl('https://acme.bitrix24.ru/*', 'https://other.bitrix24.ru/')).toBe(false);
    expect(patternMatchesUrl('https://*.pipedrive.com/*', 'not a url')).toBe(false);
  });

  it('runs the content script on a single granted account host too, never on other hosts', () => {
    expect(
      contentScriptMatches(['https://acme.bitrix24.ru/*', 'https://acme.kommo.com/*', 'https://evil.example/*', 'https://acme.bitrix24.ru.evil.example/*'], []),
    ).toEqual(['https://acme.bitrix24.ru/*', 'https://acme.kommo.com/*']);
    expect(contentScriptMatches(['http://127.0.0.1/*', 'https://*.salesforce.com/*'], ['http://localhost/*', 'http://127.0.0.1/*'])).toEqual([
      'https://*.salesforce.com/*',
      'http://127.0.0.1/*',
    ]);
  });
});
