/**
 * The rule every act under an entrusted power obeys: the power must be in force for the zone on the
 * day of the act, under a signed and announced agreement version whose term covers that day, not
 * terminated before it, and not delisted (revoked) before it; and the zone itself neither terminated
 * by that day nor suspended since a day before it (a suspension stops new acts until resumption).
 */
export interface AgreementFacts {
  agreementId: string;
  zoneCode: string;
  /** Only agreements that were announced ever authorised anything. */
  announced: boolean;
  terminatedOn: string | null;
  /** The zone's own state: suspended since a day (until resumed), or terminated on a day. */
  zone?: { suspendedOn: string | null; terminatedOn: string | null };
  versions: {
    version: number;
    startDate: string;
    endDate: string;
    items: { powerCode: string; scope: string; revokedOn: string | null }[];
  }[];
}

/**
 * Why a power is not in force, as facts (ids and dates) that a refusal words in the caller's language
 * (domain/refusal-wording.ts); `reason` keeps the English sentence that answers and records have carried.
 */
export type AuthorityCause =
  | { kind: 'NOT_ENTRUSTED' }
  | { kind: 'ZONE_TERMINATED'; on: string }
  | { kind: 'ZONE_SUSPENDED'; since: string }
  | { kind: 'NOT_ANNOUNCED'; agreementId: string }
  | { kind: 'OUT_OF_TERM'; agreementId: string; version: number; startDate: string; endDate: string }
  | { kind: 'AGREEMENT_TERMINATED'; agreementId: string; on: string }
  | { kind: 'POWER_DELISTED'; on: string };

export type Authority =
  { inForce: true; agreementId: string; version: number; scope: string } | { inForce: false; reason: string; cause: AuthorityCause };

export function authorityOn(agreements: AgreementFacts[], query: { zoneCode: string; powerCode: string; date: string }): Authority {
  const { zoneCode, powerCode, date } = query;
  let reason = `no agreement of zone ${zoneCode} entrusts ${powerCode}`;
  let cause: AuthorityCause = { kind: 'NOT_ENTRUSTED' };
  for (const agreement of agreements.filter((a) => a.zoneCode === zoneCode)) {
    for (const version of agreement.versions) {
      const item = version.items.find((i) => i.powerCode === powerCode);
      if (!item) continue;
      if (agreement.zone?.terminatedOn && date >= agreement.zone.terminatedOn) {
        reason = `zone ${zoneCode} was terminated on ${agreement.zone.terminatedOn}`;
        cause = { kind: 'ZONE_TERMINATED', on: agreement.zone.terminatedOn };
      } else if (agreement.zone?.suspendedOn && date >= agreement.zone.suspendedOn) {
        reason = `zone ${zoneCode} is suspended since ${agreement.zone.suspendedOn}`;
        cause = { kind: 'ZONE_SUSPENDED', since: agreement.zone.suspendedOn };
      } else if (!agreement.announced) {
        reason = `agreement ${agreement.agreementId} is not in force (not announced)`;
        cause = { kind: 'NOT_ANNOUNCED', agreementId: agreement.agreementId };
      } else if (date < version.startDate || date > version.endDate) {
        reason = `agreement ${agreement.agreementId} v${version.version} runs ${version.startDate} to ${version.endDate}, not on ${date}`;
        cause = {
          kind: 'OUT_OF_TERM',
          agreementId: agreement.agreementId,
          version: version.version,
          startDate: version.startDate,
          endDate: version.endDate,
        };
      } else if (agreement.terminatedOn && date >= agreement.terminatedOn) {
        reason = `agreement ${agreement.agreementId} was terminated on ${agreement.terminatedOn}`;
        cause = { kind: 'AGREEMENT_TERMINATED', agreementId: agreement.agreementId, on: agreement.terminatedOn };
      } else if (item.revokedOn && date >= item.revokedOn) {
        reason = `${powerCode} was delisted from the catalogue on ${item.revokedOn}`;
        cause = { kind: 'POWER_DELISTED', on: item.revokedOn };
      } else {
        return { inForce: true, agreementId: agreement.agreementId, version: version.version, scope: item.scope };
      }
    }
  }
  return { inForce: false, reason, cause };
}
