import type { Request } from 'express';
import type { z } from 'zod';
import type { Lang } from './schemas';
import { pathLabel } from './words';

/** A refusal in both languages; the caller's is sent. */
export interface Said {
  zh: string;
  en: string;
}

/**
 * The caller's language: `?lang=en|zh` first, then `Accept-Language` (English only when the caller
 * prefers it to Chinese); Chinese by default, as the console is.
 */
export function callerLang(req: Request): Lang {
  const asked = req.query?.lang;
  if (asked === 'en' || asked === 'zh') return asked;
  return req.acceptsLanguages('zh', 'en') === 'en' ? 'en' : 'zh';
}

/** The messages the domain's schemas give their own rules, in Chinese. */
const RULE_WORDS: Record<string, string> = {
  'a date, YYYY-MM-DD': '应为日期（年-月-日）',
  'a zone (county) division code': '应为协同区所在县（市、区）的行政区划代码',
  'a county of Yingkou': '应为营口市所辖县（市、区）',
  'a Yingkou county division code, 2108xx': '应为营口市所辖县（市、区）的行政区划代码（2108xx）',
  'the SHA-256 of the document, 64 lowercase hex digits': '应为文件的 SHA-256 摘要（64 位小写十六进制）',
  'letters, digits, brackets 〔〕（）()[] and . _ - only': '只能包含文字、数字、括号〔〕（）()[] 和 . _ -',
  'a reform measure code such as RM-001': '应为改革事项编码，如 RM-001',
  'a power code such as XK-001': '应为职权编码，如 XK-001',
  'an 18-character ID number': '应为 18 位身份证号码',
  'a telephone number': '应为电话号码',
  'a month of this century, YYYY-MM': '应为月份（年-月）',
  'a USCC has 18 characters': '统一社会信用代码应为 18 位',
  'a USCC uses only 0-9 and A-Y without I, O, S, V, Z': '统一社会信用代码只能包含数字 0-9 和字母 A-Y（不含 I、O、S、V、Z）',
  'the check character (GB 32100-2015) does not match: a character is wrong': '统一社会信用代码校验位不符（GB 32100-2015），有字符填写错误',
  'positions 9–17 are not a valid organisation code (GB 11714 check character): a character is wrong':
    '统一社会信用代码第 9–17 位不是有效的组织机构代码（GB 11714 校验位不符），有字符填写错误',
  'a unified social credit code (GB 32100-2015)': '应为有效的统一社会信用代码（GB 32100-2015）',
  'each power once': '同一职权只能列一次',
  'each power code once': '同一职权编码只能列一次',
  'each licence item once': '同一许可事项只能申请一次',
  'the term ends before it starts': '截止日期早于起始日期',
  'delivered before it was decided': '送达日期早于决定日期',
  'a licence is valid until a day after it starts': '有效期至应晚于有效期起',
  'repair cannot come after the publication ends': '信用修复不能晚于公示期结束',
};

const TYPE_WORDS: Record<string, [string, string]> = {
  string: ['文字', 'text'],
  number: ['数字', 'a number'],
  int: ['整数', 'a whole number'],
  boolean: ['是或否', 'yes or no'],
  array: ['列表', 'a list'],
  object: ['一组内容', 'a group of fields'],
};

type Issue = z.core.$ZodIssue;

/** What is wrong with a field, without naming it: 此项必填, 不能超过 400 个字. */
function issueGist(issue: Issue): Said {
  switch (issue.code) {
    case 'invalid_type': {
      if (/received undefined$/.test(issue.message)) return { zh: '此项必填', en: 'required' };
      const [zh, en] = TYPE_WORDS[issue.expected] ?? [issue.expected, issue.expected];
      return { zh: `应填写${zh}`, en: `expected ${en}` };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? { zh: '此项必填', en: 'required' } : { zh: `至少 ${min} 个字`, en: `at least ${min} characters` };
      if (issue.origin === 'array') return { zh: `至少 ${min} 项`, en: `at least ${min} items` };
      return issue.inclusive ? { zh: `不能小于 ${min}`, en: `at least ${min}` } : { zh: `须大于 ${min}`, en: `more than ${min}` };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { zh: `不能超过 ${max} 个字`, en: `at most ${max} characters` };
      if (issue.origin === 'array') return { zh: `最多 ${max} 项`, en: `at most ${max} items` };
      return issue.inclusive ? { zh: `不能大于 ${max}`, en: `at most ${max}` } : { zh: `须小于 ${max}`, en: `less than ${max}` };
    }
    case 'invalid_format': {
      const own = RULE_WORDS[issue.message];
      if (own) return { zh: own, en: issue.message };
      if (issue.format === 'date') return { zh: '应为日期（年-月-日）', en: 'a date, YYYY-MM-DD' };
      return { zh: '格式不正确', en: 'not in the expected form' };
    }
    case 'invalid_value':
      return issue.values.length === 1 && typeof issue.values[0] === 'boolean'
        ? { zh: '须勾选确认', en: 'must be confirmed' }
        : { zh: '请从给定选项中选择', en: `one of ${issue.values.map(String).join(', ')}` };
    case 'invalid_union':
      return { zh: '请从给定选项中选择', en: 'choose one of the given options' };
    case 'unrecognized_keys':
      return { zh: `包含不接受的字段：${issue.keys.join('、')}`, en: `fields not accepted: ${issue.keys.join(', ')}` };
    case 'not_multiple_of':
      return { zh: `须为 ${String(issue.divisor)} 的整数倍`, en: `a multiple of ${String(issue.divisor)}` };
    default: {
      const own = RULE_WORDS[issue.message];
      return own ? { zh: own, en: issue.message } : { zh: '填写有误', en: issue.message };
    }
  }
}

/** `body.licenceItems.0.commitment`'s name for a reader; the path itself where nothing of it is labelled. */
export function fieldWords(path: string): Said {
  const inner = path.replace(/^(body|query|params|headers)\.?/, '');
  if (!inner) return { zh: '提交的内容', en: 'the request' };
  return { zh: pathLabel(inner, 'zh') ?? inner, en: pathLabel(inner, 'en') ?? inner };
}

/** One validation problem, naming its field: 「统一社会信用代码」此项必填. */
export function issueWords(issue: Issue, location: string): { path: string } & Said {
  const path = [location, ...issue.path.map(String)].join('.');
  const gist = issueGist(issue);
  const field = fieldWords(path);
  // A schema that words its own message in Chinese (the indicators' checks) is taken at its word.
  const own = /[\u3400-\u9fff]/.test(issue.message) ? issue.message : undefined;
  // Those schemas begin a field left out with 必填 (required): in English it is said so, not by the type it wanted.
  const en = own?.startsWith('必填') ? 'required' : gist.en;
  return { path, zh: own ?? `「${field.zh}」${gist.zh}`, en: `${field.en}: ${en}` };
}

/** The whole of a validation refusal in a sentence: how many fields, and which. */
export function invalidWords(details: ({ path: string } & Said)[], what: string): Said {
  const named = [...new Set(details.map((d) => fieldWords(d.path)))];
  const zhNames = [...new Set(named.map((n) => `「${n.zh}」`))].join('、');
  const enNames = [...new Set(named.map((n) => n.en))].join(', ');
  return {
    zh: `提交的内容有 ${details.length} 处不符合要求：${zhNames}`,
    en: `invalid ${what}: ${enNames}`,
  };
}
