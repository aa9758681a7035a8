/** The division data for pickers: townships (乡镇/街道) and parks (园区) by county, loaded once per page. */
import type { Choice } from './components/SchemaForm';
import { t, useLang } from './i18n';
import { useData } from './use-data';

interface Township {
  code: string;
  nameZh: string;
  parentCode: string;
}
interface Park {
  id: string;
  countyCode: string;
  nameZh: string;
  nameEn: string;
  demo: boolean;
}

/**
 * Townships and parks as choices, labelled by name with the code beside it; demo parks say so.
 * One county's (`county`), every county's (none given), or nothing loaded (`null`: no picker on the page).
 */
export function useDivisions(county?: string | null) {
  const lang = useLang();
  const townships = useData<{ items: Township[] }>(
    county === null ? null : county ? `/api/divisions?county=${county}` : '/api/divisions?level=township',
  );
  const parks = useData<Park[]>(county === null ? null : county ? `/api/parks?county=${county}` : '/api/parks');
  const townshipsOf = (code: string): Choice[] =>
    (townships.data?.items ?? []).filter((d) => d.parentCode === code).map((d) => ({ value: d.code, label: `${d.nameZh}（${d.code}）` }));
  const parksOf = (code: string): Choice[] =>
    (parks.data ?? [])
      .filter((p) => p.countyCode === code)
      .map((p) => ({ value: p.id, label: `${lang === 'zh' ? p.nameZh : p.nameEn}${p.demo ? `【${t(lang, 'demoData')}】` : ''}` }));
  return { townshipsOf, parksOf };
}
