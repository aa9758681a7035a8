import { z } from 'zod';
import { allActions, processDefinitions } from '../domain/processes';
import { chineseOf } from './refusal-chinese';
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

test('the English refusals of the API, the domain and the workflows read in Chinese, naming organisations by name', () => {
  expect(chineseOf('only ftz may do this; gov-210881.staff belongs to gov-210881')).toBe(
    '此事项由自贸区营口片区管委会办理，盖州市人民政府无权办理',
  );
  expect(chineseOf('task t-1 is no longer open (done)')).toBe('该事项已不在待办状态（已办结），可能已由他人办理');
  expect(chineseOf('zone-establishment for 210881 is already in progress: process zone-210881')).toBe(
    '210881 的协同区设立流程已在办理中：zone-210881',
  );
  expect(chineseOf('公告日期不得晚于今天（2026-11-30）: an announcement cannot be dated after today')).toBe(
    '公告日期不得晚于今天（2026-11-30）',
  );
  expect(chineseOf('zone-210804 takes no part in process registration-x')).toBe(
    '鲅鱼圈区协同区管理机构未参与流程 registration-x，无权查看',
  );
  expect(chineseOf('something nobody has worded yet')).toBeUndefined();
});
