/**
 * P3: a company registers in the FTZ. Screening against the records, the county government's
 * consent, registration with tax registration in one step, then two tracks side by side: the tax
 * transfer to the local office, and the verification of each licence granted on commitment
 * (rectification, re-check, revocation with a credit record and a penalty case).
 */
import { continueAsNew, setHandler, upsertSearchAttributes, uuid4 } from '@temporalio/workflow';
import type { ZoneEnd } from '../activities/step';
import type { CreditRecord, EntityRecord, LicenceRecord, NormalLicenceRecord, Step, TaxRecord } from '../activities/step';
import type { Grant } from '../activities/registration';
import type { CreditFacts, SupervisionFacts } from '../activities/exchange-compose';
import { stateQuery } from '../domain/state-query';
import { type ActionDefinition, type ActionInput, type PayloadOf } from '../domain/actions';
import type { Deadline } from '../domain/deadline';
import type { Actor } from '../domain/identity';
import { orgIds } from '../domain/names';
import {
  FINAL_REGISTRATION_STAGES,
  maskedRepresentative,
  registrationActions as A,
  type Application,
  type CommitmentItem,
  type NormalRouteItem,
  type Refusal,
  type RegistrationStage,
} from '../domain/registration';
import { searchAttributes } from '../domain/search-attributes';
import { issueUscc } from '../domain/uscc';
import { zoneEndedSignal } from './zone-establishment';
import { exchangeAnsweredSignal, type ExchangeAnswer } from './outbox-delivery';
import {
  actionHandlers,
  activities,
  addEvent,
  awaitEndOfRun,
  beginStep,
  closeTasks,
  enterStage,
  newCore,
  nowIso,
  openTask,
  publishAndCommit,
  refuse as refuseUpdate,
  requireTask,
  resumeCore,
  watchDeadline,
  type ProcessCore,
  type WatchedDeadline,
  takesPatch,
} from './kernel';

/** A deadline of this process: whom it reminds, whom it escalates to, and whether it still runs. */
export type TrackedDeadline = WatchedDeadline & { name: string; what: string; remind: string; escalateTo: string[]; open: boolean };

export interface RegistrationState {
  core: ProcessCore;
  stage: RegistrationStage;
  path: RegistrationStage[];
  launchedBy: Actor;
  /** The application as made, personal data included: workflow payloads are encrypted. */
  application: Application;
  uscc: string;
  zoneCode: string;
  zoneName: string;
  acceptedBy: string;
  refusals: Refusal[];
  entity?: EntityRecord;
  tax?: TaxRecord;
  licences: LicenceRecord[];
  deadlines: TrackedDeadline[];
  historyEventLimit: number;
  /** The zone ended while the application was being screened: it is refused with that reason. */
  zoneEnded?: ZoneEnd;
  /** Items screening put on the normal route (absent in runs from before the route existed). */
  normalItems?: NormalRouteItem[];
  normalLicences?: NormalLicenceRecord[];
  /** The 划转 went to the tax system (absent in runs from before the tax port): sent, then answered. */
  taxBySystem?: 'sent' | 'answered';
  /** Submitted by 政务服务网 (absent for applications made at a window): its case number, and the last status sent back. */
  intake?: { applicationNo: string; reported?: RegistrationStage };
}

export type RegistrationView = Omit<RegistrationState, 'core' | 'application'> & {
  processId: string;
  acceptedActions: string[];
  openTasks: ProcessCore['openTasks'];
  application: Omit<Application, 'legalRepresentative'> & { legalRepresentative: ReturnType<typeof maskedRepresentative> };
};
export type RegistrationArgs =
  { start: Application; launchedBy: Actor; intake?: { applicationNo: string } } | { continued: RegistrationState };

/** Grants from this patch on are published on the credit platform (双公示, 行政许可). */
export const CREDIT_PLATFORM_PATCH = 'credit-platform-port';
/** Verifications, on-site checks, rectification orders and revocations from this patch on go to 互联网+监管. */
export const SUPERVISION_PATCH = 'supervision-port';
/** The workflow's own refusals (a county's refusal of consent, a zone's end) from this patch on carry their facts. */
export const REFUSAL_FACTS_PATCH = 'registration-refusal-facts';

type TaxStep = 'requestTaxTransfer' | 'approveTaxTransfer' | 'confirmTaxTransfer';

