import { creditGradeOf, type CreditFact, type CreditGrade, type RiskSignal } from '../domain/supervision';
import type { DrawFacts } from '../domain/random-draw';
import type { Db } from '../store/db';
import { readPolicy } from '../store/policy';
import { notRetryable } from './records';

export interface SupervisionPreparation {
  zoneName: string;
  facts: DrawFacts;
  historyEventLimit: number;
  dayLengthMs: number;
}

/** The facts an inspection plan draws from, read at one instant; the draw itself is pure (domain/random-draw.ts). */
export function createSupervisionActivities(db: Db) {
  return {
    async prepareSupervisionPlan(input: { zoneCode: string; at: string }): Promise<SupervisionPreparation> {
      const [zone] = await db.query<{ name: string }>('SELECT name FROM zones WHERE code = $1', [input.zoneCode]);
      if (!zone) throw notRetryable(`${input.zoneCode} is not a zone`, 'UnknownZone');
      const entities = await db.query<{ uscc: string; name: string }>(
        `SELECT uscc, name FROM entities WHERE zone_code = $1 AND status = 'REGISTERED' ORDER BY uscc`,
        [input.zoneCode],
      );
      const usccs = entities.map((e) => e.uscc);
      const credit = await db.query<{ uscc: string; kind: CreditFact['kind']; grade: CreditFact['grade']; recorded_at: string }>(
        `SELECT uscc, kind, grade, recorded_at FROM credit_records WHERE uscc = ANY($1) AND status = 'ACTIVE'`,
        [usccs],
      );
      // Risk signals: a commitment revoked, a penalty recognised (its credit record), a verification overdue.
      const revoked = await db.query<{ uscc: string; at: string }>(
        `SELECT uscc, revoked_at AS at FROM licences WHERE uscc = ANY($1) AND status = 'REVOKED' AND revoked_at IS NOT NULL`,
        [usccs],
      );
      const overdue = await db.query<{ uscc: string; at: string }>(
        `SELECT uscc, verification_due AS at FROM licences
         WHERE uscc = ANY($1) AND verification_status IN ('PENDING', 'RECTIFYING') AND verification_due < $2`,
        [usccs, input.at],
      );
      // The last concluded inspection of each entity, and who made it: the conflict rule looks one back.
      const last = await db.query<{ uscc: string; concluded_at: string; inspectors: string[] }>(
        `SELECT DISTINCT ON (uscc) uscc, concluded_at, inspectors FROM inspections
         WHERE uscc = ANY($1) AND concluded_at IS NOT NULL ORDER BY uscc, concluded_at DESC`,
        [usccs],
      );
      const roster = await db.query<{ id: string }>(`SELECT id FROM users WHERE org_id = $1 AND 'staff' = ANY(roles) ORDER BY id`, [
        `le-${input.zoneCode}`,
      ]);
      const iso = (value: unknown) => new Date(value as string).toISOString();
      const policy = (key: Parameters<typeof readPolicy>[1]) => readPolicy(db, key, input.zoneCode);
      const facts: DrawFacts = {
        entities: entities.map((e) => {
          const records = credit.filter((c) => c.uscc === e.uscc);
          const signals: { signal: RiskSignal; at: string }[] = [
            ...revoked.filter((r) => r.uscc === e.uscc).map((r) => ({ signal: 'revokedCommitment' as const, at: iso(r.at) })),
            ...records.filter((r) => r.kind === 'penalty').map((r) => ({ signal: 'recognisedPenalty' as const, at: iso(r.recorded_at) })),
            ...overdue.filter((r) => r.uscc === e.uscc).map((r) => ({ signal: 'overdueVerification' as const, at: iso(r.at) })),
          ];
          const previous = last.find((l) => l.uscc === e.uscc);
          return {
            uscc: e.uscc,
            name: e.name,
            grade: creditGradeOf(records),
            signals,
            ...(previous ? { lastConcludedAt: iso(previous.concluded_at) } : {}),
            lastInspectors: previous?.inspectors ?? [],
          };
        }),
        roster: roster.map((r) => r.id),
        ratios: (await policy('supervision.selectionRatios')) as Record<CreditGrade, number>,
        inspectorsPerEntity: Number(await policy('supervision.inspectorsPerEntity')),
      };
      return {
        zoneName: zone.name,
        facts,
        historyEventLimit: Number(await policy('workflow.historyEventLimit')),
        dayLengthMs: Number(await policy('supervision.dayLengthMs')),
      };
    },
  };
}
