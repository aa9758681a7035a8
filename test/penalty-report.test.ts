import { randomUUID } from 'node:crypto';
import { addDays } from '../domain/agreements';
import { PENALTY_TRANSITIONS } from '../domain/penalties';
import { today } from './support/agreement-flow';
import { filePenalty, newDecisionNumber, penaltyRecord, penaltyZone, registerEntity, reportedPenalty } from './support/penalty-flow';
import { eventually, startHarness, type Harness } from './support/harness';
import { complete, expectDeclaredPath, taskFor, timelineKinds } from './support/zone-flow';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

const state = (id: string) => h.client.workflow.getHandle(id).query<Record<string, any>>('state');

describe('penalty report and recognition', () => {
  test('filed by enforcement, reported by the zone, recognised on the first review: the FTZ record, the credit record and its publication', async () => {
    const { zone, uscc, agreementId } = await penaltyZone(h);
    const { id, decisionNumber } = await reportedPenalty(h, zone, uscc);
    expect(id).toBe(`penalty-${decisionNumber}`);
    const recognised = await complete(h, 'ftz.staff', id, 'reviewPenalty', { decision: 'recognise' });
    expect(recognised).toMatchObject({ stage: 'PUBLISHED', rounds: 0, openTasks: [], deadlines: [] });

    const record = await penaltyRecord(h, decisionNumber);
    expect(record).toMatchObject({
      decisionNumber, uscc, zoneCode: zone, enforcementOrg: `le-${zone}`, powerCode: 'CF-001', agreementId, status: 'RECOGNISED', rounds: 0,
      penalty: { kind: 'fine', amountYuan: 50_000 }, grade: 'general', decidedOn: today(), creditRecordId: `${id}.credit`, processId: id,
    });
    expect(record.reportedAt).toEqual(expect.any(String));
    expect(record.zoneHeldMs).toBeGreaterThan(0);
    expect(record.ftzHeldMs).toBeGreaterThan(0);
    expect(record.reviews).toEqual([expect.objectContaining({ round: 1, outcome: 'recognised', reasons: [], reviewer: { userId: 'ftz.staff', orgId: 'ftz' } })]);
    // General grade by the default policy: published 12 months, repair possible after 3.
    const [credit] = record.creditRecords;
    expect(credit).toMatchObject({ id: `${id}.credit`, kind: 'penalty', grade: 'general', status: 'ACTIVE', barsCommitment: false, publicationFrom: today() });
    expect(credit.publicationUntil > addDays(today(), 360)).toBe(true);
    expect(credit.repairEligibleFrom > addDays(today(), 85)).toBe(true);

    const listed = (await (await h.as(`zone-${zone}.staff`)).get(`/api/penalties?zone=${zone}&status=RECOGNISED&entity=${uscc}`)).body;
    expect(listed.map((p: { decisionNumber: string }) => p.decisionNumber)).toEqual([decisionNumber]);
    expect((await (await h.as('ftz.staff')).get(`/api/penalties?zone=${zone}&status=RETURNED`)).body).toEqual([]);
    expect(await timelineKinds(h, id)).toEqual(['penaltyRecorded', 'penaltyReported', 'penaltyRecognised']);
    expectDeclaredPath(recognised.path, PENALTY_TRANSITIONS);
  });

  test('three returns for correction, then recognition: rounds counted, time held by each side measured, continue-as-new on the way', async () => {
    const { zone, uscc } = await penaltyZone(h, { 'workflow.historyEventLimit': 40 });
    const { id, decisionNumber } = await reportedPenalty(h, zone, uscc, { grade: 'minor' });
    const corrections = [{ legalBasis: '《食品安全法》第一百二十二条第一款' }, { grade: 'general' }, { penalty: { kind: 'fine', amountYuan: 80_000 } }];
    for (const [index, change] of corrections.entries()) {
      await complete(h, 'ftz.staff', id, 'reviewPenalty', { decision: 'return', reasons: ['legalBasisWrong', 'gradeWrong'], note: `第${index + 1}轮意见` });
      expect((await penaltyRecord(h, decisionNumber)).status).toBe('RETURNED');
      const task = await taskFor(h, `zone-${zone}.staff`, id, 'correctPenalty');
      expect(task.context).toMatchObject({ round: index + 1, reasons: ['legalBasisWrong', 'gradeWrong'] });
      await complete(h, `zone-${zone}.staff`, id, 'correctPenalty', { ...(task.context.prefill as object), ...change });
    }
    const final = await complete(h, 'ftz.staff', id, 'reviewPenalty', { decision: 'recognise' });
    expect(final).toMatchObject({ stage: 'PUBLISHED', rounds: 3 });

    const record = await penaltyRecord(h, decisionNumber);
    expect(record).toMatchObject({ status: 'RECOGNISED', rounds: 3, grade: 'general', penalty: { kind: 'fine', amountYuan: 80_000 } });
    expect(record.zoneHeldMs).toBeGreaterThan(0);
    expect(record.ftzHeldMs).toBeGreaterThan(0);
    expect(record.reviews.map((r: { round: number; outcome: string }) => [r.round, r.outcome])).toEqual([
      [1, 'returned'], [2, 'returned'], [3, 'returned'], [4, 'recognised'],
    ]);
    const runs = [];
    for await (const run of h.client.workflow.list({ query: `WorkflowId = '${id}'` })) runs.push(run.runId);
    expect(runs.length).toBeGreaterThan(1);
    expect(await timelineKinds(h, id)).toEqual([
      'penaltyRecorded', 'penaltyReported',
      'penaltyReturned', 'penaltyResubmitted', 'penaltyReturned', 'penaltyResubmitted', 'penaltyReturned', 'penaltyResubmitted',
      'penaltyRecognised',
    ]);
  });

  test('a resubmission without changes is refused (400) and the task stays open', async () => {
    const { zone, uscc } = await penaltyZone(h);
    const { id } = await reportedPenalty(h, zone, uscc);
    await complete(h, 'ftz.staff', id, 'reviewPenalty', { decision: 'return', reasons: ['factsUnclear'] });
    const task = await taskFor(h, `zone-${zone}.staff`, id, 'correctPenalty');
    const unchanged = await (await h.as(`zone-${zone}.staff`)).post(`/api/tasks/${task.id}/complete`, task.context.prefill);
    expect(unchanged.status).toBe(400);
    expect(unchanged.body.error.message).toContain('unchanged');
    expect((await taskFor(h, `zone-${zone}.staff`, id, 'correctPenalty')).id).toBe(task.id);
  });

  test('separation of duties: the reporting organisation cannot review (403), at the API or past it', async () => {
    const { zone, uscc } = await penaltyZone(h);
    const { id } = await reportedPenalty(h, zone, uscc);
    const review = await taskFor(h, 'ftz.staff', id, 'reviewPenalty');
    const byZone = await (await h.as(`zone-${zone}.staff`)).post(`/api/tasks/${review.id}/complete`, { decision: 'recognise' });
    expect(byZone.status).toBe(403);
    const reporter = { userId: `zone-${zone}.staff`, orgId: `zone-${zone}`, roles: ['staff'] };
    const past = h.client.workflow.getHandle(id).executeUpdate('reviewPenalty', { args: [{ actor: reporter, taskId: review.id, requestId: randomUUID(), payload: { decision: 'recognise' } }] });
    await expect(past).rejects.toMatchObject({ cause: { type: 'Forbidden' } });
    expect((await state(id)).stage).toBe('REVIEWING');
  });

  test('bad launches: a duplicate decision number (409), an unregistered entity, a power not in force on the decision date, another county', async () => {
    const { zone, uscc } = await penaltyZone(h);
    const decisionNumber = newDecisionNumber();
    expect((await filePenalty(h, zone, uscc, { decisionNumber })).status).toBe(201);
    const again = await filePenalty(h, zone, uscc, { decisionNumber });
    expect(again.status).toBe(409);

    const unregistered = await filePenalty(h, zone, '91350100M000100Y43');
    expect(unregistered.status).toBe(400);
    expect(unregistered.body.error.details).toEqual([expect.objectContaining({ path: 'body.decision.uscc' })]);

    const before = await filePenalty(h, zone, uscc, { decision: { decidedOn: addDays(today(), -1), deliveredOn: today() } });
    expect(before.status).toBe(409);
    expect(before.body.error.message).toMatch(/CF-001 was not in force for zone \d+ on .*not on/);
    const notEntrusted = await filePenalty(h, zone, uscc, { decision: { powerCode: 'CF-004' } });
    expect(notEntrusted.status).toBe(409);
    expect(notEntrusted.body.error.message).toContain('no agreement');

    const foreign = await (await h.as('le-210881.staff')).post('/api/processes/penalty-report', {
      zoneCode: zone, decisionNumber: newDecisionNumber(),
      decision: { uscc, violation: 'x', legalBasis: 'y', powerCode: 'CF-001', penalty: { kind: 'warning' }, grade: 'minor', decidedOn: today(), deliveredOn: today() },
    });
    expect(foreign.status).toBe(403);
  });

  test('a recognised penalty withdrawn when its decision is revoked: the credit record and the penalty are withdrawn with the reason', async () => {
    const { zone, uscc } = await penaltyZone(h);
    const { id, decisionNumber } = await reportedPenalty(h, zone, uscc);
    await complete(h, 'ftz.staff', id, 'reviewPenalty', { decision: 'recognise' });
    const withdrawal = await (await h.as(`zone-${zone}.staff`)).post(`/api/processes/${id}/actions/withdrawPenalty`, { cause: 'revoked', reason: '复议撤销' });
    expect(withdrawal.status).toBe(403);
    const withdrawn = await (await h.as(`le-${zone}.staff`)).post(`/api/processes/${id}/actions/withdrawPenalty`, { cause: 'revoked', reason: '行政复议决定撤销原处罚' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state.stage).toBe('WITHDRAWN');
    const record = await penaltyRecord(h, decisionNumber);
    expect(record).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: 'revoked: 行政复议决定撤销原处罚' });
    expect(record.creditRecords).toEqual([expect.objectContaining({ id: `${id}.credit`, status: 'WITHDRAWN', endReason: 'revoked: 行政复议决定撤销原处罚', endedAt: expect.any(String) })]);
    await h.client.workflow.getHandle(id).result();
    expect(await timelineKinds(h, id)).toEqual(['penaltyRecorded', 'penaltyReported', 'penaltyRecognised', 'penaltyWithdrawn']);
  });

  test('credit repair: refused before the minimum period (409), granted after it; publication ends then', async () => {
    // Days of 100 ms and a one-month minimum: repair opens about 3 s after recognition, publication lasts a year.
    const { zone, uscc } = await penaltyZone(h, {
      'penalty.dayLengthMs': 100,
      'penalty.publication': {
        minor: { months: 3, repairAfterMonths: 1, barsCommitment: false },
        general: { months: 12, repairAfterMonths: 1, barsCommitment: false },
        serious: { months: 36, repairAfterMonths: 12, barsCommitment: true },
      },
    });
    const { id, decisionNumber } = await reportedPenalty(h, zone, uscc, { grade: 'general' });
    await complete(h, 'ftz.staff', id, 'reviewPenalty', { decision: 'recognise' });
    const zoneStaff = await h.as(`zone-${zone}.staff`);
    const early = await zoneStaff.post(`/api/processes/${id}/actions/requestCreditRepair`, { rectification: '已整改' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('may be requested from');

    // Asked again until the clock passes the minimum: each refusal before it is a 409 that changes nothing.
    const requested = await eventually(async () => {
      const response = await zoneStaff.post(`/api/processes/${id}/actions/requestCreditRepair`, { rectification: '已停止违法行为并缴清罚款' });
      if (response.status === 409) return undefined;
      return response;
    }, 30_000, 'the minimum period');
    expect(requested.status).toBe(200);
    const { repairEligibleFrom } = (await penaltyRecord(h, decisionNumber)).creditRecords[0];
    expect(requested.body.state.today >= repairEligibleFrom).toBe(true);
    await complete(h, 'ftz.staff', id, 'decideCreditRepair', { decision: 'refuse', reason: '材料不全' });
    expect((await zoneStaff.post(`/api/processes/${id}/actions/requestCreditRepair`, { rectification: '补充材料' })).status).toBe(200);
    const granted = await complete(h, 'ftz.staff', id, 'decideCreditRepair', { decision: 'grant' });
    expect(granted.stage).toBe('REPAIRED');
    const record = await penaltyRecord(h, decisionNumber);
    expect(record.status).toBe('RECOGNISED');
    expect(record.creditRecords[0]).toMatchObject({ status: 'REPAIRED', endedAt: expect.any(String) });
    expect((await timelineKinds(h, id)).slice(-5)).toEqual(['penaltyRecognised', 'creditRepairRequested', 'creditRepairRefused', 'creditRepairRequested', 'creditRepaired']);
  });

  test('publication ends at the maximum: the credit record ENDED and the process completes', async () => {
    // Minor: one month of 30 ms days.
    const { zone, uscc } = await penaltyZone(h, {
      'penalty.dayLengthMs': 30,
      'penalty.publication': {
        minor: { months: 1, repairAfterMonths: 1, barsCommitment: false },
        general: { months: 3, repairAfterMonths: 1, barsCommitment: false },
        serious: { months: 12, repairAfterMonths: 12, barsCommitment: true },
      },
    });
    const { id, decisionNumber } = await reportedPenalty(h, zone, uscc, { grade: 'minor' });
    await complete(h, 'ftz.staff', id, 'reviewPenalty', { decision: 'recognise' });
    const view = await h.client.workflow.getHandle(id).result();
    expect(view.stage).toBe('PUBLICATION_ENDED');
    expect((await penaltyRecord(h, decisionNumber)).creditRecords[0]).toMatchObject({ status: 'ENDED', endReason: 'publication period ended' });
  });

  test('deadlines: the report reminds the zone and escalates, the review escalates to the FTZ, each once', async () => {
    const { zone, uscc } = await penaltyZone(h, { 'penalty.reportPeriod': { seconds: 2 }, 'penalty.reviewPeriod': { seconds: 2 } });
    const filed = await filePenalty(h, zone, uscc);
    const id = filed.body.id;
    const kindsNow = () => timelineKinds(h, id);
    await eventually(async () => ((await kindsNow()).includes('escalated') ? true : undefined), 20_000, 'the report escalation');
    await complete(h, `zone-${zone}.staff`, id, 'reportPenalty', {});
    await eventually(async () => ((await kindsNow()).filter((k) => k === 'escalated').length === 2 ? true : undefined), 20_000, 'the review escalation');
    const notes = await h.db.query<{ org_id: string; kind: string }>('SELECT org_id, kind FROM notifications WHERE process_id = $1 ORDER BY id', [id]);
    expect(notes.map((n) => `${n.kind}:${n.org_id}`)).toEqual([
      `reminder:zone-${zone}`, `escalation:gov-${zone}`, 'escalation:ftz', 'reminder:ftz', 'escalation:ftz',
    ]);
    expect(await kindsNow()).toEqual(['penaltyRecorded', 'reminderSent', 'escalated', 'penaltyReported', 'reminderSent', 'escalated']);
    const record = await penaltyRecord(h, (await state(id)).decisionNumber);
    expect(record.status).toBe('REPORTED');
  });

  test('a penalty case opened by a revocation is linked by the report that handles it', async () => {
    const { zone, uscc } = await penaltyZone(h);
    const caseId = `case-${randomUUID()}`;
    await h.db.query(
      `INSERT INTO penalty_cases (id, uscc, zone_code, enforcement_org, reason, source_process_id, opened_at, status)
       VALUES ($1, $2, $3, $4, '承诺不实，撤销许可', 'fixture', now(), 'OPEN')`,
      [caseId, uscc, zone, `le-${zone}`],
    );
    const other = await registerEntity(h, zone);
    expect((await filePenalty(h, zone, other, { caseId })).status).toBe(400);
    const filed = await filePenalty(h, zone, uscc, { caseId, decision: { penalty: { kind: 'licenceRevocation', licence: 'JY12108810000001' } } });
    expect(filed.status).toBe(201);
    const linked = await eventually(async () => {
      const [row] = await h.db.query<{ status: string; penalty_process_id: string }>('SELECT status, penalty_process_id FROM penalty_cases WHERE id = $1', [caseId]);
      return row.status === 'LINKED' ? row : undefined;
    });
    expect(linked.penalty_process_id).toBe(filed.body.id);
    expect((await filePenalty(h, zone, uscc, { caseId })).status).toBe(409);
  });
});
