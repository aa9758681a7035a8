import { randomBytes } from 'node:crypto';
import { maskedRepresentative } from '../../domain/registration';
import { usccCheckCharacter } from '../../domain/uscc';
import { hashPassword } from '../../store/passwords';
import { agreementContent, concludeAgreement, today } from './agreement-flow';
import { DEMO_PASSWORD, type Harness } from './harness';
import { complete, establish } from './zone-flow';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid, unique USCC first registered in `county`. */
export function newUscc(county: string): string {
  const body = `91${county}${[...randomBytes(9)].map((b) => ALPHABET[b % 31]).join('')}`;
  return body + usccCheckCharacter(body);
}

/** Users of a county's enforcement and zone body: seeds make them for the real counties only. */
async function addUsers(h: Harness, orgIds: string[]): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const orgId of orgIds) {
    for (const role of ['admin', 'staff']) {
      await h.db.query(`INSERT INTO users (id, username, org_id, roles, password_hash) VALUES ($1, $1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
        `${orgId}.${role}`, orgId, [role], hash,
      ]);
    }
  }
}

/**
 * An ACTIVE zone of its own whose agreement entrusts the penalty power CF-001 from today, with
 * users for its enforcement and body, and an entity registered in it (a fixture until P3 registers them).
 */
export async function penaltyZone(h: Harness, policy: Record<string, unknown> = {}): Promise<{ zone: string; uscc: string; agreementId: string }> {
  const zone = await h.newCounty();
  for (const [key, value] of Object.entries(policy)) {
    await h.db.query('INSERT INTO policies (key, scope, value) VALUES ($1, $2, $3)', [key, zone, JSON.stringify(value)]);
  }
  await establish(h, zone);
  await addUsers(h, [`le-${zone}`, `zone-${zone}`]);
  const agreementId = await concludeAgreement(h, zone, agreementContent([{ powerCode: 'CF-001' }, { powerCode: 'CF-002' }]));
  return { zone, uscc: await registerEntity(h, zone), agreementId };
}

/** The representative as P3 stores it, masked: the entity page's schema wants every field. */
const representative = JSON.stringify(maskedRepresentative({ name: '张三', idNumber: '21080419800101123X', phone: '13904171234' }));

export async function registerEntity(h: Harness, zone: string): Promise<string> {
  const uscc = newUscc(zone);
  await h.db.query(
    `INSERT INTO entities (uscc, name, zone_code, residence, business_addresses, business_scope, legal_representative, accepted_by,
       status, process_id, registered_at, updated_at)
     VALUES ($1, $2, $3, $4, '[]', '食品销售', $6, $5, 'REGISTERED', 'fixture', now(), now())`,
    [uscc, `测试商贸有限公司${uscc.slice(-4)}`, zone, JSON.stringify({ divisionCode: zone, address: '协同区某路 1 号' }), `zone-${zone}`, representative],
  );
  return uscc;
}

export const decisionFacts = (uscc: string, overrides: Record<string, unknown> = {}) => ({
  uscc,
  violation: '未取得食品经营许可从事食品经营活动',
  legalBasis: '《中华人民共和国食品安全法》第一百二十二条',
  powerCode: 'CF-001',
  penalty: { kind: 'fine', amountYuan: 50_000 },
  grade: 'general',
  decidedOn: today(),
  deliveredOn: today(),
  ...overrides,
});

export const newDecisionNumber = () => `营盖市监罚〔2026〕${randomBytes(4).toString('hex')}号`;

/** Files a penalty as the zone's enforcement; returns the response (201 with the process id, or the refusal). */
export async function filePenalty(h: Harness, zone: string, uscc: string, extra: { decisionNumber?: string; decision?: Record<string, unknown>; caseId?: string } = {}) {
  const body = {
    zoneCode: zone,
    decisionNumber: extra.decisionNumber ?? newDecisionNumber(),
    decision: decisionFacts(uscc, extra.decision),
    ...(extra.caseId ? { caseId: extra.caseId } : {}),
  };
  return (await h.as(`le-${zone}.staff`)).post('/api/processes/penalty-report', body);
}

/** Files and reports a penalty: it awaits the FTZ's review. */
export async function reportedPenalty(h: Harness, zone: string, uscc: string, decision: Record<string, unknown> = {}): Promise<{ id: string; decisionNumber: string }> {
  const decisionNumber = newDecisionNumber();
  const filed = await filePenalty(h, zone, uscc, { decisionNumber, decision });
  if (filed.status !== 201) throw new Error(`file penalty: ${filed.status} ${JSON.stringify(filed.body)}`);
  await complete(h, `zone-${zone}.staff`, filed.body.id, 'reportPenalty', { note: '按期抄报' });
  return { id: filed.body.id, decisionNumber };
}

export async function penaltyRecord(h: Harness, decisionNumber: string) {
  return (await (await h.as('audit.auditor')).get(`/api/penalties/${encodeURIComponent(decisionNumber)}`)).body;
}
