/**
 * Makes column names unique, case-insensitively, by numbering repeats:
 * `Name`, `Name (2)`, `Name (3)`. Two columns of one name are two columns, and
 * a field → header map must name exactly one.
 */
export function uniqueNames(): (name: string) => string {
  const taken = new Set<string>();
  return (name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${name} (${n})`;
    taken.add(candidate.toLowerCase());
    return candidate;
  };
}
