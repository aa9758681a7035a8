import { createHash, randomBytes } from 'node:crypto';
import { today } from './agreement-flow';
import type { Harness } from './harness';
import { application, applied } from './registration-flow';
import { complete, establish } from './zone-flow';

/**
 * An ACTIVE zone of its own, with users for its body, and an entity registered in it. No agreement
 * entrusts anything: its enforcement imposes penalties under its own (属地) authority.
 */
export async function penaltyZone(h: Harness, policy: Record<string, unknown> = {}): Promise<{ zone: string; uscc: string }> {
  const zone = await h.newCounty();
  for (const [key, value] of Object.entries(policy)) {
    await h.db.query('INSERT INTO policies (key, scope, value) VALUES ($1, $2, $3)', [key, zone, JSON.stringify(value)]);
  }
  await establish(h, zone);
  await h.addUsers(`zone-${zone}`);
  return { zone, uscc: await registerEntity(h, zone) };
}

/** An entity residing in the zone, registered by the registration process (no licence asked). */
export async function registerEntity(h: Harness, zone: string): Promise<string> {
  const app = application(zone, { licenceItems: [] });
  const id = await applied(h, `zone-${zone}.staff`, app);
  await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
  return app.uscc!;
}

export const decisionFacts = (uscc: string, overrides: Record<string, unknown> = {}) => ({
  uscc,
  violation: '未取得食品经营许可从事食品经营活动',
  legalBasis: '《中华人民共和国食品安全法》第一百二十二条',
  penalty: { kind: 'fine', amountYuan: 50_000 },
  grade: 'general',
  decidedOn: today(),
  deliveredOn: today(),
  ...overrides,
});

export const newDecisionNumber = () => `营盖市监罚〔2026〕${randomBytes(4).toString('hex')}号`;

/** Files a penalty as the zone's enforcement; returns the response (201 with the process id, or the refusal). */
/** A document of a report, named by the SHA-256 of its text. */
export const reportDocument = (kind: 'decision' | 'delivery' | 'other', title: string) => ({
  kind,
  title,
  sha256: createHash('sha256').update(title).digest('hex'),
});

export async function filePenalty(
  h: Harness,
  zone: string,
  uscc: string,
  extra: {
    decisionNumber?: string;
    decision?: Record<string, unknown>;
    caseId?: string;
    replaces?: string;
    report?: Record<string, unknown>;
  } = {},
) {
  const body = {
    zoneCode: zone,
    decisionNumber: extra.decisionNumber ?? newDecisionNumber(),
    decision: decisionFacts(uscc, extra.decision),
    report: extra.report ?? { documents: [reportDocument('decision', '行政处罚决定书')] },
    ...(extra.caseId ? { caseId: extra.caseId } : {}),
    ...(extra.replaces ? { replaces: extra.replaces } : {}),
  };
  return (await h.as(`le-${zone}.staff`)).post('/api/processes/penalty-report', body);
}

/** Files and reports a penalty: it awaits the FTZ's review. */
export async function reportedPenalty(
  h: Harness,
  zone: string,
  uscc: string,
  decision: Record<string, unknown> = {},
): Promise<{ id: string; decisionNumber: string }> {
  const decisionNumber = newDecisionNumber();
  const filed = await filePenalty(h, zone, uscc, { decisionNumber, decision });
  if (filed.status !== 201) throw new Error(`file penalty: ${filed.status} ${JSON.stringify(filed.body)}`);
  await complete(h, `zone-${zone}.staff`, filed.body.id, 'reportPenalty', { note: '按期抄报' });
  return { id: filed.body.id, decisionNumber };
}

export async function penaltyRecord(h: Harness, decisionNumber: string) {
  return (await (await h.as('audit.auditor')).get(`/api/penalties/${encodeURIComponent(decisionNumber)}`)).body;
}
