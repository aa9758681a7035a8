/**
 * What an official document says, element by element of GB/T 9704-2012 (党政机关公文格式): 发文机关标志,
 * 发文字号, 标题, 主送机关, 正文, 署名, 成文日期. Pure: made from the act fixed when its 文号 was issued
 * (documents.act), so the same act always reads the same.
 */
import type { DocumentKind } from './documents';

export interface DocumentText {
  /** 发文机关标志: the issuer's name followed by 文件 (joint documents name both). */
  issuerMark: string;
  number: string;
  title: string;
  /** 主送机关, ending with the full-width colon. */
  addressee?: string;
  /** 正文: paragraphs; a heading paragraph (一、…) is printed as such. */
  body: string[];
  /** 署名: one per signing organisation, with who signed for it. */
  signatures: { organisation: string; signer?: string }[];
  /** 成文日期 in Arabic numerals: 2026年6月1日. */
  date: string;
}

// The act as stored (jsonb): its shape depends on its kind, and a missing field prints as empty.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Act = Record<string, any>;

const SCOPE_WORDS: Record<string, string> = { acceptance: '受理', review: '审查', decision: '决定' };

/** 2026-06-01 → 2026年6月1日 (GB/T 9704 7.3.5.1: Arabic numerals, no leading zeros). */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const signer = (signatures: Record<string, { userId?: string }> | undefined, orgId: string) => signatures?.[orgId]?.userId;

function penaltyWords(p: Act | undefined): string {
  if (!p) return '';
  if (p.kind === 'warning') return '警告';
  if (p.kind === 'fine') return `罚款${Number(p.amountYuan).toLocaleString('zh-CN')}元`;
  if (p.kind === 'licenceRevocation') return `吊销${p.licence}`;
  return String(p.description ?? '');
}

export function documentText(kind: DocumentKind, number: string, title: string, act: Act): DocumentText {
  const issuer = String(act.issuerName ?? '');
  const government = String(act.governmentName ?? '');
  const date = chineseDate(String(act.issuedOn));
  if (kind === 'memorandum') {
    const c = act.content ?? {};
    return {
      issuerMark: `${issuer}\n${government}文件`,
      number,
      title,
      addressee: `${act.zoneName}相关单位：`,
      body: [
        `为落实营口市人民政府营政发〔2020〕16号文件，${issuer}与${government}经协商一致，签署本备忘录（第${act.version}版）。`,
        '一、协同区区域',
        `${act.zoneName}，面积${c.boundary?.areaKm2}平方公里。${c.boundary?.description ?? ''}`,
        '二、合作范围与操作程序',
        String(c.scope ?? ''),
        '三、双方职责',
        `自贸片区：${c.duties?.ftz ?? ''}`,
        `县（市、区）政府：${c.duties?.county ?? ''}`,
        '四、统计规则',
        String(c.statisticsRule ?? ''),
        '五、会商机制',
        String(c.meetingMechanism ?? ''),
        '六、生效',
        `本备忘录自${c.effectiveDate ? chineseDate(String(c.effectiveDate)) : '签署之日'}起生效。`,
      ],
      signatures: [
        { organisation: issuer, signer: signer(act.signatures, 'ftz') },
        { organisation: government, signer: signer(act.signatures, `gov-${act.countyCode}`) },
      ],
      date,
    };
  }
  if (kind === 'agreement') {
    const c = act.content ?? {};
    const items: Act[] = c.items ?? [];
    return {
      issuerMark: `${issuer}\n${government}文件`,
      number,
      title,
      addressee: `${act.zoneBodyName ?? act.zoneName}：`,
      body: [
        `${issuer}（委托方）与${government}（受托方）依法就${act.zoneName}行使下列行政职权签订本协议（第${act.version}版）。`,
        '一、委托事项',
        ...items.map((item, i) => `${i + 1}. ${item.powerCode}，委托范围：${SCOPE_WORDS[item.scope] ?? item.scope}。`),
        '二、委托期限',
        `自${chineseDate(String(c.term?.startDate))}至${chineseDate(String(c.term?.endDate))}。`,
        '三、权利',
        String(c.rights ?? ''),
        '四、义务',
        String(c.duties ?? ''),
        '五、责任',
        String(c.liability ?? ''),
        '六、受托方不得将受托职权再委托其他组织或个人行使。',
      ],
      signatures: [
        { organisation: issuer, signer: signer(act.signatures, 'ftz') },
        { organisation: government, signer: signer(act.signatures, `gov-${act.countyCode}`) },
      ],
      date,
    };
  }
  if (kind === 'recognition') {
    const d = act.decision ?? {};
    const entity = act.entityName ? `${act.entityName}（统一社会信用代码：${d.uscc}）` : `统一社会信用代码为${d.uscc}的当事人`;
    return {
      issuerMark: `${issuer}文件`,
      number,
      title,
      addressee: `${act.zoneBodyName ?? act.zoneName}：`,
      body: [
        `你单位抄报的${act.enforcementName ?? act.enforcementOrg}作出的${act.decisionNumber}行政处罚决定收悉。`,
        `该决定认定${entity}${d.violation}，依据${d.legalBasis}，给予${penaltyWords(d.penalty)}的行政处罚，于${chineseDate(String(d.decidedOn))}作出，${chineseDate(String(d.deliveredOn))}送达。`,
        '根据营口市人民政府营政发〔2020〕16号文件四（三）1的规定，经审查，我委对上述行政处罚结果予以认可并适用，记入当事人信用记录并依法公示。',
        '特此函告。',
      ],
      signatures: [{ organisation: issuer, signer: act.reviewer?.userId }],
      date,
    };
  }
  if (kind === 'approval') {
    // A rendering of the approval recorded at launch: its 文号 and date as the city gave them.
    return {
      issuerMark: `${issuer}文件`,
      number,
      title,
      addressee: `${act.ftzName}、${government}：`,
      body: [
        `关于设立${act.zoneName}的请示收悉。`,
        `根据营口市人民政府营政发〔2020〕16号文件四（一）1的规定，经研究，同意设立${act.zoneName}。`,
        '请按照该文件五（一）的规定签署协同发展备忘录，明确操作程序与办法，并报市人民政府备案。',
        '此复。',
      ],
      signatures: [{ organisation: issuer }],
      date,
    };
  }
  return { issuerMark: `${issuer}文件`, number, title, body: [], signatures: [{ organisation: issuer }], date };
}
