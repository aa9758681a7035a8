import { randomUUID } from 'node:crypto';
import { addDays } from '../domain/agreements';
import { addMonths, PENALTY_TRANSITIONS, publicationPeriod } from '../domain/penalties';
import { searchAttributes } from '../domain/search-attributes';
import { authority, today } from './support/agreement-flow';
import {
  filePenalty,
  newDecisionNumber,
  penaltyRecord,
  penaltyZone,
  registerEntity,
  reportDocument,
  reportedPenalty,
} from './support/penalty-flow';
import { eventually, startHarness, type Harness } from './support/harness';
import { complete, expectDeclaredPath, taskFor, timelineKinds } from './support/zone-flow';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

const state = (id: string) => h.client.workflow.getHandle(id).query<Record<string, any>>('state');

describe('penalty report and recognition', () => {
  test('filed by le-<county> for a registered entity with no entrusted power in force, reported, recognised: published from the decision date, barring the commitment route', async () => {
    const { zone, uscc } = await penaltyZone(h);
    // No agreement of the zone entrusts anything: penalties are imposed under local authority all the same.
    expect(await authority(h, zone, 'CF-001', today())).toMatchObject({ inForce: false });
    const decidedOn = addDays(today(), -3);
    const { id, decisionNumber } = await reportedPenalty(h, zone, uscc, { decidedOn, deliveredOn: addDays(today(), -2) });
    expect(id).toBe(`penalty-${decisionNumber}`);
    const recognised = await complete(h, 'ftz.leader', id, 'reviewPenalty', { decision: 'recognise' });
    expect(recognised).toMatchObject({ stage: 'RECOGNISED', returns: 0, openTasks: [], deadlines: [], rules: 'local-authority' });

    const record = await penaltyRecord(h, decisionNumber);
    expect(record).toMatchObject({
      decisionNumber,
      uscc,
      zoneCode: zone,
      enforcementOrg: `le-${zone}`,
      powerCode: null,
      agreementId: null,
      status: 'RECOGNISED',
      returns: 0,
      penalty: { kind: 'fine', amountYuan: 50_000 },
      grade: 'general',
      decidedOn,
      creditRecordId: `${id}.credit`,
      processId: id,
      report: { documents: [expect.objectContaining({ kind: 'decision', title: '行政处罚决定书' })] },
    });
    expect(record.reportedAt).toEqual(expect.any(String));
    expect(record.zoneHeldMs).toBeGreaterThan(0);
    expect(record.ftzHeldMs).toBeGreaterThan(0);
    expect(record.reviews).toEqual([
      expect.objectContaining({ round: 1, outcome: 'recognised', reasons: [], reviewer: { userId: 'ftz.leader', orgId: 'ftz' } }),
    ]);
    // General severity by the default policy: published 12 months from the decision date (not from today), repair after 3.
    const period = publicationPeriod(decidedOn, { months: 12, repairAfterMonths: 3 });
    const [credit] = record.creditRecords;
    expect(credit).toMatchObject({
      id: `${id}.credit`,
      kind: 'penalty',
      grade: 'general',
      status: 'ACTIVE',
      barsCommitment: true,
      publicationFrom: decidedOn,
      publicationUntil: period.until,
      repairEligibleFrom: period.repairEligibleFrom,
    });
    expect(period.until).toBe(addDays(addMonths(decidedOn, 12), -1));
    // While published it bars the commitment route (P3).
    expect((await (await h.as('audit.auditor')).get(`/api/entities/${uscc}`)).body.commitmentBarred).toBe(true);

    const listed = (await (await h.as(`zone-${zone}.staff`)).get(`/api/penalties?zone=${zone}&status=RECOGNISED&entity=${uscc}`)).body;
    expect(listed.map((p: { decisionNumber: string }) => p.decisionNumber)).toEqual([decisionNumber]);
    expect((await (await h.as('ftz.staff')).get(`/api/penalties?zone=${zone}&status=RETURNED`)).body).toEqual([]);
    expect(await timelineKinds(h, id)).toEqual(['penaltyRecorded', 'penaltyReported', 'penaltyRecognised']);
    const timeline = (await (await h.as('audit.auditor')).get(`/api/processes/${id}/timeline?lang=zh`)).body as {
      kind: string;
      summary: string;
      authority?: { words: string };
    }[];
    const recognisedEntry = timeline.find((entry) => entry.kind === 'penaltyRecognised')!;
    expect(recognisedEntry.summary).toContain(`自处罚决定日 ${decidedOn} 起公示至 ${period.until}`);
    expect(recognisedEntry.summary).toContain('予以认可并适用');
    expectDeclaredPath(recognised.path, PENALTY_TRANSITIONS);
  });

  test("a return names only formal defects of the report; the correction completes the report and cannot touch the decision's facts; returns counted, continue-as-new on the way", async () => {
    const { zone, uscc } = await penaltyZone(h, { 'workflow.historyEventLimit': 40 });
    const { id, decisionNumber } = await reportedPenalty(h, zone, uscc, { grade: 'minor' });
    const ftz = await h.as('ftz.staff');
    const zoneStaff = await h.as(`zone-${zone}.staff`);

    // The FTZ recognises the decision, it does not re-judge it: 违法事实不清, 法律依据有误… are not its to say.
    const review = await taskFor(h, 'ftz.staff', id, 'reviewPenalty');
    const form = (await ftz.get(`/api/tasks/${review.id}`)).body;
    expect(JSON.stringify(form.inputSchema)).toContain('entityMismatch');
    expect(JSON.stringify(form.inputSchema)).not.toContain('factsUnclear');
    for (const reason of ['factsUnclear', 'legalBasisWrong', 'gradeWrong']) {
      const judged = await ftz.post(`/api/tasks/${review.id}/complete`, { decision: 'return', reasons: [reason] });
      expect(judged.status).toBe(400);
      expect(judged.body.error.details).toEqual([expect.objectContaining({ path: 'body.reasons.0' })]);
    }
    // Past the API, the workflow refuses it too, leaving no trace.
    const ftzActor = { userId: 'ftz.staff', orgId: 'ftz', roles: ['staff'] };
    const past = h.client.workflow.getHandle(id).executeUpdate('reviewPenalty', {
      args: [{ actor: ftzActor, taskId: review.id, requestId: randomUUID(), payload: { decision: 'return', reasons: ['factsUnclear'] } }],
    });
    await expect(past).rejects.toMatchObject({
      cause: { type: 'RETURN_REJUDGES', details: [{ params: { reasons: ['factsUnclear'] }, path: 'body.reasons' }] },
    });
    expect((await state(id)).stage).toBe('REVIEWING');

    const completions = [
      { documents: [reportDocument('decision', '行政处罚决定书（盖章件）'), reportDocument('delivery', '送达回证')] },
      { entityName: '营口测试食品有限公司' },
      { documents: [reportDocument('decision', '行政处罚决定书（规范文本）')] },
    ];
    const reasons = [['documentsMissing'], ['entityMismatch'], ['documentsNonstandard', 'duplicateReport']];
    for (const [index, completion] of completions.entries()) {
      await complete(h, 'ftz.staff', id, 'reviewPenalty', { decision: 'return', reasons: reasons[index], note: `第${index + 1}轮意见` });
      expect((await penaltyRecord(h, decisionNumber)).status).toBe('RETURNED');
      const task = await taskFor(h, `zone-${zone}.staff`, id, 'correctPenalty');
      expect(task.context).toMatchObject({ round: index + 1, reasons: reasons[index], facts: { decisionNumber, uscc, grade: 'minor' } });
      const prefill = task.context.prefill as Record<string, unknown>;
      if (index === 0) {
        // The facts of the delivered decision: each change is a 400 naming the field, and the task stays open.
        for (const [field, value] of [
          ['violation', '另一违法行为'],
          ['grade', 'serious'],
          ['decidedOn', addDays(today(), -1)],
          ['decisionNumber', 'X〔2026〕1号'],
          ['penalty', { kind: 'warning' }],
        ] as const) {
          const changed = await zoneStaff.post(`/api/tasks/${task.id}/complete`, { ...prefill, ...completion, [field]: value });
          expect([field, changed.status]).toEqual([field, 400]);
          expect(changed.body.error.details).toEqual([
            expect.objectContaining({ path: `body.${field}`, message: expect.stringContaining('withdrawing this report') }),
          ]);
        }
        // Past the API the workflow refuses it as well, naming the field.
        const zoneActor = { userId: `zone-${zone}.staff`, orgId: `zone-${zone}`, roles: ['staff'] };
        const pastFacts = h.client.workflow.getHandle(id).executeUpdate('correctPenalty', {
          args: [{ actor: zoneActor, taskId: task.id, requestId: randomUUID(), payload: { ...completion, legalBasis: '另一依据' } }],
        });
        await expect(pastFacts).rejects.toMatchObject({
          cause: { type: 'DECISION_FACT_CHANGED', details: [{ params: expect.objectContaining({ fields: ['body.legalBasis'] }) }] },
        });
        // The report returned as it was: nothing completed.
        const unchanged = await zoneStaff.post(`/api/tasks/${task.id}/complete`, prefill);
        expect(unchanged.status).toBe(400);
        // The refusal names the fields that came back as they were, each on its field.
        expect(unchanged.body.error).toMatchObject({ reason: 'REPORT_UNCHANGED', message: expect.stringContaining('are as returned') });
        expect(unchanged.body.error.details.map((d: { path: string }) => d.path)).toEqual(
          Object.keys(prefill)
            .filter((k) => ['entityName', 'documents'].includes(k))
            .map((k) => `body.${k}`),
        );
        expect(unchanged.body.error.details.length).toBeGreaterThan(0);
        expect((await taskFor(h, `zone-${zone}.staff`, id, 'correctPenalty')).id).toBe(task.id);
      }
      await complete(h, `zone-${zone}.staff`, id, 'correctPenalty', { ...prefill, ...completion });
    }
    const final = await complete(h, 'ftz.leader', id, 'reviewPenalty', { decision: 'recognise' });
    expect(final).toMatchObject({ stage: 'RECOGNISED', returns: 3 });

    const record = await penaltyRecord(h, decisionNumber);
    // The decision stands as filed; the report is completed.
    expect(record).toMatchObject({
      status: 'RECOGNISED',
      returns: 3,
      grade: 'minor',
      penalty: { kind: 'fine', amountYuan: 50_000 },
      violation: '未取得食品经营许可从事食品经营活动',
      report: { entityName: '营口测试食品有限公司', documents: [expect.objectContaining({ title: '行政处罚决定书（规范文本）' })] },
    });
    expect(record.reviews.map((r: { round: number; outcome: string; reasons: string[] }) => [r.round, r.outcome, r.reasons])).toEqual([
      [1, 'returned', ['documentsMissing']],
      [2, 'returned', ['entityMismatch']],
      [3, 'returned', ['documentsNonstandard', 'duplicateReport']],
      [4, 'recognised', []],
    ]);
    const runs = [];
    for await (const run of h.client.workflow.list({ query: `WorkflowId = '${id}'` })) runs.push(run.runId);
    expect(runs.length).toBeGreaterThan(1);
    expect(await timelineKinds(h, id)).toEqual([
      'penaltyRecorded',
      'penaltyReported',
      'penaltyReturned',
      'penaltyResubmitted',
      'penaltyReturned',
      'penaltyResubmitted',
      'penaltyReturned',
      'penaltyResubmitted',
      'penaltyRecognised',
    ]);
    const summaries = (
      (await (await h.as('audit.auditor')).get(`/api/processes/${id}/timeline?lang=zh`)).body as { kind: string; summary: string }[]
    ).map((e) => e.summary);
    expect(summaries).toContainEqual(expect.stringContaining('退回补正（主体信息不符）'));
    expect(summaries).toContainEqual(expect.stringContaining('补正：当事人名称'));
  });

  test('separation of duties: the reporting organisation cannot review (403), at the API or past it', async () => {
    const { zone, uscc } = await penaltyZone(h);
    const { id } = await reportedPenalty(h, zone, uscc);
    const review = await taskFor(h, 'ftz.staff', id, 'reviewPenalty');
    const byZone = await (await h.as(`zone-${zone}.staff`)).post(`/api/tasks/${review.id}/complete`, { decision: 'recognise' });
    expect(byZone.status).toBe(403);
    const reporter = { userId: `zone-${zone}.staff`, orgId: `zone-${zone}`, roles: ['staff'] };
    const past = h.client.workflow.getHandle(id).executeUpdate('reviewPenalty', {
      args: [{ actor: reporter, taskId: review.id, requestId: randomUUID(), payload: { decision: 'recognise' } }],
    });
    // The reporting organisation is not the task's addressee: refused by the kernel's organisation check, by its code.
    await expect(past).rejects.toMatchObject({ cause: { type: 'NOT_YOUR_ORGANISATION' } });
    expect((await state(id)).stage).toBe('REVIEWING');
  });

  test('bad launches: a duplicate decision number (409), an unregistered entity, a power named (none is needed), another county', async () => {
    const { zone, uscc } = await penaltyZone(h);
    const decisionNumber = newDecisionNumber();
    expect((await filePenalty(h, zone, uscc, { decisionNumber })).status).toBe(201);
    const again = await filePenalty(h, zone, uscc, { decisionNumber });
    expect(again.status).toBe(409);

    const unregistered = await filePenalty(h, zone, '91350100M000100Y43');
    expect(unregistered.status).toBe(400);
    expect(unregistered.body.error.details).toEqual([expect.objectContaining({ path: 'body.decision.uscc' })]);

    // The power field is gone: penalties are imposed under local authority, no entrusted power is named or checked.
    const withPower = await filePenalty(h, zone, uscc, { decision: { powerCode: 'CF-001' } });
    expect(withPower.status).toBe(400);
    expect(JSON.stringify(withPower.body.error.details)).toContain('powerCode');

    const foreign = await (
      await h.as('le-210881.staff')
    ).post('/api/processes/penalty-report', {
      zoneCode: zone,
      decisionNumber: newDecisionNumber(),
      decision: {
        uscc,
        violation: 'x',
        legalBasis: 'y',
        penalty: { kind: 'warning' },
        grade: 'minor',
        decidedOn: today(),
        deliveredOn: today(),
      },
    });
    expect(foreign.status).toBe(403);
  });

  test('an entity struck off between the filing and the process taking it up: the penalty is refused with that cause, by code, worded for each reader', async () => {
    const { zone, uscc } = await penaltyZone(h);
    // The API checks the entity at filing; the process checks it again when it first runs. With the
    // worker stopped the two moments are apart, and the records change in between.
    await h.stopWorker();
    let filed: Awaited<ReturnType<typeof filePenalty>>;
    try {
      filed = await filePenalty(h, zone, uscc);
      expect(filed.status).toBe(201);
      await h.db.query("UPDATE entities SET status = 'DEREGISTERED' WHERE uscc = $1", [uscc]);
    } finally {
      await h.startWorker();
    }
    const id = filed.body.id as string;
    await eventually(async () => ((await state(id)).stage === 'REFUSED' ? true : undefined));
    const read = async (lang: string) =>
      (
        (await (await h.as('audit.auditor')).get(`/api/processes/${id}/timeline?lang=${lang}`)).body as { kind: string; summary: string }[]
      ).find((e) => e.kind === 'penaltyRefused')!.summary;
    expect(await read('zh')).toMatch(new RegExp(`^处罚决定 .+ 不予受理：${uscc} 当前.+，不是已登记状态$`));
    const english = await read('en');
    expect(english).toMatch(new RegExp(`^Penalty decision .+ not accepted: ${uscc} is .+, not registered$`));
    // Only the decision's own number is Chinese in the English.
    expect(english.replace(/营盖市监罚〔2026〕[0-9a-f]+号/, '')).not.toMatch(/[\u3400-\u9fff]/);
    expect((await state(id)).openTasks).toEqual([]);
  });

  test('a changed decision: the enforcement body withdraws the earlier report, then files the new decision, which names the one it changes', async () => {
    const { zone, uscc } = await penaltyZone(h);
    const { id, decisionNumber } = await reportedPenalty(h, zone, uscc, { penalty: { kind: 'fine', amountYuan: 80_000 } });
    await complete(h, 'ftz.leader', id, 'reviewPenalty', { decision: 'recognise' });
    const newNumber = newDecisionNumber();
    const changedDecision = { penalty: { kind: 'fine', amountYuan: 30_000 }, grade: 'minor' };

    // The new decision cannot be filed as a change while the earlier report stands.
    const early = await filePenalty(h, zone, uscc, { decisionNumber: newNumber, decision: changedDecision, replaces: decisionNumber });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('withdraw its report as changed');

    const withdrawn = await (
      await h.as(`le-${zone}.staff`)
    ).post(`/api/processes/${id}/actions/withdrawPenalty`, { cause: 'changed', reason: '复议变更罚款数额' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state.stage).toBe('WITHDRAWN');
    const earlier = await penaltyRecord(h, decisionNumber);
    expect(earlier).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: 'changed: 复议变更罚款数额' });
    expect(earlier.creditRecords).toEqual([expect.objectContaining({ id: `${id}.credit`, status: 'WITHDRAWN' })]);

    // Another entity's decision cannot claim to change it; the number of the withdrawn decision is not filed again.
    const other = await registerEntity(h, zone);
    const mismatched = await filePenalty(h, zone, other, { decision: changedDecision, replaces: decisionNumber });
    expect(mismatched.status).toBe(400);
    expect(mismatched.body.error.details).toEqual([expect.objectContaining({ path: 'body.replaces' })]);
    expect((await filePenalty(h, zone, uscc, { decisionNumber, decision: changedDecision })).status).toBe(409);

    const filed = await filePenalty(h, zone, uscc, { decisionNumber: newNumber, decision: changedDecision, replaces: decisionNumber });
    expect(filed.status).toBe(201);
    await complete(h, `zone-${zone}.staff`, filed.body.id, 'reportPenalty', {});
    const recognised = await complete(h, 'ftz.leader', filed.body.id, 'reviewPenalty', { decision: 'recognise' });
    expect(recognised).toMatchObject({ stage: 'RECOGNISED', replaces: decisionNumber });
    expect(await penaltyRecord(h, newNumber)).toMatchObject({
      status: 'RECOGNISED',
      replaces: decisionNumber,
      grade: 'minor',
      penalty: { kind: 'fine', amountYuan: 30_000 },
    });
    // It changes one decision once.
    expect((await filePenalty(h, zone, uscc, { decision: changedDecision, replaces: decisionNumber })).status).toBe(409);
    const zh = (await (await h.as('audit.auditor')).get(`/api/processes/${filed.body.id}/timeline?lang=zh`)).body as {
      kind: string;
      summary: string;
    }[];
    expect(zh.find((e) => e.kind === 'penaltyRecorded')!.summary).toContain(`变更原决定 ${decisionNumber}`);
  });

  test('a recognised penalty withdrawn when its decision is revoked: the credit record and the penalty are withdrawn with the reason', async () => {
    const { zone, uscc } = await penaltyZone(h);
    const { id, decisionNumber } = await reportedPenalty(h, zone, uscc);
    await complete(h, 'ftz.leader', id, 'reviewPenalty', { decision: 'recognise' });
    const withdrawal = await (
      await h.as(`zone-${zone}.staff`)
    ).post(`/api/processes/${id}/actions/withdrawPenalty`, { cause: 'revoked', reason: '复议撤销' });
    expect(withdrawal.status).toBe(403);
    const withdrawn = await (
      await h.as(`le-${zone}.staff`)
    ).post(`/api/processes/${id}/actions/withdrawPenalty`, { cause: 'revoked', reason: '行政复议决定撤销原处罚' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state.stage).toBe('WITHDRAWN');
    const record = await penaltyRecord(h, decisionNumber);
    expect(record).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: 'revoked: 行政复议决定撤销原处罚' });
    expect(record.creditRecords).toEqual([
      expect.objectContaining({
        id: `${id}.credit`,
        status: 'WITHDRAWN',
        endReason: 'revoked: 行政复议决定撤销原处罚',
        endedAt: expect.any(String),
      }),
    ]);
    await h.client.workflow.getHandle(id).result();
    expect(await timelineKinds(h, id)).toEqual(['penaltyRecorded', 'penaltyReported', 'penaltyRecognised', 'penaltyWithdrawn']);
  });

  test('a run continued before the renaming (stage PUBLISHED, count `rounds`) reads its state as RECOGNISED with `returns`, is searched and listed as RECOGNISED, and goes on', async () => {
    const { zone, uscc } = await penaltyZone(h);
    const { id, decisionNumber } = await reportedPenalty(h, zone, uscc);
    await complete(h, 'ftz.staff', id, 'reviewPenalty', { decision: 'return', reasons: ['documentsMissing'] });
    const correction = await taskFor(h, `zone-${zone}.staff`, id, 'correctPenalty');
    await complete(h, `zone-${zone}.staff`, id, 'correctPenalty', {
      ...(correction.context.prefill as object),
      documents: [reportDocument('decision', '行政处罚决定书'), reportDocument('delivery', '送达回证')],
    });
    await complete(h, 'ftz.leader', id, 'reviewPenalty', { decision: 'recognise' });
    // The state as a run before the renaming continued it: its view's fields, the core and clock it keeps, earlier names.
    const handle = h.client.workflow.getHandle(id);
    const { processId: _p, acceptedActions: _a, openTasks: _o, deadlines: _d, today: _t, returns, record, ...kept } = await state(id);
    const chainId = (await handle.describe()).raw.workflowExecutionInfo!.firstRunId!;
    await handle.terminate('continued below as a run of the earlier names');
    const { returns: _r, ...earlierRecord } = record;
    const earlier = {
      ...kept,
      stage: 'PUBLISHED',
      path: kept.path.map((stage: string) => (stage === 'RECOGNISED' ? 'PUBLISHED' : stage)),
      rounds: returns,
      record: { ...earlierRecord, rounds: returns },
      core: { processId: id, processType: 'penalty-report', chainId, seq: 1000, openTasks: [], recentRequests: [], inFlight: 0 },
      clock: { realAnchor: Date.now(), virtualAnchor: Date.now(), dayLengthMs: kept.policy.dayLengthMs },
    };
    expect(earlier.path.at(-1)).toBe('PUBLISHED');
    await h.client.workflow.start('penaltyReport', {
      workflowId: id,
      taskQueue: h.taskQueue,
      args: [{ continued: earlier }],
      memo: { launchedBy: `le-${zone}` },
      typedSearchAttributes: [
        { key: searchAttributes.processType, value: 'penalty-report' },
        { key: searchAttributes.stage, value: 'PUBLISHED' },
        { key: searchAttributes.zoneCode, value: zone },
        { key: searchAttributes.entityUscc, value: uscc },
      ],
    });

    const reader = await h.as('ftz.staff');
    const view = (await reader.get(`/api/processes/${encodeURIComponent(id)}`)).body;
    expect(view).toMatchObject({ stage: 'RECOGNISED', data: { returns: 1, record: { returns: 1 } } });
    expect(view.data.path.at(-1)).toBe('RECOGNISED');
    expect(JSON.stringify(view)).not.toMatch(/PUBLISHED|"rounds"/);
    // The engine still says PUBLISHED until the process moves: the search by RECOGNISED finds the running run
    // (the terminated one said RECOGNISED), and lists it so; the search by PUBLISHED finds neither.
    const found = (query: string) =>
      reader
        .get(`/api/processes?type=penalty-report&${query}`)
        .then((r) => r.body.items.filter((p: { id: string; status: string }) => p.id === id && p.status === 'RUNNING'));
    expect(await eventually(async () => ((await found('stage=RECOGNISED')).length ? found('stage=RECOGNISED') : undefined))).toEqual([
      expect.objectContaining({ id, stage: 'RECOGNISED' }),
    ]);
    expect(await found('stage=PUBLISHED')).toEqual([]);

    const withdrawn = await (
      await h.as(`le-${zone}.staff`)
    ).post(`/api/processes/${id}/actions/withdrawPenalty`, { cause: 'revoked', reason: '行政复议决定撤销原处罚' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toMatchObject({ stage: 'WITHDRAWN', returns: 1 });
    expect(withdrawn.body.state.path.slice(-2)).toEqual(['RECOGNISED', 'WITHDRAWN']);
    expect(await penaltyRecord(h, decisionNumber)).toMatchObject({ status: 'WITHDRAWN', returns: 1 });
  });

  test('credit repair: asked at a window for the entity, refused before the minimum period (409), decided by another person than the asker (403), granted; publication ends then', async () => {
    // Days of 100 ms and a one-month minimum: repair opens about 3 s after recognition, publication lasts a year.
    const { zone, uscc } = await penaltyZone(h, {
      'penalty.dayLengthMs': 100,
      'penalty.publication': {
        minor: { months: 3, repairAfterMonths: 1 },
        general: { months: 12, repairAfterMonths: 1 },
        serious: { months: 36, repairAfterMonths: 12 },
      },
    });
    const { id, decisionNumber } = await reportedPenalty(h, zone, uscc, { grade: 'general' });
    await complete(h, 'ftz.leader', id, 'reviewPenalty', { decision: 'recognise' });
    const zoneStaff = await h.as(`zone-${zone}.staff`);
    const early = await zoneStaff.post(`/api/processes/${id}/actions/requestCreditRepair`, { rectification: '已整改' });
    expect([early.status, early.body.error.reason]).toEqual([409, 'CREDIT_REPAIR_TOO_EARLY']);
    expect(early.body.error.message).toContain('may be requested from');

    // Asked again until the clock passes the minimum: each refusal before it is a 409 that changes nothing.
    const requested = await eventually(
      async () => {
        const response = await zoneStaff.post(`/api/processes/${id}/actions/requestCreditRepair`, {
          rectification: '已停止违法行为并缴清罚款',
        });
        if (response.status === 409) return undefined;
        return response;
      },
      30_000,
      'the minimum period',
    );
    expect(requested.status).toBe(200);
    const { repairEligibleFrom } = (await penaltyRecord(h, decisionNumber)).creditRecords[0];
    expect(requested.body.state.today >= repairEligibleFrom).toBe(true);
    await complete(h, 'ftz.staff', id, 'decideCreditRepair', { decision: 'refuse', reason: '材料不全' });
    // Asked again at the FTZ's own window: the staff member who asked may not decide it, another one does.
    const ftzWindow = await h.as('ftz.staff');
    expect((await ftzWindow.post(`/api/processes/${id}/actions/requestCreditRepair`, { rectification: '补充材料' })).status).toBe(200);
    const decision = await taskFor(h, 'ftz.staff', id, 'decideCreditRepair');
    const byAsker = await ftzWindow.post(`/api/tasks/${decision.id}/complete`, { decision: 'grant' });
    expect([byAsker.status, byAsker.body.error.reason]).toEqual([403, 'CREDIT_REPAIR_ASKER']);
    expect(byAsker.body.error.message).toContain(
      "ftz.staff asked for this credit repair on the entity's behalf: another person decides it",
    );
    expect((await state(id)).stage).toBe('RECOGNISED');
    await h.db.query(
      `INSERT INTO users (id, username, org_id, roles, password_hash) SELECT 'ftz.staff2', 'ftz.staff2', org_id, roles, password_hash
       FROM users WHERE id = 'ftz.staff' ON CONFLICT DO NOTHING`,
    );
    const granted = await complete(h, 'ftz.staff2', id, 'decideCreditRepair', { decision: 'grant' });
    expect(granted.stage).toBe('REPAIRED');
    const record = await penaltyRecord(h, decisionNumber);
    expect(record.status).toBe('RECOGNISED');
    expect(record.creditRecords[0]).toMatchObject({ status: 'REPAIRED', endedAt: expect.any(String) });
    expect((await timelineKinds(h, id)).slice(-5)).toEqual([
      'penaltyRecognised',
      'creditRepairRequested',
      'creditRepairRefused',
      'creditRepairRequested',
      'creditRepaired',
    ]);
  });

  test('publication ends at the maximum: the credit record ENDED and the process completes', async () => {
    // Minor: one month of 30 ms days.
    const { zone, uscc } = await penaltyZone(h, {
      'penalty.dayLengthMs': 30,
      'penalty.publication': {
        minor: { months: 1, repairAfterMonths: 1 },
        general: { months: 3, repairAfterMonths: 1 },
        serious: { months: 12, repairAfterMonths: 12 },
      },
    });
    const { id, decisionNumber } = await reportedPenalty(h, zone, uscc, { grade: 'minor' });
    await complete(h, 'ftz.leader', id, 'reviewPenalty', { decision: 'recognise' });
    const view = await h.client.workflow.getHandle(id).result();
    expect(view.stage).toBe('PUBLICATION_ENDED');
    expect((await penaltyRecord(h, decisionNumber)).creditRecords[0]).toMatchObject({
      status: 'ENDED',
      endReason: 'publication period ended',
    });
  });

  test('deadlines: the report reminds the zone and escalates, the review escalates to the FTZ, each once', async () => {
    const { zone, uscc } = await penaltyZone(h, { 'penalty.reportPeriod': { seconds: 2 }, 'penalty.reviewPeriod': { seconds: 2 } });
    const filed = await filePenalty(h, zone, uscc);
    const id = filed.body.id;
    const kindsNow = () => timelineKinds(h, id);
    await eventually(async () => ((await kindsNow()).includes('escalated') ? true : undefined), 20_000, 'the report escalation');
    await complete(h, `zone-${zone}.staff`, id, 'reportPenalty', {});
    await eventually(
      async () => ((await kindsNow()).filter((k) => k === 'escalated').length === 2 ? true : undefined),
      20_000,
      'the review escalation',
    );
    const notes = await h.db.query<{ org_id: string; kind: string }>(
      `SELECT org_id, kind FROM notifications WHERE process_id = $1 AND kind <> 'task' ORDER BY id`,
      [id],
    );
    expect(notes.map((n) => `${n.kind}:${n.org_id}`)).toEqual([
      `reminder:zone-${zone}`,
      `escalation:gov-${zone}`,
      'escalation:ftz',
      'reminder:ftz',
      'escalation:ftz',
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
    const filed = await filePenalty(h, zone, uscc, {
      caseId,
      decision: { penalty: { kind: 'licenceRevocation', licence: 'JY12108810000001' } },
    });
    expect(filed.status).toBe(201);
    const linked = await eventually(async () => {
      const [row] = await h.db.query<{ status: string; penalty_process_id: string }>(
        'SELECT status, penalty_process_id FROM penalty_cases WHERE id = $1',
        [caseId],
      );
      return row.status === 'LINKED' ? row : undefined;
    });
    expect(linked.penalty_process_id).toBe(filed.body.id);
    expect((await filePenalty(h, zone, uscc, { caseId })).status).toBe(409);
  });
});
