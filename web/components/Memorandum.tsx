import { fieldLabel, useLang } from '../i18n';

/** A memorandum version's content, field by field, labelled in the current language. */
export function MemorandumContent({ content }: { content: Record<string, unknown> }) {
  const lang = useLang();
  const rows = (value: Record<string, unknown>, prefix = ''): [string, string][] =>
    Object.entries(value).flatMap(([key, v]) =>
      v && typeof v === 'object' && key !== 'geojson'
        ? rows(v as Record<string, unknown>, `${prefix}${fieldLabel(lang, key)} · `)
        : [[`${prefix}${fieldLabel(lang, key)}`, typeof v === 'object' ? JSON.stringify(v) : String(v)]],
    );
  return (
    <table data-testid="memorandum">
      <tbody>
        {rows(content).map(([label, value]) => (
          <tr>
            <th>{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
