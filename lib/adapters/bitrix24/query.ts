/**
 * A value as Bitrix24 (PHP) reads it from a query string: nested objects and
 * arrays become `filter[>=DATE_MODIFY]=…`, `select[0]=ID`. Batch commands are
 * written this way (`crm.deal.list?start=50&filter[…]=…`).
 */
export type QueryValue = string | number | boolean | null | undefined | readonly QueryValue[] | { readonly [key: string]: QueryValue };

/**
 * Builds the query string. Keys and values are percent-encoded whole: a filter
 * key such as `>=DATE_MODIFY` holds `=`, and an ISO offset holds `+`, which
 * would otherwise be read as a separator and a space.
 */
export function buildQuery(params: { readonly [key: string]: QueryValue }): string {
  const parts: string[] = [];
  const add = (key: string, value: QueryValue) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => add(`${key}[${index}]`, item));
    } else if (typeof value === 'object') {
      for (const [child, item] of Object.entries(value)) add(`${key}[${child}]`, item);
    } else {
      const text = typeof value === 'boolean' ? (value ? 'Y' : 'N') : String(value);
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
    }
  };
  for (const [key, value] of Object.entries(params)) add(key, value);
  return parts.join('&');
}

/** Bitrix24 takes ISO 8601 with an explicit offset in date filters. */
export function bitrixIsoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