export async function entityRegistration(args: RegistrationArgs): Promise<RegistrationView> {
  const state: RegistrationState =
    'continued' in args
      ? args.continued
      : {
          core: newCore('entity-registration'),
          stage: 'SCREENING',
          path: ['SCREENING'],
          launchedBy: args.launchedBy,
          application: args.start,
          uscc: args.start.uscc ?? issueUscc(uuid4().replace(/-/g, '')),
          zoneCode: args.start.residence.divisionCode,
          zoneName: '',
          acceptedBy: args.launchedBy.orgId,
          refusals: [],
          licences: [],
          deadlines: [],
          historyEventLimit: 0,
          ...(args.intake ? { intake: { applicationNo: args.intake.applicationNo } } : {}),
        };
  const core = resumeCore(state.core);
  const county = state.zoneCode;
  const enforcement = orgIds.enforcement(county);

  const view = (): RegistrationView => {
    const { core: _core, application, ...rest } = state;
    return {
      ...rest,
      processId: core.processId,
      acceptedActions: handle.accepted(),
      openTasks: core.openTasks,
      application: { ...application, legalRepresentative: maskedRepresentative(application.legalRepresentative) },
    };
  };
  const write = async (step: Step): Promise<RegistrationView> => {
    reportStatus(step);
    await publishAndCommit(core, state.stage, step);
    watchNewDeadlines();
    return view();
  };
  const enter = (stage: RegistrationStage) => enterStage(state, stage);
  /** 政务服务网 hears each new status of an application it submitted, in the step that made it. */
  function reportStatus(step: Step): void {
    const intake = state.intake;
    if (!intake || intake.reported === state.stage) return;
    intake.reported = state.stage;
    const reasons = state.stage === 'REFUSED' ? state.refusals.map((r) => r.message) : undefined;
    exchange(step, 'gov-service', 'ftz', {
      applicationNo: intake.applicationNo,
      uscc: state.uscc,
      status: state.stage,
      at: step.at,
      ...(reasons ? { reasons } : {}),
    });
  }
  function exchange(step: Step, channel: 'credit' | 'supervision' | 'gov-service', orgId: string, facts: Record<string, unknown>): void {
    step.exchanges = [...(step.exchanges ?? []), { channel, orgId, payload: facts }];
  }
  /** A supervision record to 互联网+监管 (patched: runs from before the port send none). */
  function supervise(
    step: Step,
    kind: SupervisionFacts['kind'],
    licenceId: string,
    powerCode: string,
    details: Record<string, unknown>,
  ): void {
    if (!takesPatch(SUPERVISION_PATCH)) return;
    const facts: SupervisionFacts = { kind, uscc: state.uscc, powerCode, organ: enforcement, on: step.at, details };
    exchange(step, 'supervision', enforcement, facts as unknown as Record<string, unknown>);
    addEvent(core, step, 'supervisionSent', null, { kind, licenceId });
  }
  const licence = (id: unknown) => state.licences.find((l) => l.id === id) as LicenceRecord;

  function track(name: string, deadline: Deadline, what: string, remind: string, escalateTo: string[]): void {
    state.deadlines.push({ ...deadline, name, what, remind, escalateTo, open: true, reminded: false, escalated: false });
  }
  function settle(name: string): void {
    for (const d of state.deadlines) if (d.name === name) d.open = false;
  }

  /** Each open deadline gets one watcher per run: reminder at half time, escalation when missed. */
  const watched = new Set<string>();
  function watchNewDeadlines(): void {
    for (const deadline of state.deadlines.filter((d) => d.open && !watched.has(d.name))) {
      watched.add(deadline.name);
      void watchDeadline(
        core,
        deadline,
        () => !deadline.open,
        () => notify(deadline, 'reminder', [deadline.remind], `${deadline.what}: due ${deadline.dueAt}`),
        () => notify(deadline, 'escalation', deadline.escalateTo, `${deadline.what}: overdue since ${deadline.dueAt}`),
      );
    }
  }
  function notify(deadline: TrackedDeadline, kind: 'reminder' | 'escalation', to: string[], message: string) {
    const step = beginStep(core);
    step.notifications = to.map((orgId) => ({ orgId, kind, message: `${core.processId} (${state.uscc}): ${message}` }));
    addEvent(core, step, kind === 'reminder' ? 'reminderSent' : 'escalated', null, {
      deadline: deadline.name,
      what: deadline.what,
      dueAt: deadline.dueAt,
      to,
    });
    return publishAndCommit(core, state.stage, step);
  }

  function refuse(step: Step, refusals: Refusal[], actor: Actor | null): void {
    state.refusals = refusals;
    closeTasks(core, step, () => true, null);
    addEvent(core, step, 'applicationRefused', actor, { reasons: refusals.map((r) => r.code), refusals });
    enter('REFUSED');
  }

  /** The items on commitment: those screening did not put on the normal route. */
  function commitmentItems(): CommitmentItem[] {
    const normal = new Set((state.normalItems ?? []).map((i) => i.powerCode));
    return state.application.licenceItems.filter((i): i is CommitmentItem => i.variant !== 'normalRoute' && !normal.has(i.powerCode));
  }

  /** Registered, taxed, transferred, every commitment settled and every normal-route licence decided: the process's work is done. */
  function completeIfSettled(step: Step): void {
    const transferred = state.tax?.transferStatus === 'CONFIRMED';
    const verified = state.licences.every((l) => l.verificationStatus === 'COMPLIANT' || l.verificationStatus === 'REVOKED');
    const decided = (state.normalLicences ?? []).every((l) => l.status === 'GRANTED' || l.status === 'REFUSED');
    if (!transferred || !verified || !decided) return;
    addEvent(core, step, 'registrationCompleted', null, { uscc: state.uscc, taxOffice: state.tax!.office });
    enter('COMPLETED');
  }

  const handle = actionHandlers(core, write, view);
  handle({
    action: A.consentRegistration,
    check: (input) => requireTask(core, A.consentRegistration, input),
    prepare: async (input) => {
      if (input.payload.decision !== 'agree') return undefined;
      const at = nowIso();
      const items = commitmentItems().map((i) => ({
        powerCode: i.powerCode,
        conditionsDue: i.variant === 'conditionsByDate' ? i.conditionsDue : undefined,
      }));
      // Whether a tax system is configured, asked once and kept in history (runs from before the port ask nothing).
      const bySystem = takesPatch('tax-transfer-by-system') ? activities.taxTransferBySystem() : Promise.resolve(false);
      const [plan, taxDeadline, taxBySystem] = await Promise.all([
        activities.planGrant({ zoneCode: county, items, at }),
        activities.planDeadline({ key: 'registration.taxStepPeriod', scope: county, start: at }),
        bySystem,
      ]);
      return { ...plan, taxDeadline, taxBySystem };
    },
    decide: (input, step, plan) => {
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      settle('consent');
      if (input.payload.decision === 'refuse') {
        addEvent(core, step, 'consentRefused', input.actor, { reason: input.payload.reason });
        const consent: Refusal = {
          code: 'consent-refused',
          message: `${input.actor.orgId} refused consent: ${input.payload.reason}`,
          ...(takesPatch(REFUSAL_FACTS_PATCH) ? { facts: { orgId: input.actor.orgId, reason: input.payload.reason } } : {}),
        };
        refuse(step, [consent], input.actor);
        return;
      }
      addEvent(core, step, 'consentGiven', input.actor, {});
      if (plan!.refusals.length) {
        refuse(step, plan!.refusals, null);
        return;
      }
      register(step, plan!.grants, plan!.taxDeadline, plan!.taxBySystem === true);
    },
  });

  /** Registration and tax registration in one step, each licence granted, verification and transfer opened. */
  function register(step: Step, grants: Grant[], taxDeadline: Deadline, taxBySystem: boolean): void {
    const a = state.application;
    state.entity = {
      uscc: state.uscc,
      name: a.name,
      zoneCode: county,
      residence: a.residence,
      businessAddresses: a.businessAddresses,
      businessScope: a.businessScope,
      legalRepresentative: maskedRepresentative(a.legalRepresentative),
      acceptedBy: state.acceptedBy,
      status: 'REGISTERED',
      registeredAt: step.at,
    };
    state.tax = {
      uscc: state.uscc,
      office: 'tax-ftz',
      transferStatus: 'NONE',
      transferTo: orgIds.taxOffice(county),
      registeredAt: step.at,
    };
    step.entity = state.entity;
    step.tax = state.tax;
    addEvent(core, step, 'entityRegistered', null, { uscc: state.uscc, name: a.name, zoneCode: county, taxOffice: 'tax-ftz' });
    for (const grant of grants) {
      const item = commitmentItems().find((i) => i.powerCode === grant.powerCode)!;
      const record: LicenceRecord = {
        id: `${state.uscc}/${grant.powerCode}`,
        uscc: state.uscc,
        zoneCode: county,
        powerCode: grant.powerCode,
        agreementId: grant.agreementId,
        agreementVersion: grant.agreementVersion,
        variant: item.variant,
        commitment: item.commitment,
        conditionsDue: item.variant === 'conditionsByDate' ? item.conditionsDue : undefined,
        status: item.variant === 'conditionsMet' ? 'GRANTED' : 'GRANTED_PENDING',
        verificationStatus: 'PENDING',
        enforcementOrg: enforcement,
        verificationDue: grant.verificationDeadline.dueAt,
        grantedAt: step.at,
      };
      state.licences.push(record);
      addEvent(core, step, 'licenceGranted', null, {
        licenceId: record.id,
        powerCode: grant.powerCode,
        status: record.status,
        conditionsDue: record.conditionsDue,
        agreementId: grant.agreementId,
        agreementVersion: grant.agreementVersion,
        verifyBy: record.verificationDue,
      });
      openTask(
        core,
        step,
        A.verifyCommitment,
        enforcement,
        {
          licenceId: record.id,
          uscc: state.uscc,
          powerCode: grant.powerCode,
          powerName: grant.powerName,
          commitment: item.commitment,
          conditionsDue: record.conditionsDue,
        },
        record.verificationDue,
      );
      track(`verification:${record.id}`, grant.verificationDeadline, `verification of ${record.id}`, enforcement, [
        orgIds.zoneBody(county),
        'ftz',
      ]);
    }
    step.licences = [...state.licences];
    applyByNormalRoute(step);
    enter('SUPERVISING');
    if (taxBySystem) sendTaxTransfer(step);
    else openTaxStep(step, 'requestTaxTransfer', taxDeadline);
    // After the 划转 (its key stays the step's first exchange): each licence on commitment is published (双公示, 行政许可).
    if (state.licences.length && takesPatch(CREDIT_PLATFORM_PATCH)) {
      for (const l of state.licences) {
        const facts: CreditFacts = {
          kind: 'licence',
          licenceId: l.id,
          uscc: state.uscc,
          powerCode: l.powerCode,
          commitment: l.commitment,
          grantedOn: step.at,
          organ: orgIds.zoneBody(county),
          source: 'ftz',
        };
        exchange(step, 'credit', 'ftz', facts as unknown as Record<string, unknown>);
        addEvent(core, step, 'creditPlatformSent', null, { kind: 'licence', licenceId: l.id });
      }
    }
  }

  const TAX_STEPS: Record<
    TaxStep,
    { org: string; next?: TaxStep; status: TaxRecord['transferStatus']; at: 'requestedAt' | 'approvedAt' | 'confirmedAt' }
  > = {
    requestTaxTransfer: { org: 'tax-ftz', next: 'approveTaxTransfer', status: 'REQUESTED', at: 'requestedAt' },
    approveTaxTransfer: { org: 'tax-city', next: 'confirmTaxTransfer', status: 'APPROVED', at: 'approvedAt' },
    confirmTaxTransfer: { org: orgIds.taxOffice(county), status: 'CONFIRMED', at: 'confirmedAt' },
  };
  function openTaxStep(step: Step, name: TaxStep, deadline: Deadline, because: Record<string, unknown> = {}): void {
    const { org } = TAX_STEPS[name];
    openTask(
      core,
      step,
      A[name],
      org,
      { uscc: state.uscc, from: 'tax-ftz', to: orgIds.taxOffice(county), via: 'tax-city', ...because },
      deadline.dueAt,
    );
    // The city bureau oversees the transfer; its own step is overseen by the FTZ.
    track(`tax:${name}`, deadline, `${A[name].title.en} for ${state.uscc}`, org, [org === 'tax-city' ? 'ftz' : 'tax-city']);
  }

  for (const name of Object.keys(TAX_STEPS) as TaxStep[]) {
    const { next, status, at } = TAX_STEPS[name];
    handle({
      action: A[name],
      check: (input) => requireTask(core, A[name], input),
      prepare: () =>
        next ? activities.planDeadline({ key: 'registration.taxStepPeriod', scope: county, start: nowIso() }) : Promise.resolve(undefined),
      decide: (input, step, nextDeadline) => {
        closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
        settle(`tax:${name}`);
        state.tax = {
          ...state.tax!,
          transferStatus: status,
          [at]: step.at,
          ...(status === 'CONFIRMED' ? { office: state.tax!.transferTo! } : {}),
        };
        step.tax = state.tax;
        addEvent(
          core,
          step,
          status === 'CONFIRMED' ? 'taxTransferred' : `taxTransfer${status[0]}${status.slice(1).toLowerCase()}`,
          input.actor,
          { reference: input.payload.reference, to: state.tax.transferTo },
        );
        if (next) openTaxStep(step, next, nextDeadline!);
        completeIfSettled(step);
      },
    });
  }

  /** 四(三)2: the 划转 is asked of the city bureau's system at once, in the registration's own step. */
  function sendTaxTransfer(step: Step): void {
    state.tax = { ...state.tax!, transferStatus: 'REQUESTED', requestedAt: step.at };
    step.tax = state.tax;
    state.taxBySystem = 'sent';
    step.exchanges = [
      ...(step.exchanges ?? []),
      {
        channel: 'tax',
        orgId: 'tax-ftz',
        replyTo: core.processId,
        payload: {
          uscc: state.uscc,
          entityName: state.application.name,
          fromOffice: 'tax-ftz',
          viaOffice: 'tax-city',
          toOffice: state.tax.transferTo!,
          divisionCode: county,
          registeredAt: step.at,
          processId: core.processId,
        },
      },
    ];
    addEvent(core, step, 'taxTransferSent', null, { to: state.tax.transferTo });
  }

  /** The system's answer: accepted completes the transfer with no one's task; a refusal or an outage is the FTZ tax office's task. */
  async function taxAnswered(answer: ExchangeAnswer): Promise<void> {
    const said =
      answer.outcome === 'answered'
        ? (answer.answer as { result: 'accepted'; reference: string } | { result: 'refused'; reason: string })
        : undefined;
    // Held like a step in flight: the run does not continue as new between the answer and its record.
    core.inFlight++;
    try {
      const deadline =
        said?.result === 'accepted'
          ? undefined
          : await activities.planDeadline({ key: 'registration.taxStepPeriod', scope: county, start: nowIso() });
      const step = beginStep(core);
      const to = state.tax!.transferTo!;
      if (said?.result === 'accepted') {
        state.tax = { ...state.tax!, transferStatus: 'CONFIRMED', approvedAt: step.at, confirmedAt: step.at, office: to };
        addEvent(core, step, 'taxTransferred', null, { reference: said.reference, to, bySystem: true });
      } else {
        const reason = said?.result === 'refused' ? said.reason : (answer.error ?? '');
        state.tax = { ...state.tax!, transferStatus: 'NONE' };
        addEvent(core, step, said ? 'taxTransferRefusedBySystem' : 'taxTransferUndelivered', null, { reason, to });
        openTaxStep(step, 'requestTaxTransfer', deadline!, { systemSaid: reason });
      }
      step.tax = state.tax;
      completeIfSettled(step);
      await write(step);
    } finally {
      core.inFlight--;
    }
  }
  setHandler(exchangeAnsweredSignal, async (answer) => {
    if (answer.channel !== 'tax' || state.taxBySystem !== 'sent') return;
    // Taken in, decided later: the decision comes by the system's callback (patched: earlier runs never heard `pending`).
    if ((answer.answer as { result?: string } | undefined)?.result === 'pending' && takesPatch('tax-callback')) {
      const step = beginStep(core);
      addEvent(core, step, 'taxTransferPending', null, { to: state.tax!.transferTo });
      await write(step);
      return;
    }
    state.taxBySystem = 'answered';
    await taxAnswered(answer);
  });

  const verificationCheck =
    (action: typeof A.verifyCommitment, status: LicenceRecord['verificationStatus']) => (input: ActionInput<PayloadOf<typeof action>>) => {
      const task = requireTask(core, action, input);
      if (licence(task.context.licenceId)?.verificationStatus !== status)
        refuseUpdate('LICENCE_NOT_IN_STATUS', {
          licenceId: String(task.context.licenceId),
          status: licence(task.context.licenceId)?.verificationStatus ?? 'none',
          expected: status,
        });
    };
  const taskLicence = (input: ActionInput) => licence(core.openTasks.find((t) => t.id === input.taskId)?.context.licenceId);

  handle({
    action: A.verifyCommitment,
    check: verificationCheck(A.verifyCommitment, 'PENDING'),
    prepare: (input) =>
      input.payload.result === 'nonCompliant'
        ? activities.planDeadline({ key: 'registration.rectificationPeriod', scope: county, start: nowIso() })
        : Promise.resolve(undefined),
    decide: (input, step, rectification) => {
      const record = taskLicence(input);
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      settle(`verification:${record.id}`);
      record.verifiedAt = step.at;
      record.verifiedOnTime = step.at <= record.verificationDue;
      if (input.payload.result === 'compliant') {
        Object.assign(record, { verificationStatus: 'COMPLIANT', status: 'GRANTED' });
        addEvent(core, step, 'commitmentVerified', input.actor, {
          licenceId: record.id,
          onTime: record.verifiedOnTime,
          note: input.payload.note,
        });
        supervise(step, 'verification', record.id, record.powerCode, {
          核查结果: '合格',
          按期核查: record.verifiedOnTime,
          ...(input.payload.note ? { 核查说明: input.payload.note } : {}),
        });
      } else {
        Object.assign(record, { verificationStatus: 'RECTIFYING', rectificationDue: rectification!.dueAt });
        addEvent(core, step, 'rectificationOrdered', input.actor, {
          licenceId: record.id,
          findings: input.payload.findings,
          rectifyBy: rectification!.dueAt,
          onTime: record.verifiedOnTime,
        });
        openTask(
          core,
          step,
          A.recheckCommitment,
          enforcement,
          { licenceId: record.id, uscc: state.uscc, powerCode: record.powerCode, findings: input.payload.findings },
          rectification!.dueAt,
        );
        supervise(step, 'verification', record.id, record.powerCode, {
          核查结果: '不合格',
          按期核查: record.verifiedOnTime,
          核查说明: input.payload.findings,
        });
        supervise(step, 'rectificationOrder', record.id, record.powerCode, {
          整改事项: input.payload.findings,
          整改期限: rectification!.dueAt,
        });
      }
      step.licences = [record];
      completeIfSettled(step);
    },
  });

  handle({
    action: A.recheckCommitment,
    check: verificationCheck(A.recheckCommitment, 'RECTIFYING'),
    decide: (input, step) => {
      const record = taskLicence(input);
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      if (input.payload.result === 'compliant') {
        Object.assign(record, { verificationStatus: 'COMPLIANT', status: 'GRANTED' });
        addEvent(core, step, 'rectificationAccepted', input.actor, { licenceId: record.id, note: input.payload.note });
      } else {
        revoke(step, record, input.payload.findings, input.actor);
      }
      step.licences = [record];
      completeIfSettled(step);
    },
  });

  /** A commitment not kept after rectification: the licence goes, the entity loses the commitment route, a penalty case opens. */
  function revoke(step: Step, record: LicenceRecord, findings: string, actor: Actor): void {
    Object.assign(record, { verificationStatus: 'REVOKED', status: 'REVOKED', revokedAt: step.at });
    const credit: CreditRecord = {
      id: `breach-${record.id}`,
      uscc: state.uscc,
      kind: 'commitment-breach',
      reason: `commitment under ${record.powerCode} not kept after rectification: ${findings}`,
      barsCommitment: true,
      recordedAt: step.at,
      status: 'ACTIVE',
    };
    const caseId = `case-${record.id.replace('/', '-')}`;
    step.creditRecords = [credit];
    step.penaltyCases = [
      {
        id: caseId,
        uscc: state.uscc,
        zoneCode: county,
        enforcementOrg: enforcement,
        reason: credit.reason,
        licenceId: record.id,
        openedAt: step.at,
      },
    ];
    addEvent(core, step, 'licenceRevoked', actor, { licenceId: record.id, findings });
    supervise(step, 'revocation', record.id, record.powerCode, { 撤销原因: findings });
    addEvent(core, step, 'creditRecorded', null, { creditRecordId: credit.id, uscc: state.uscc, barsCommitment: true });
    addEvent(core, step, 'penaltyCaseOpened', null, { caseId, enforcementOrg: enforcement });
  }

  /** Each normal-route item becomes a licence application, reviewed first at the FTZ window (四(二)2). */
  function applyByNormalRoute(step: Step): void {
    if (!state.normalItems?.length) return;
    state.normalLicences = state.normalItems.map((item) => ({
      id: `${state.uscc}/${item.powerCode}`,
      uscc: state.uscc,
      zoneCode: county,
      powerCode: item.powerCode,
      powerName: item.powerName,
      reason: item.reason,
      because: item.because,
      status: 'UNDER_REVIEW',
      enforcementOrg: enforcement,
      appliedAt: step.at,
    }));
    for (const l of state.normalLicences) {
      addEvent(core, step, 'licenceApplied', null, { licenceId: l.id, powerCode: l.powerCode, reason: l.reason, because: l.because });
      openTask(core, step, A.reviewLicenceApplication, 'ftz', {
        licenceId: l.id,
        uscc: state.uscc,
        powerCode: l.powerCode,
        powerName: l.powerName,
        because: l.because,
      });
    }
    step.normalLicences = [...state.normalLicences];
  }

  const normalLicence = (input: ActionInput) => {
    const task = core.openTasks.find((t) => t.id === input.taskId);
    return (state.normalLicences ?? []).find((l) => l.id === task?.context.licenceId) as NormalLicenceRecord;
  };
  const normalLicenceCheck = (action: ActionDefinition, status: NormalLicenceRecord['status']) => (input: ActionInput) => {
    requireTask(core, action, input);
    const application = normalLicence(input);
    if (application?.status !== status) {
      refuseUpdate('LICENCE_NOT_IN_STATUS', {
        licenceId: String(application?.id ?? ''),
        status: application?.status ?? 'none',
        expected: status,
      });
    }
  };
  /** One step of the normal route: the task closed, the record changed, the next task (if any) opened. */
  function normalRouteStep(input: ActionInput, step: Step, change: (l: NormalLicenceRecord) => void): NormalLicenceRecord {
    const record = normalLicence(input);
    closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
    change(record);
    step.normalLicences = [record];
    return record;
  }

  handle({
    action: A.reviewLicenceApplication,
    check: normalLicenceCheck(A.reviewLicenceApplication, 'UNDER_REVIEW'),
    decide: (input, step) => {
      const p = input.payload;
      const record = normalRouteStep(input, step, (l) => {
        l.review = { ...p, by: input.actor, at: step.at };
        l.status = p.decision === 'accept' ? 'ON_SITE_CHECK' : 'REFUSED';
      });
      if (p.decision === 'refuse') {
        addEvent(core, step, 'licenceRefused', input.actor, { licenceId: record.id, stage: 'review', reason: p.reason });
      } else {
        addEvent(core, step, 'licenceApplicationAccepted', input.actor, { licenceId: record.id, note: p.note });
        openTask(core, step, A.checkOnSite, enforcement, {
          licenceId: record.id,
          uscc: state.uscc,
          powerCode: record.powerCode,
          powerName: record.powerName,
        });
      }
      completeIfSettled(step);
    },
  });

  handle({
    action: A.checkOnSite,
    check: normalLicenceCheck(A.checkOnSite, 'ON_SITE_CHECK'),
    decide: (input, step) => {
      const record = normalRouteStep(input, step, (l) => {
        l.onSiteCheck = { ...input.payload, by: input.actor, at: step.at };
        l.status = 'AWAITING_DECISION';
      });
      addEvent(core, step, 'onSiteChecked', input.actor, {
        licenceId: record.id,
        result: input.payload.result,
        findings: input.payload.findings,
        checkedOn: input.payload.checkedOn,
      });
      supervise(step, 'onSiteCheck', record.id, record.powerCode, {
        检查结果: input.payload.result === 'meets' ? '合格' : '不合格',
        检查发现: input.payload.findings,
        检查日期: input.payload.checkedOn,
      });
      openTask(core, step, A.decideLicence, 'ftz', {
        licenceId: record.id,
        uscc: state.uscc,
        powerCode: record.powerCode,
        powerName: record.powerName,
        onSiteCheck: input.payload,
      });
    },
  });

  handle({
    action: A.decideLicence,
    check: normalLicenceCheck(A.decideLicence, 'AWAITING_DECISION'),
    decide: (input, step) => {
      const p = input.payload;
      const record = normalRouteStep(input, step, (l) => {
        if (p.decision === 'grant') {
          Object.assign(l, { status: 'GRANTED', licenceNumber: p.licenceNumber, validFrom: p.validFrom, validUntil: p.validUntil });
          l.decision = { decision: 'grant', by: input.actor, at: step.at };
        } else {
          l.status = 'REFUSED';
          l.decision = { decision: 'refuse', reason: p.reason, by: input.actor, at: step.at };
        }
      });
      if (p.decision === 'grant') {
        addEvent(core, step, 'licenceIssued', input.actor, {
          licenceId: record.id,
          powerCode: record.powerCode,
          licenceNumber: p.licenceNumber,
          validFrom: p.validFrom,
          validUntil: p.validUntil,
        });
      } else {
        addEvent(core, step, 'licenceRefused', input.actor, { licenceId: record.id, stage: 'decision', reason: p.reason });
      }
      completeIfSettled(step);
    },
  });

  /** The residence's zone ended before consent: the application is refused with the zone's reason. */
  const zoneEndRefusal = (end: ZoneEnd): Refusal => ({
    code: 'zone-terminated',
    message: `zone ${end.zoneCode} was terminated on ${end.terminatedOn}: ${end.reason}`,
    ...(takesPatch(REFUSAL_FACTS_PATCH) ? { facts: { countyCode: end.zoneCode, terminatedOn: end.terminatedOn, reason: end.reason } } : {}),
  });
  setHandler(zoneEndedSignal, async (end) => {
    if (state.stage === 'SCREENING') state.zoneEnded = end;
    if (state.stage !== 'AWAITING_CONSENT') return;
    const step = beginStep(core);
    settle('consent');
    refuse(step, [zoneEndRefusal(end)], null);
    await write(step);
  });
  setHandler(stateQuery, view);

  if (state.stage === 'SCREENING') {
    const at = nowIso();
    const screening = await activities.screenApplication({ application: state.application, at });
    state.zoneName = screening.zoneName;
    state.historyEventLimit = screening.historyEventLimit;
    if (!state.application.uscc) upsertSearchAttributes([{ key: searchAttributes.entityUscc, value: state.uscc }]);
    const step = beginStep(core);
    addEvent(core, step, 'applicationReceived', state.launchedBy, {
      uscc: state.uscc,
      name: state.application.name,
      acceptedBy: state.acceptedBy,
      zoneCode: county,
      items: state.application.licenceItems.length,
    });
    const window = /^zone-(\d{6})$/.exec(state.acceptedBy)?.[1];
    // No-difference acceptance: any zone's window takes the application; the residence decides the county.
    if (window && window !== county) addEvent(core, step, 'routedToCounty', null, { acceptedBy: state.acceptedBy, zoneCode: county });
    // Restricted entries and a barring credit record put items on the normal route instead of refusing.
    if ((screening.normalItems?.length || screening.notices?.length) && takesPatch('normal-licence-route'))
      state.normalItems = screening.normalItems;
    const refusals = state.zoneEnded ? [...screening.refusals, zoneEndRefusal(state.zoneEnded)] : screening.refusals;
    if (refusals.length) {
      refuse(step, refusals, null);
    } else {
      const consent = await activities.planDeadline({ key: 'registration.consentPeriod', scope: county, start: at });
      const normalRoute =
        state.normalItems?.length || screening.notices?.length ? { normalRoute: state.normalItems ?? [], notices: screening.notices } : {};
      addEvent(core, step, 'applicationScreened', null, { items: screening.items.map((i) => i.powerCode), ...normalRoute });
      enter('AWAITING_CONSENT');
      openTask(
        core,
        step,
        A.consentRegistration,
        orgIds.government(county),
        { uscc: state.uscc, name: state.application.name, zoneName: state.zoneName, items: screening.items, ...normalRoute },
        consent.dueAt,
      );
      track('consent', consent, `consent to registering ${state.uscc}`, orgIds.government(county), ['ftz', 'city']);
    }
    await write(step);
  }
  watchNewDeadlines();

  const done = () => FINAL_REGISTRATION_STAGES.includes(state.stage);
  const final = await awaitEndOfRun(core, done, state.historyEventLimit);
  if (!final) return continueAsNew<typeof entityRegistration>({ continued: state });
  return view();
}
