/**
 * fast-check arbitraries from JSON Schema, the form every zod schema of the route table and the
 * actions takes (`z.toJSONSchema`): values the schema accepts, with now and then a leaf swapped for
 * garbage, so that most requests get past the first check and some fail deep inside.
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** Inputs that break parsers and checks: odd strings, odd numbers, wrong types, deep values. */
export const smallGarbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uFFFF',
    '\uD800',
    '../../etc/passwd',
    "' OR 1=1 --",
    '%00',
    '%',
    '9'.repeat(400),
    '2026-02-30',
    '2026-13-01',
    '-1',
    'NaN',
    'Infinity',
    '__proto__',
    'constructor',
    'null',
    '{}',
    '[]',
    'zone-',
    'agreement-210881-',
    '😀'.repeat(300),
  ),
  fc.constantFrom(0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, null, true, false, [], {}),
  fc.constant({ __proto__: { admin: true }, constructor: { prototype: 1 } }),
);

/** The same, and now and then a value of 100,000 characters (in a body: a URL that long is the HTTP server's to refuse). */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 20, arbitrary: smallGarbage },
  { weight: 1, arbitrary: fc.constant('x'.repeat(100_000)) },
);

const sometimesBroken = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 12, arbitrary: arb }, { weight: 1, arbitrary: garbage });

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const maxLength = Math.min(schema.maxLength ?? 40, 60);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    // fast-check does not generate from lookarounds: generate without them, keep what matches.
    const generating = new RegExp(schema.pattern.replace(/\(\?<?[!=][^)]*\)/g, ''));
    return fc
      .stringMatching(generating)
      .filter((s) => pattern.test(s) && s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
  }
  if (schema.format === 'date')
    return fc
      .date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') })
      .map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  return fc.oneof(fc.string({ minLength, maxLength }), fc.string({ unit: 'grapheme', minLength, maxLength }));
}

export function fromJsonSchema(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => fromJsonSchema(s, depth + 1)));
  if (schema.allOf?.length) return fromJsonSchema(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1e6, -1e9), max: Math.min(schema.maximum ?? 1e6, 1e9) });
    case 'number': {
      const min = schema.exclusiveMinimum ?? schema.minimum ?? -1e6;
      const max = schema.exclusiveMaximum ?? schema.maximum ?? 1e6;
      return fc.double({
        min,
        max,
        noNaN: true,
        noDefaultInfinity: true,
        minExcluded: schema.exclusiveMinimum !== undefined,
        maxExcluded: schema.exclusiveMaximum !== undefined,
      });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(sometimesBroken(fromJsonSchema(schema.items ?? {}, depth + 1)), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
      });
    case 'object': {
      const properties = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, s]) => [key, sometimesBroken(fromJsonSchema(s, depth + 1))]),
      );
      const known = fc.record(properties, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
      if (schema.additionalProperties === false) return known;
      return fc
        .tuple(known, fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }))
        .map(([a, b]) => ({ ...b, ...a }));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
