import { describe, expect, it } from 'vitest';
import { contentScriptMatches } from './content-scripts';

describe('content script matches', () => {
  it('covers only what was granted', () => {
    expect(contentScriptMatches(['https://*.pipedrive.com/*', 'https://example.com/*'], [])).toEqual(['https://*.pipedrive.com/*']);
    expect(contentScriptMatches([], ['http://localhost/*'])).toEqual([]);
    expect(contentScriptMatches(['http://localhost/*'], ['http://localhost/*', 'http://127.0.0.1/*'])).toEqual(['http://localhost/*']);
  });
});
