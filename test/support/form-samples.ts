import { z } from 'zod';
import { allActions, processDefinitions } from '../../domain/processes';
import { issueUscc } from '../../domain/uscc';
import { variants, type Schema } from '../../web/components/schema-values';

/**
 * Every form the console renders: each action's payload and the input of each process someone
 * launches (a failed exchange's process is started by the delivery, never through a form).
 */
export const forms: [string, z.ZodType][] = [
  ...Object.values(allActions).map((action) => [`action ${action.name}`, action.schema] as [string, z.ZodType]),
  ...Object.values(processDefinitions)
    .filter((definition) => definition!.launchedBy.orgIds.length || definition!.launchedBy.countyOrgKinds?.length)
    .map((definition) => [`launch ${definition!.type}`, definition!.inputSchema] as [string, z.ZodType]),
];

/** Values that match the patterns the schemas use, by pattern. */
const BY_PATTERN: [RegExp, string][] = [
  [/^\^\\d\{4\}-/, '2027-01-15'],
  [/^\^\[A-Z\]\{2\}-/, 'XK-001'],
  [/^\^RM-/, 'RM-001'],
  [/^\^2108\\d\{5\}/, '210881001'],
  [/^\^P-2108/, 'P-210881-01'],
  [/^\^20\\d\{2\}-\(/, '2026-10'],
  [/^\^2108/, '210881'],
  [/^\^\\d\{6\}\$$/, '210881'],
  [/^\^\\d\{17\}/, '21088119900101123X'],
  [/^\^\[\\d-\]/, '0417-7654321'],
  [/^\^\[0-9\+/, '0417-7654321'],
  [/^\^\[A-Za-z0-9-\]/, 'seed-2026'],
  [/^\^\[\\p\{L\}/, '营盖市监罚〔2026〕1号'],
  [/^\^\[0-9a-f\]\{64\}/, 'ab'.repeat(32)],
];

/** A valid payload for a schema: variant `pick` of each union, every optional field too when `full`. */
export function sample(schema: Schema, name: string, pick: number, full: boolean): unknown {
  const options = variants(schema);
  if (options) return sample(options[pick % options.length], name, pick, full);
  if (schema.const !== undefined) return schema.const;
  if (schema.type === 'object' && schema.properties) {
    const result: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(schema.properties)) {
      if (full || schema.required?.includes(key)) result[key] = sample(field, key, pick, full);
    }
    return result;
  }
  if (schema.type === 'object') return { type: 'Point', coordinates: [122.2, 40.4] };
  if (schema.type === 'array' && schema.items?.enum) return schema.items.enum.slice(0, Math.max(schema.minItems ?? 1, 2));
  if (schema.type === 'array')
    return Array.from({ length: Math.max(schema.minItems ?? 1, 1) }, () => sample(schema.items!, name, pick, full));
  if (schema.type === 'boolean') return true;
  if (schema.enum) return schema.enum[pick % schema.enum.length];
  if (schema.type === 'integer') return Math.max(schema.minimum ?? 1, 1);
  if (schema.type === 'number') return 12.5;
  if (name === 'uscc') return issueUscc('5a7c3e9');
  // An end after its start (a licence's validity): the patterns give every date the same day.
  if (name === 'validUntil') return '2029-01-15';
  const pattern = schema.pattern && BY_PATTERN.find(([p]) => p.test(schema.pattern!))?.[1];
  return pattern ?? '测试内容';
}

/** A form's JSON Schema, as the console receives it, and payloads for it: each union's every variant, with and without the optional fields. */
export function formPayloads(zodSchema: z.ZodType): { schema: Schema; payloads: unknown[] } {
  const schema = z.toJSONSchema(zodSchema, { io: 'input' }) as Schema;
  const count = Math.max(1, ...[schema, ...Object.values(schema.properties ?? {})].map((s) => variants(s)?.length ?? 1));
  const payloads = Array.from({ length: count }, (_, pick) => [true, false].map((full) => sample(schema, '', pick, full))).flat();
  return { schema, payloads };
}
