/**
 * 文号: the acts a step makes final get their numbers in the step's own transaction. A number is the
 * next of its issuing organisation's sequence for the year; the counter row's lock orders concurrent
 * steps, and a step that rolls back (a failure, or a second attempt of a step already written) gives
 * its number back with everything else, so numbers run without gaps or repeats.
 */
import { chinaDate } from '../domain/calendar';
import { documentNumber, ISSUER, parseDocumentNumber, type DocumentKind } from '../domain/documents';
import { POLICY_APPROVAL } from '../domain/first-batch';
import { zoneName } from '../domain/names';
import type { Queryable } from '../store/db';
import { ApplicationFailure } from '@temporalio/common';
import type { Step } from './step';

/** An act the step makes final, with what its printed document shows. */
interface FinalAct {
  kind: DocumentKind;
  /** Which act of the process: a memorandum or agreement version, a penalty's decision number. */
  ref: string;
  act: Record<string, unknown>;
  /** A 文号 the issuer gave outside this system, recorded with the act (the city's approval): no number is taken. */
  recordedNumber?: string;
}

export interface IssuedDocument {
  number: string;
  kind: DocumentKind;
  ref: string;
}

/**
 * The acts of a step that are final: the city's approval a zone is launched under (recorded with its
 * 文号; the first batch's is the policy itself, not a 批复), a memorandum or an agreement version both
 * sides signed, a recognised penalty.
 */
function finalActs(step: Step): FinalAct[] {
  const acts: FinalAct[] = [];
  for (const event of step.events) {
    const approval =
      event.kind === 'launched' ? (event.data.approval as { documentNumber: string; approvedOn: string } | undefined) : undefined;
    if (!approval || approval.documentNumber === POLICY_APPROVAL.documentNumber) continue;
    acts.push({
      kind: 'approval',
      ref: approval.documentNumber,
      recordedNumber: approval.documentNumber,
      act: { countyCode: event.data.countyCode, approvedOn: approval.approvedOn, recordedBy: event.actor },
    });
  }
  for (const m of step.memoranda) {
    if (m.status !== 'signed') continue;
    acts.push({
      kind: 'memorandum',
      ref: `v${m.version}`,
      act: { countyCode: m.countyCode, version: m.version, content: m.content, signatures: m.signatures },
    });
  }
  for (const v of step.agreementVersions ?? []) {
    if (v.status !== 'signed' || !step.agreement) continue;
    acts.push({
      kind: 'agreement',
      ref: `v${v.version}`,
      act: {
        countyCode: step.agreement.zoneCode,
        agreementId: step.agreement.id,
        version: v.version,
        content: v.content,
        signatures: v.signatures,
      },
    });
  }
  const penalty = step.penalty;
  if (penalty?.review?.outcome === 'recognised') {
    const r = penalty.record;
    acts.push({
      kind: 'recognition',
      ref: r.decisionNumber,
      act: {
        countyCode: r.zoneCode,
        decisionNumber: r.decisionNumber,
        enforcementOrg: r.enforcementOrg,
        decision: r.decision,
        entityName: r.report?.entityName,
        reviewer: penalty.review.reviewer,
      },
    });
  }
  return acts;
}

