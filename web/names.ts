import { useEffect, useState } from 'preact/hooks';
import { api, session } from './api';
import { formatDate, type Lang } from './i18n';

interface NamedOrg {
  id: string;
  nameZh: string;
  nameEn: string;
  countyCode: string | null;
  kind: string;
}
interface NamedPower {
  code: string;
  name: string;
  status: string;
  commitmentApplicable: boolean;
}

/** Organisations and powers by code, loaded once per page load: ids on screen are shown as names. */
export interface Names {
  org(lang: Lang, id: string | null | undefined): string;
  county(lang: Lang, code: string | null | undefined): string;
  power(code: string | null | undefined): string;
  /** A sentence from the server with organisation ids and UTC instants in it, as names and China time. */
  words(lang: Lang, text: string): string;
  powers: NamedPower[];
}

let loaded: Promise<{ orgs: NamedOrg[]; powers: NamedPower[] }> | undefined;
function load() {
  loaded ??= Promise.all([
    api<NamedOrg[]>('GET', '/api/organizations').catch(() => [] as NamedOrg[]),
    api<{ powers: NamedPower[] }>('GET', '/api/powers').then(
      (c) => c.powers,
      () => [] as NamedPower[],
    ),
  ]).then(([orgs, powers]) => {
    // A failed load (offline) is tried again by the next page.
    if (!orgs.length) loaded = undefined;
    return { orgs, powers };
  });
  return loaded;
}

/** A new zone body appears at run time: the list is fetched again after one is created. */
export function forgetNames(): void {
  loaded = undefined;
}

export function useNames(): Names {
  const [data, setData] = useState<{ orgs: NamedOrg[]; powers: NamedPower[] }>({ orgs: [], powers: [] });
  // Loaded again when the user changes: before login the lists are refused.
  const userId = session.user()?.id;
  useEffect(() => {
    if (!userId) return;
    let live = true;
    void load().then((d) => live && setData(d));
    return () => {
      live = false;
    };
  }, [userId]);
  const orgName = (lang: Lang, o: NamedOrg) => (lang === 'zh' ? o.nameZh : o.nameEn);
  return {
    org: (lang, id) => {
      if (!id) return '—';
      const o = data.orgs.find((x) => x.id === id);
      return o ? orgName(lang, o) : id;
    },
    county: (lang, code) => {
      if (!code) return '—';
      const gov = data.orgs.find((x) => x.kind === 'government' && x.countyCode === code);
      return gov ? `${orgName(lang, gov).replace(/人民政府$| Government$/, '')}（${code}）` : code;
    },
    power: (code) => {
      if (!code) return '—';
      const p = data.powers.find((x) => x.code === code);
      return p ? `${code} ${p.name}` : code;
    },
    words: (lang, text) =>
      text
        .replace(/\b(?:gov|le|tax|zone)-\d{6}\b|\btax-(?:ftz|city)\b/g, (id) => {
          const o = data.orgs.find((x) => x.id === id);
          return o ? orgName(lang, o) : id;
        })
        .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z\b/g, (iso) => formatDate(lang, iso)),
    powers: data.powers,
  };
}
