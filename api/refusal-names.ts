import type { RefusalLang, RefusalNames } from '../domain/refusal-wording';
import { divisions } from '../seeds/divisions';
import { organizations } from '../seeds/organizations';
import { fieldWords } from './refusal-words';

const ORGS = new Map(organizations.map((o) => [o.id, o]));
const COUNTIES = new Map<string, (typeof divisions)[number]>(divisions.map((d) => [d.code, d]));

const county = (code: string, lang: RefusalLang) => {
  const d = COUNTIES.get(code);
  return d ? (lang === 'zh' ? d.nameZh : d.nameEn) : code;
};

const KIND_ZH: Record<string, string> = { gov: '县级政府', le: '属地执法机关', zone: '协同区管理机构', tax: '县级税务机关' };
const KIND_EN: Record<string, string> = {
  gov: 'county governments',
  le: 'local enforcement bodies',
  zone: 'zone bodies',
  tax: 'county tax offices',
};

/** Organisations the seeds do not hold (registered at run time), as the records name them. */
const registered = new Map<string, { nameZh: string; nameEn: string }>();

/** Learns the records' organisations, for refusals that name one registered after the seeds. */
export function rememberOrganisations(rows: readonly { id: string; name_zh: string; name_en: string }[]): void {
  for (const row of rows) if (!ORGS.has(row.id)) registered.set(row.id, { nameZh: row.name_zh, nameEn: row.name_en });
}

// A zone body is named by its county (below), so only a county's own organisations are looked up.
const ORG_ID = /^(gov|le|tax)-\d{6}$/;

/** Whether a refusal's facts hold an organisation's id this API has no name for yet. */
export function namesUnknownOrganisation(value: unknown): boolean {
  if (typeof value === 'string') return ORG_ID.test(value) && !ORGS.has(value) && !registered.has(value);
  if (Array.isArray(value)) return value.some(namesUnknownOrganisation);
  return typeof value === 'object' && value !== null && Object.values(value).some(namesUnknownOrganisation);
}

/** Names a refusal's wording uses: the organisations (seeded, then learned) and divisions, the fields' labels. */
export const refusalNames: RefusalNames = {
  org(id, lang) {
    const o = ORGS.get(id);
    if (o) return lang === 'zh' ? o.nameZh : o.nameEn;
    // A kind of county organisation, as a launch rule names it: gov-<county>.
    const kind = /^(gov|le|zone|tax)-<county>$/.exec(id)?.[1];
    if (kind) return (lang === 'zh' ? KIND_ZH : KIND_EN)[kind];
    // A zone body created at run time is named by its county.
    const zone = /^zone-(\d{6})$/.exec(id)?.[1];
    if (zone) return lang === 'zh' ? `${county(zone, 'zh')}协同区管理机构` : `the zone body of ${county(zone, 'en')}`;
    const r = registered.get(id);
    return r ? (lang === 'zh' ? r.nameZh : r.nameEn) : id;
  },
  county,
  field: (path, lang) => fieldWords(path)[lang],
};
