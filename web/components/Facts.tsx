import { enumLabel, fieldLabel, formatDate, formatDay, useLang, type Lang } from '../i18n';
import { penaltyLabel } from '../labels';
import { useNames, type Names } from '../names';

/** Keys whose value is an organisation id, a county code or a power code: shown by name. */
const ORG_KEYS = new Set(['from', 'to', 'via', 'proposedBy', 'orgId', 'enforcementOrg', 'acceptedBy']);
const COUNTY_KEYS = new Set(['countyCode', 'divisionCode', 'zoneCode']);
const HIDDEN = new Set(['prefill', 'geojson']);

function show(lang: Lang, names: Names, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'Yes' : 'No';
  if (key === 'penalty' && typeof value === 'object') return penaltyLabel(lang, value as Record<string, unknown>);
  if (Array.isArray(value)) return value.map((v) => show(lang, names, key, v)).join(lang === 'zh' ? '、' : ', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !HIDDEN.has(k))
      .map(([k, v]) => `${fieldLabel(lang, k)}${lang === 'zh' ? '：' : ': '}${show(lang, names, k, v)}`)
      .join(lang === 'zh' ? '；' : '; ');
  }
  const text = String(value);
  if (ORG_KEYS.has(key)) return names.org(lang, text);
  if (COUNTY_KEYS.has(key)) return names.county(lang, text);
  if (key === 'powerCode') return names.power(text);
  if (/^\d{4}-\d\d-\d\dT/.test(text)) return formatDate(lang, text);
  if (/^\d{4}-\d\d-\d\d$/.test(text)) return formatDay(lang, text);
  return enumLabel(lang, key, text);
}

/**
 * A payload or record, field by field in words: labels for keys, names for ids, labels for codes.
 * A list of objects (an agreement's items) is one row per item.
 */
export function Facts({ value, testId, only }: { value: Record<string, unknown>; testId?: string; only?: string[] }) {
  const lang = useLang();
  const names = useNames();
  const rows: [string, string][] = [];
  const walk = (object: Record<string, unknown>, prefix: string) => {
    for (const [key, v] of Object.entries(object)) {
      if (HIDDEN.has(key) || (only && !prefix && !only.includes(key))) continue;
      const label = `${prefix}${fieldLabel(lang, key)}`;
      if (Array.isArray(v) && v.some((item) => item && typeof item === 'object')) {
        v.forEach((item, i) => rows.push([`${label} ${i + 1}`, show(lang, names, key, item)]));
      } else if (v && typeof v === 'object' && !Array.isArray(v) && key !== 'penalty') {
        walk(v as Record<string, unknown>, `${label} · `);
      } else {
        rows.push([label, show(lang, names, key, v)]);
      }
    }
  };
  walk(value, '');
  return (
    <table data-testid={testId} class="facts">
      <tbody>
        {rows.map(([label, text]) => (
          <tr>
            <th scope="row">{label}</th>
            <td>{text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
