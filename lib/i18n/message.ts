/** A message, or plural forms chosen with Intl.PluralRules for `{count}`. */
export type Message = string | { one: string; few?: string; many?: string; other: string };
