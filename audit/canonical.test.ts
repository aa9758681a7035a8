import { canonicalJson } from './canonical';

/** What JSON.stringify writes, every object's keys sorted: the form signatures and hashes cover. */
const reference = (value: unknown, indent?: number) =>
  JSON.stringify(
    value,
    (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, (v as Record<string, unknown>)[k]]),
          )
        : v,
    indent,
  );

test('keys sorted at every depth, otherwise what JSON.stringify writes', () => {
  const value = {
    b: [{ z: 1, a: [3, { y: null, x: 'é' }] }, undefined, () => 1],
    a: { when: new Date(Date.UTC(2026, 10, 27)), skipped: undefined, '10': 'ten', '9': 'nine' },
    c: 'text',
  };
  expect(canonicalJson(value)).toBe(
    '{"a":{"9":"nine","10":"ten","when":"2026-11-27T00:00:00.000Z"},"b":[{"a":[3,{"x":"é","y":null}],"z":1},null,null],"c":"text"}',
  );
  expect(canonicalJson(value, 2)).toBe(reference(value, 2));
  expect(canonicalJson([1, 'a', null])).toBe('[1,"a",null]');
  expect(canonicalJson('plain')).toBe('"plain"');
});
