/**
 * Look-ups by external id. A source never holds two records with one id, but raw input (a CSV, a
 * half-synced store) might: the most recently updated copy wins, and between copies updated at the same
 * moment the choice is still fixed by their content, so results never depend on the order of the input.
 */
export function indexById<T extends { externalId: string; updatedAt: number }>(list: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of list) {
    const current = map.get(item.externalId);
    if (current === undefined || preferred(item, current)) map.set(item.externalId, item);
  }
  return map;
}

function preferred<T extends { updatedAt: number }>(candidate: T, current: T): boolean {
  if (candidate.updatedAt !== current.updatedAt) return candidate.updatedAt > current.updatedAt;
  return JSON.stringify(candidate) > JSON.stringify(current);
}
