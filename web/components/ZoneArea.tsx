/** A zone's area as its signed memorandum draws it: the townships and parks by name, and since when. */
import { formatDay, t, useLang } from '../i18n';

export interface AreaVersion {
  memorandumVersion: number;
  effectiveFrom: string;
  areaKm2: number;
  description: string;
  townships: { code: string; nameZh: string }[];
  parks: { code: string; nameZh: string; demo?: boolean }[];
}

export interface ZoneAreaFacts {
  area: AreaVersion | null;
  areaVersions: AreaVersion[];
  approval: { documentNumber: string; approvedOn: string } | null;
}

function Units({ version }: { version: AreaVersion }) {
  const lang = useLang();
  return (
    <>
      <p class="muted">
        {t(lang, 'areaApplies', { from: formatDay(lang, version.effectiveFrom), version: version.memorandumVersion })} · {version.areaKm2}{' '}
        km²
      </p>
      <p>{version.description}</p>
      {version.townships.length > 0 && (
        <p>
          {t(lang, 'areaTownships')}：
          <span data-testid="area-townships">{version.townships.map((u) => `${u.nameZh}（${u.code}）`).join('、')}</span>
        </p>
      )}
      {version.parks.length > 0 && (
        <p>
          {t(lang, 'areaParks')}：{version.parks.map((u) => `${u.nameZh}${u.demo ? `【${t(lang, 'demoData')}】` : ''}`).join('、')}
        </p>
      )}
    </>
  );
}

export function ZoneArea({ zone }: { zone: ZoneAreaFacts }) {
  const lang = useLang();
  const today = zone.area;
  const later = zone.areaVersions.filter((v) => !today || v.memorandumVersion > today.memorandumVersion);
  return (
    <div class="card" data-testid="zone-area">
      <h3>{t(lang, 'zoneArea')}</h3>
      {today ? <Units version={today} /> : <p class="muted">{t(lang, 'areaNotDrawn')}</p>}
      {later.length > 0 && (
        <>
          <h4>{t(lang, 'areaLater')}</h4>
          {later.map((v) => (
            <Units version={v} />
          ))}
        </>
      )}
      {zone.approval && (
        <p class="muted" data-testid="zone-approval">
          {t(lang, 'cityApproval')}：{zone.approval.documentNumber}（{formatDay(lang, zone.approval.approvedOn)}）
        </p>
      )}
    </div>
  );
}
