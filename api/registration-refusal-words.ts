import type { Refusal } from '../domain/registration';
import { STATUS_ZH, wordRefusal } from '../domain/refusal-wording';
import type { Lang } from './schemas';
import { refusalNames } from './refusal-names';

/**
 * Why screening, the county or a zone's end refused a registration, in the reader's language, for the
 * timeline and the process page. These are recorded facts of the registration (its `applicationRefused` event), each a
 * registration code (domain/registration.ts) with its `facts`; not answers to a caller (a refused request
 * is answered by its catalogued code, domain/refusals.ts).
 */
export function registrationRefusalWords(refusal: Refusal, lang: Lang): string {
  return worded(refusal, lang) ?? (lang === 'zh' ? recordedChinese(refusal) : refusal.message);
}

/** A registration's view with each recorded refusal worded (`words`) for the reader: its `message` is the record's English. */
export function withRefusalWords<D extends Record<string, unknown>>(data: D, lang: Lang): D {
  if (!Array.isArray(data.refusals)) return data;
  return { ...data, refusals: (data.refusals as Refusal[]).map((r) => ({ ...r, words: registrationRefusalWords(r, lang) })) };
}

const county = (code: string, lang: Lang) => refusalNames.county(code, lang);
const status = (code: string, lang: Lang) => (lang === 'zh' ? (STATUS_ZH[code] ?? code) : code.toLowerCase().replace(/_/g, ' '));

/** A refusal by its facts, where it carries them. */
function worded(refusal: Refusal, lang: Lang): string | undefined {
  const zh = lang === 'zh';
  switch (refusal.code) {
    case 'residence-not-in-active-zone': {
      const f = refusal.facts;
      if (!f) return undefined;
      if (f.zoneStatus)
        return zh
          ? `住所所在的${county(f.countyCode, 'zh')}协同区当前${status(f.zoneStatus, 'zh')}，不是运行中的协同区`
          : `the residence's county, ${county(f.countyCode, 'en')}, is a ${status(f.zoneStatus, 'en')} zone, not an active one`;
      return zh
        ? `住所所在的${county(f.countyCode, 'zh')}不是协同区，住所须在运行中的协同区内`
        : `the residence's county, ${county(f.countyCode, 'en')}, is not a zone: the residence must be in an active zone`;
    }
    case 'residence-outside-zone-area': {
      const f = refusal.facts;
      if (!f) return undefined;
      if (zh) {
        const drawn = f.memorandumVersion
          ? `备忘录第 ${f.memorandumVersion} 版所划区域（自 ${f.effectiveFrom} 起适用）`
          : '备忘录所划区域（尚未适用）';
        return `住所所在${f.townshipName ?? ''}（${f.townshipCode}）${f.parkId ? `、园区 ${f.parkId}` : ''}不在${f.zoneName}${drawn}内`;
      }
      const drawn = f.memorandumVersion
        ? `version ${f.memorandumVersion} of the memorandum draws (from ${f.effectiveFrom})`
        : 'the memorandum draws (not applying yet)';
      return `the residence (township ${f.townshipCode}${f.parkId ? `, park ${f.parkId}` : ''}) is outside the area ${drawn} for ${f.zoneName}`;
    }
    case 'negative-list-prohibited': {
      const f = refusal.facts;
      if (!f) return undefined;
      return zh
        ? `经营范围涉及市场准入负面清单的禁止准入事项：${f.list} ${f.entryCode}：${f.entryTitle}`
        : `the business scope touches a prohibited entry of the ${f.list}: ${f.entryCode} ${f.entryTitle}`;
    }
    case 'not-a-commitment-item': {
      const f = refusal.facts;
      if (!f) return undefined;
      if (f.listed) return zh ? `${f.powerCode} 不适用告知承诺制` : `${f.powerCode} is not granted on commitment`;
      return zh ? `${f.powerCode} 不是职权清单中在列的职权` : `${f.powerCode} is not a listed power`;
    }
    case 'power-not-listed': {
      const f = refusal.facts;
      if (!f) return undefined;
      return zh
        ? `${f.powerCode} 不是职权清单中在列的许可事项`
        : `${f.powerCode} is not a licensing power listed in the catalogue in force`;
    }
    case 'power-not-in-force': {
      const f = refusal.facts;
      if (!f) return undefined;
      return wordRefusal(
        { code: 'POWER_NOT_IN_FORCE', params: { powerCode: f.powerCode, zoneCode: f.zoneCode, date: f.date, cause: f.cause } },
        lang,
        refusalNames,
      );
    }
    case 'consent-refused': {
      const f = refusal.facts;
      if (!f) return undefined;
      return zh
        ? `${refusalNames.org(f.orgId, 'zh')}不同意登记：${f.reason}`
        : `${refusalNames.org(f.orgId, 'en')} refused consent: ${f.reason}`;
    }
    case 'zone-terminated': {
      const f = refusal.facts;
      if (!f) return undefined;
      return zh
        ? `${county(f.countyCode, 'zh')}协同区已于 ${f.terminatedOn} 终止${f.reason ? `：${f.reason}` : ''}`
        : `the zone of ${county(f.countyCode, 'en')} was terminated on ${f.terminatedOn}${f.reason ? `: ${f.reason}` : ''}`;
    }
    default:
      return undefined;
  }
}

/** The Chinese of a refusal recorded without facts (before they were given, or the workflow's own), read from its message. */
function recordedChinese(refusal: { code: string; message: string }): string {
  const { code, message } = refusal;
  let m: RegExpExecArray | null;
  switch (code) {
    case 'residence-not-in-active-zone':
      if ((m = /county (\S+) is (?:a (\w+) zone|not a zone)/.exec(message))) {
        return m[2]
          ? `住所所在的${county(m[1], 'zh')}协同区当前${status(m[2], 'zh')}，不是运行中的协同区`
          : `住所所在的${county(m[1], 'zh')}不是协同区，住所须在运行中的协同区内`;
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
        return `${m[1]}（${m[2]}）在 ${m[4]} 未委托${county(m[3], 'zh')}协同区实施`;
      return `${message.split(' ')[0]} 未委托该协同区实施`;
    case 'consent-refused':
      if ((m = /^(\S+) refused consent: (.*)$/s.exec(message))) return `${refusalNames.org(m[1], 'zh')}不同意登记：${m[2]}`;
      return '县级政府不同意登记';
    case 'zone-terminated':
      if ((m = /^zone (\S+) was terminated on (\S+?)(?:: (.*))?$/s.exec(message)))
        return `${county(m[1], 'zh')}协同区已于 ${m[2]} 终止${m[3] ? `：${m[3]}` : ''}`;
      return '协同区已终止';
    case 'commitment-barred':
      return '信用记录不允许适用告知承诺制';
    default:
      // `residence-outside-zone-area` is recorded in Chinese already.
      return message;
  }
}
