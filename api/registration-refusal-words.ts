import { STATUS_ZH } from '../domain/refusal-wording';
import { refusalNames } from './refusal-names';

/**
 * Why screening, the county or a zone's end refused a registration, in Chinese, for the timeline.
 * These refusals are recorded facts of the registration (its `applicationRefused` event), each a
 * registration code (domain/registration.ts) with the message recorded then; the Chinese is read from
 * that code and the facts its message names. They are not answers to a caller: a refused request is
 * answered by its catalogued code (domain/refusals.ts).
 */
export function registrationRefusalChinese(refusal: { code: string; message: string }): string {
  const { code, message } = refusal;
  const county = (c: string) => refusalNames.county(c, 'zh');
  const status = (s: string) => STATUS_ZH[s] ?? s;
  let m: RegExpExecArray | null;
  switch (code) {
    case 'residence-not-in-active-zone':
      if ((m = /county (\S+) is (?:a (\w+) zone|not a zone)/.exec(message))) {
        return m[2]
          ? `住所所在的${county(m[1])}协同区当前${status(m[2])}，不是运行中的协同区`
          : `住所所在的${county(m[1])}不是协同区，住所须在运行中的协同区内`;
      }
      return '住所不在运行中的协同区内';
    case 'negative-list-prohibited':
      return `经营范围涉及市场准入负面清单的禁止准入事项：${/prohibited entry of the (.+)$/.exec(message)?.[1] ?? ''}`;
    case 'not-a-commitment-item':
      if ((m = /^(\S+) is not a listed power$/.exec(message))) return `${m[1]} 不是职权清单中在列的职权`;
      return `${message.split(' ')[0]} 不适用告知承诺制`;
    case 'power-not-listed':
      return `${message.split(' ')[0]} 不是职权清单中在列的许可事项`;
    case 'power-not-in-force':
      if ((m = /^(\S+) \((.+)\) is not in force for zone (\S+) on (\S+):/.exec(message)))
        return `${m[1]}（${m[2]}）在 ${m[4]} 未委托${county(m[3])}协同区实施`;
      return `${message.split(' ')[0]} 未委托该协同区实施`;
    case 'consent-refused':
      if ((m = /^(\S+) refused consent: (.*)$/s.exec(message))) return `${refusalNames.org(m[1], 'zh')}不同意登记：${m[2]}`;
      return '县级政府不同意登记';
    case 'zone-terminated':
      if ((m = /^zone (\S+) was terminated on (\S+?)(?:: (.*))?$/s.exec(message)))
        return `${county(m[1])}协同区已于 ${m[2]} 终止${m[3] ? `：${m[3]}` : ''}`;
      return '协同区已终止';
    case 'commitment-barred':
      return '信用记录不允许适用告知承诺制';
    default:
      // `residence-outside-zone-area` is recorded in Chinese already.
      return message;
  }
}
