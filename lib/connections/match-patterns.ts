/**
 * Just enough of the browsers' match patterns (`https://*.example.com/*`) to
 * reason about host access: which granted origins fall under a CRM's patterns
 * (so a single portal granted as `https://acme.bitrix24.ru/*` still counts as
 * Bitrix24), and which ones a connection's pages need.
 */
type Pattern = { scheme: string; host: string; path: string };

function parse(pattern: string): Pattern | null {
  const match = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*:]+)(?::\d+)?(\/.*)$/.exec(pattern);
  return match ? { scheme: match[1]!, host: match[2]!.toLowerCase(), path: match[3]! } : null;
}

function hostCovers(outer: string, inner: string): boolean {
  if (outer === '*') return true;
  if (!outer.startsWith('*.')) return outer === inner;
  const domain = outer.slice(2);
  const innerDomain = inner.startsWith('*.') ? inner.slice(2) : inner;
  return innerDomain === domain || innerDomain.endsWith(`.${domain}`);
}

/** Does every URL `inner` matches also match `outer`? */
export function patternCovers(outer: string, inner: string): boolean {
  const a = parse(outer);
  const b = parse(inner);
  if (!a || !b) return false;
  const schemeOk = a.scheme === b.scheme || (a.scheme === '*' && b.scheme !== '*');
  const pathOk = a.path === '/*' || a.path === b.path;
  return schemeOk && pathOk && hostCovers(a.host, b.host);
}

/** Does `url` match the pattern (scheme and host; the path part of KPI Lens' patterns is always `/*`)? */
export function patternMatchesUrl(pattern: string, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return patternCovers(pattern, `${parsed.protocol}//${parsed.hostname}/*`);
}
