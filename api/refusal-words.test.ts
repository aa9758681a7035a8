import { z } from 'zod';
import { allActions, processDefinitions } from '../domain/processes';
import { HttpError } from './errors';
import { registrationRefusalWords } from './registration-refusal-words';
import { localizedDetails, localizedMessage } from './refusals';
import { fieldWords, issueWords } from './refusal-words';

/** Every property path of a JSON Schema, list items included (`licenceItems.commitment`). */
function paths(schema: Record<string, unknown>, prefix: string[] = [], found = new Set<string>()): Set<string> {
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
    for (const option of (schema[key] as Record<string, unknown>[] | undefined) ?? []) paths(option, prefix, found);
  for (const [name, child] of Object.entries((schema.properties as Record<string, Record<string, unknown>> | undefined) ?? {})) {
    found.add([...prefix, name].join('.'));
    paths(child, [...prefix, name], found);
  }
  if (schema.items) paths(schema.items as Record<string, unknown>, [...prefix, '0'], found);
  return found;
}

const schemas = [
  ...Object.values(allActions).map((action) => action.schema as z.ZodType),
  ...Object.values(processDefinitions).map((definition) => definition.inputSchema as z.ZodType),
];

test('every field of every action and launch is named in Chinese and English when a refusal names it', () => {
  const unnamed: string[] = [];
  for (const schema of schemas) {
    for (const path of paths(z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>)) {
      const words = fieldWords(`body.${path}`);
      if (!/[\u4e00-\u9fff]/.test(words.zh) || words.en === path) unnamed.push(path);
    }
  }
  expect(unnamed).toEqual([]);
});

test('a validation issue names its field and says what is wrong, in Chinese, never in zod’s own words', () => {
  const schema = z
    .object({ uscc: z.string(), scope: z.string().trim().min(1).max(5), items: z.array(z.object({ powerCode: z.string() })).min(1) })
    .strict();
  const issues = schema.safeParse({ scope: 'too long', items: [{}], extra: 1 }).error!.issues.map((issue) => issueWords(issue, 'body'));
  expect(issues.map((i) => i.zh)).toEqual([
    '「统一社会信用代码」此项必填',
    '「合作范围」不能超过 5 个字',
    '「职权事项（第 1 项）」此项必填',
    '「提交的内容」包含不接受的字段：extra',
  ]);
  expect(issues.map((i) => i.en).join(' ')).not.toMatch(/Invalid input|received undefined/);
});

test('what has no Chinese of its own is said by its status in Chinese; a field message worded in Chinese stays as it is', () => {
  const engine = new HttpError(404, 'NOT_FOUND', 'workflow not found for ID: x');
  expect(localizedMessage(engine, 'zh')).toBe('未找到（workflow not found for ID: x）');
  expect(localizedMessage(engine, 'en')).toBe('workflow not found for ID: x');
  expect(localizedMessage(new HttpError(503, 'ENGINE_UNAVAILABLE', 'the workflow engine is unavailable'), 'zh')).toBe(
    '服务暂时不可用，请稍后重试',
  );
  expect(
    localizedDetails(
      [
        { path: 'body.figures.taxRevenue.value', message: '税收收入：不得为负数' },
        { path: 'body.x', message: 'expected a number' },
      ],
      'zh',
    ),
  ).toEqual([
    { path: 'body.figures.taxRevenue.value', message: '税收收入：不得为负数' },
    { path: 'body.x', message: '不符合要求（expected a number）' },
  ]);
});

test("a registration's recorded refusals read on its timeline in either language by their facts; those recorded without, in Chinese from their message", () => {
  const outside = {
    code: 'residence-not-in-active-zone' as const,
    message: "the residence's county 210881 is a SUSPENDED zone, not an ACTIVE one",
    facts: { countyCode: '210881', zoneStatus: 'SUSPENDED' },
  };
  expect(registrationRefusalWords(outside, 'zh')).toBe('住所所在的盖州市协同区当前已暂停，不是运行中的协同区');
  expect(registrationRefusalWords(outside, 'en')).toMatch(/^the residence's county, .+, is a suspended zone, not an active one$/);
  const notInForce = {
    code: 'power-not-in-force' as const,
    message: 'XK-001 (食品经营许可) is not in force for zone 210881 on 2026-05-01: zone 210881 was terminated on 2026-04-01',
    facts: {
      powerCode: 'XK-001',
      powerName: '食品经营许可',
      zoneCode: '210881',
      date: '2026-05-01',
      cause: { kind: 'ZONE_TERMINATED' as const, on: '2026-04-01' },
    },
  };
  expect(registrationRefusalWords(notInForce, 'zh')).toBe('XK-001 在 2026-05-01 未委托盖州市协同区实施：协同区已于 2026-04-01 终止');
  expect(registrationRefusalWords(notInForce, 'en')).toContain('the zone was terminated on 2026-04-01');
  // Recorded without facts: the Chinese read from the message, the English as recorded.
  const withFacts = {
    code: 'consent-refused' as const,
    message: 'gov-210881 refused consent: 住所不符',
    facts: { orgId: 'gov-210881', reason: '住所不符' },
  };
  expect(registrationRefusalWords(withFacts, 'zh')).toBe('盖州市人民政府不同意登记：住所不符');
  expect(registrationRefusalWords(withFacts, 'en')).toMatch(/^.*Gaizhou.* refused consent: 住所不符$/);
  const consent = { code: 'consent-refused' as const, message: 'gov-210881 refused consent: 住所不符' };
  expect(registrationRefusalWords(consent, 'zh')).toBe('盖州市人民政府不同意登记：住所不符');
  expect(registrationRefusalWords(consent, 'en')).toBe('gov-210881 refused consent: 住所不符');
  const { facts: _none, ...before } = outside;
  expect(registrationRefusalWords(before, 'zh')).toBe('住所所在的盖州市协同区当前已暂停，不是运行中的协同区');
});
