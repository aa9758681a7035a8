/**
 * JSON with every object's keys in sorted order: the same value always gives the same text, so a
 * hash or a signature over it does not depend on who serialised it or how.
 */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  indent);
}