/** Issues the step's final acts their numbers, once each; returns those issued by this step. */
export async function issueDocuments(tx: Queryable, step: Step): Promise<IssuedDocument[]> {
  const issued: IssuedDocument[] = [];
  const day = chinaDate(new Date(step.at));
  const year = Number(day.slice(0, 4));
  for (const act of finalActs(step)) {
    const [existing] = await tx.query('SELECT 1 FROM documents WHERE process_id = $1 AND chain_id = $2 AND kind = $3 AND ref = $4', [
      step.processId,
      step.chainId,
      act.kind,
      act.ref,
    ]);
    if (existing) continue;
    const orgId = ISSUER[act.kind];
    if (act.recordedNumber) {
      issued.push(await recordDocument(tx, step, act, act.recordedNumber));
      continue;
    }
    const [prefix] = await tx.query<{ prefix: string }>('SELECT prefix FROM document_prefixes WHERE org_id = $1', [orgId]);
    // A missing prefix is configuration, not a passing fault: the step fails until it is added.
    if (!prefix)
      throw ApplicationFailure.nonRetryable(
        `no document prefix (文号机关代字) for ${orgId}: add it to document_prefixes`,
        'DocumentPrefixMissing',
      );
    // Raised under the row's lock: a concurrent step waits here until this transaction ends.
    const [{ last }] = await tx.query<{ last: number }>(
      `INSERT INTO document_counters (org_id, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (org_id, year) DO UPDATE SET last = document_counters.last + 1 RETURNING last`,
      [orgId, year],
    );
    const number = documentNumber(prefix.prefix, year, last);
    const names = await partyNames(tx, act, orgId);
    const title = titleOf(act, names.zoneName);
    await tx.query(
      `INSERT INTO documents (number, org_id, year, seq, kind, ref, process_id, chain_id, step_key, title, issued_at, act)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        number,
        orgId,
        year,
        last,
        act.kind,
        act.ref,
        step.processId,
        step.chainId,
        step.key,
        title,
        step.at,
        JSON.stringify({ ...act.act, ...names, issuedOn: day }),
      ],
    );
    issued.push({ number, kind: act.kind, ref: act.ref });
  }
  return issued;
}

/** A document whose 文号 its issuer gave: kept as recorded, outside the sequence (its year and number read from it when they can be). */
async function recordDocument(tx: Queryable, step: Step, act: FinalAct, number: string): Promise<IssuedDocument> {
  const orgId = ISSUER[act.kind];
  const parsed = parseDocumentNumber(number);
  const approvedOn = String(act.act.approvedOn ?? chinaDate(new Date(step.at)));
  const names = await partyNames(tx, act, orgId);
  await tx.query(
    `INSERT INTO documents (number, org_id, year, seq, kind, ref, process_id, chain_id, step_key, title, issued_at, act, recorded)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, true)`,
    [
      number,
      orgId,
      parsed?.year ?? Number(approvedOn.slice(0, 4)),
      parsed?.seq ?? 0,
      act.kind,
      act.ref,
      step.processId,
      step.chainId,
      step.key,
      titleOf(act, names.zoneName),
      step.at,
      JSON.stringify({ ...act.act, ...names, issuedOn: approvedOn }),
    ],
  );
  return { number, kind: act.kind, ref: act.ref };
}

/** The names a document prints, as the registry holds them on the day it is issued. */
async function partyNames(tx: Queryable, act: FinalAct, issuer: string) {
  const county = String(act.act.countyCode);
  const ids = [issuer, 'ftz', `gov-${county}`, `zone-${county}`, String(act.act.enforcementOrg ?? '')];
  const rows = await tx.query<{ id: string; name_zh: string }>('SELECT id, name_zh FROM organizations WHERE id = ANY($1)', [ids]);
  const name = (id: string) => rows.find((r) => r.id === id)?.name_zh;
  const [division] = await tx.query<{ name_zh: string }>('SELECT name_zh FROM divisions WHERE code = $1', [county]);
  return {
    issuerName: name(issuer),
    ftzName: name('ftz'),
    governmentName: name(`gov-${county}`),
    zoneBodyName: name(`zone-${county}`),
    enforcementName: act.act.enforcementOrg ? name(String(act.act.enforcementOrg)) : undefined,
    zoneName: zoneName(division?.name_zh ?? county),
  };
}

function titleOf(act: FinalAct, zone: string): string {
  if (act.kind === 'memorandum') return `关于设立${zone}的协同发展备忘录`;
  if (act.kind === 'agreement') return `${zone}行政职权委托协议`;
  if (act.kind === 'recognition') return `关于认可并适用${act.ref}行政处罚决定的函`;
  return `关于同意设立${zone}的批复`;
}
