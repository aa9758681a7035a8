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

/** Names a refusal's wording uses: the seeded organisations and divisions, the fields' labels. */
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
    return id;
  },
  county,
  field: (path, lang) => fieldWords(path)[lang],
};
