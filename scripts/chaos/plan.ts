/**
 * The chaos run's mix of processes: each flow drives a process to a point (its end, or a human
 * step it then waits at) and says what that point is and which records it must have written, each
 * exactly once. The reconciliation compares these, the workflow's own state and the records.
 */
import type { Api } from '../lab/api-client';
import { act, agreementContent, body, launch, memorandum, processAction, termOf, today } from '../lab/flows';
import { launchInput, townships } from '../../test/support/zone-flow';
import { addDays } from '../../domain/agreements';
import { issueUscc } from '../../domain/uscc';
import { decisionFacts, reportDocument } from '../../test/support/penalty-flow';
import type { IntakeRequest } from '../../integrations/gov-service/messages';

export interface Expected {
  stage: string;
  /** RUNNING (waiting) or COMPLETED (finished). */
  status: 'RUNNING' | 'COMPLETED';
  /** Timeline events, in order: one per intended write. */
  events: string[];
  /** Steps committed (rows of step_results). */
  steps: number;
  /** Task ledger rows ever opened, and the ones open at the end as `action@org`. */
  tasks: number;
  openTasks: string[];
  /** Registry rows: zones, memoranda, agreements, agreement versions, entities and their tax records, penalties with their reviews and credit records. */
  records: { zones: number; memoranda: number; agreements: number; versions: number; entities: number; penalties: number };
  /** The registry status of the zone, agreement or entity, when there is one. */
  recordStatus?: string;
  /** For an application 政务服务网 submitted: the statuses it must hear back, each once. */
  statusFeed?: string[];
}

/** What a flow may need beyond the API: 政务服务网 submitting an application (signed, retried while the API is away). */
export interface DriveContext {
  submit(request: IntakeRequest): Promise<string>;
}

export interface Flow {
  name: string;
  kind: 'zone' | 'agreement' | 'registration' | 'penalty';
  expected(code: string): Expected;
  /**
   * Where the outcome hangs on the outage: what is expected when the 划转 outlasted the retry policy
   * (its outbox message FAILED) rather than getting through once the tax system was back.
   */
  undelivered?(code: string): Expected;
  /** Drives the process; returns its id. `code` is the county (zones) or the host zone (the others); `n` numbers terms and entities. */
  drive(api: Api, code: string, n: number, ctx: DriveContext): Promise<string>;
}

const none = { zones: 0, memoranda: 0, agreements: 0, versions: 0, entities: 0, penalties: 0 };
const SIGNED = ['launched', 'memorandumDrafted', 'memorandumSigned', 'memorandumSigned', 'zoneRecorded'];
const CONCLUDED = ['agreementLaunched', 'agreementDrafted', 'agreementSigned', 'agreementSigned', 'agreementConcluded'];
const items = [{ powerCode: 'XK-004' }, { powerCode: 'JC-002' }];

async function launchZone(api: Api, county: string): Promise<string> {
  return launch(api, 'city.admin', 'zone-establishment', launchInput(county), `zone-${county}`);
}

async function concluded(api: Api, zone: string, n: number): Promise<string> {
  const id = await launch(api, 'ftz.admin', 'delegation-agreement', { zoneCode: zone });
  await act(api, 'ftz.staff', id, 'draftAgreement', agreementContent(items, termOf(n)));
  await act(api, `gov-${zone}.leader`, id, 'reviewAgreement', { decision: 'sign' });
  await act(api, 'ftz.leader', id, 'reviewAgreement', { decision: 'sign' });
  return id;
}

/** A registration's writes up to the registration step, which also sends the 划转 to the tax system (its sent event is the platforms' to reconcile). */
const REGISTERED = ['applicationReceived', 'applicationScreened', 'consentGiven', 'entityRegistered'];
/** The tax system stayed down past the retry policy: the FTZ tax office's task, then the manual chain. */
const UNDELIVERED = [...REGISTERED, 'taxTransferUndelivered'];

/** The USCC of the run's `n`th company. */
const usccOf = (n: number) => issueUscc(`C${String(n).padStart(8, '0')}`);

/** A company residing in the host zone, the `n`th of the run, asking no licence. */
function applicationOf(zone: string, n: number) {
  return {
    name: `故障注入演练商贸有限公司${n}`,
    uscc: usccOf(n),
    legalRepresentative: { name: '王海', idNumber: '21080419800101123X', phone: '13904171234' },
    residence: { divisionCode: zone, townshipCode: townships(zone).inside[0], address: `协同区创业路${n}号` },
    businessAddresses: [{ address: `协同区商贸街${n}号` }],
    businessScope: '日用百货销售',
    licenceItems: [],
  };
}

/** Applied at the FTZ's window and consented: registered, and the 划转 sent to the tax system at once. */
async function registered(api: Api, zone: string, n: number): Promise<string> {
  const application = applicationOf(zone, n);
  const id = await launch(api, 'ftz.staff', 'entity-registration', application, `registration-${application.uscc}`);
  await act(api, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
  return id;
}

/**
 * Registered while the tax system is down, which it stays until every process is driven: the 划转
 * outlasts the retry policy and becomes the FTZ tax office's task, asked and approved by hand.
 */
async function registeredAndApproved(api: Api, zone: string, n: number): Promise<string> {
  const id = await registered(api, zone, n);
  await act(api, 'tax-ftz.staff', id, 'requestTaxTransfer', { reference: `营自贸税迁〔2026〕${n}号` });
  await act(api, 'tax-city.staff', id, 'approveTaxTransfer', { reference: `营税迁批〔2026〕${n}号` });
  return id;
}

/** Taken by the tax system (at once, or once it is back within the retry policy): no task but the consent. */
const BY_SYSTEM: Expected = {
  stage: 'COMPLETED',
  status: 'COMPLETED',
  events: [...REGISTERED, 'taxTransferred', 'registrationCompleted'],
  steps: 3,
  tasks: 1,
  openTasks: [],
  records: { ...none, entities: 2 },
  recordStatus: 'REGISTERED',
};
/** Not taken within the retry policy: the FTZ tax office's task (申请税务划转) with the system's silence as its reason. */
const LEFT_TO_TAX_OFFICE: Expected = {
  ...BY_SYSTEM,
  stage: 'SUPERVISING',
  status: 'RUNNING',
  events: UNDELIVERED,
  tasks: 2,
  openTasks: ['requestTaxTransfer@tax-ftz'],
};

export const flows: Flow[] = [
  {
    name: 'zone established',
    kind: 'zone',
    expected: () => ({
      stage: 'ACTIVE',
      status: 'RUNNING',
      events: [...SIGNED, 'bodyNamed'],
      steps: 5,
      tasks: 4,
      openTasks: [],
      records: { ...none, zones: 1, memoranda: 1 },
      recordStatus: 'ACTIVE',
    }),
    async drive(api, county) {
      const id = await launchZone(api, county);
      await act(api, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
      await act(api, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
      await act(api, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
      await act(api, `gov-${county}.staff`, id, 'nameManagementBody', body);
      return id;
    },
  },
  {
    name: 'zone returned once, signed, waiting for its body',
    kind: 'zone',
    expected: (county) => ({
      stage: 'AWAITING_BODY',
      status: 'RUNNING',
      events: ['launched', 'memorandumDrafted', 'memorandumSigned', 'memorandumReturned', 'signaturesVoided', ...SIGNED.slice(1)],
      steps: 7,
      tasks: 7,
      openTasks: [`nameManagementBody@gov-${county}`],
      records: { ...none, zones: 1, memoranda: 2 },
      recordStatus: 'ACTIVE_PENDING_BODY',
    }),
    async drive(api, county) {
      const id = await launchZone(api, county);
      await act(api, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
      await act(api, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
      await act(api, 'ftz.staff', id, 'reviewMemorandum', { decision: 'return', comments: '面积需核实' });
      await act(api, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
      await act(api, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
      await act(api, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
      return id;
    },
  },
  {
    name: 'zone waiting for its draft',
    kind: 'zone',
    expected: () => ({
      stage: 'DRAFTING',
      status: 'RUNNING',
      events: ['launched'],
      steps: 1,
      tasks: 1,
      openTasks: ['draftMemorandum@ftz'],
      records: none,
    }),
    drive: (api, county) => launchZone(api, county),
  },
  {
    name: 'agreement concluded, announced, terminated',
    kind: 'agreement',
    expected: () => ({
      stage: 'TERMINATED',
      status: 'COMPLETED',
      events: [...CONCLUDED, 'agreementAnnounced', 'agreementTerminated'],
      steps: 6,
      tasks: 4,
      openTasks: [],
      records: { ...none, agreements: 1, versions: 1 },
      recordStatus: 'TERMINATED',
    }),
    async drive(api, zone, n) {
      const id = await concluded(api, zone, n);
      await act(api, 'ftz.staff', id, 'announceAgreement', { announcementRef: `营自贸委〔2026〕${n}号`, announcedOn: today() });
      await processAction(api, 'ftz.admin', id, 'terminateAgreement', { reason: '故障注入演练' });
      return id;
    },
  },
  {
    name: 'agreement returned, drafted again, waiting for signatures',
    kind: 'agreement',
    expected: (zone) => ({
      stage: 'SIGNING',
      status: 'RUNNING',
      events: ['agreementLaunched', 'agreementDrafted', 'agreementReturned', 'agreementDrafted'],
      steps: 4,
      tasks: 6,
      openTasks: [`reviewAgreement@ftz`, `reviewAgreement@gov-${zone}`],
      records: { ...none, agreements: 1, versions: 2 },
      recordStatus: 'NEGOTIATING',
    }),
    async drive(api, zone, n) {
      const id = await launch(api, 'ftz.admin', 'delegation-agreement', { zoneCode: zone });
      await act(api, 'ftz.staff', id, 'draftAgreement', agreementContent(items, termOf(n)));
      await act(api, `gov-${zone}.staff`, id, 'reviewAgreement', { decision: 'return', comments: '调整事项' });
      await act(api, 'ftz.staff', id, 'draftAgreement', agreementContent(items, termOf(n)));
      return id;
    },
  },
  {
    name: 'agreement announced, waiting for its start',
    kind: 'agreement',
    expected: () => ({
      stage: 'PENDING_START',
      status: 'RUNNING',
      events: [...CONCLUDED, 'agreementAnnounced'],
      steps: 5,
      tasks: 4,
      openTasks: [],
      records: { ...none, agreements: 1, versions: 1 },
      recordStatus: 'SIGNED',
    }),
    async drive(api, zone, n) {
      const id = await concluded(api, zone, n);
      await act(api, 'ftz.staff', id, 'announceAgreement', { announcementRef: `营自贸委〔2026〕${n}号`, announcedOn: today() });
      return id;
    },
  },
  {
    name: 'agreement concluded, waiting for its announcement',
    kind: 'agreement',
    expected: () => ({
      stage: 'SIGNED',
      status: 'RUNNING',
      events: CONCLUDED,
      steps: 4,
      tasks: 4,
      openTasks: ['announceAgreement@ftz'],
      records: { ...none, agreements: 1, versions: 1 },
      recordStatus: 'SIGNED',
    }),
    drive: (api, zone, n) => concluded(api, zone, n),
  },
  {
    name: 'registration, taxed by the local office after the tax system stayed down',
    kind: 'registration',
    expected: () => ({
      stage: 'COMPLETED',
      status: 'COMPLETED',
      events: [...UNDELIVERED, 'taxTransferRequested', 'taxTransferApproved', 'taxTransferred', 'registrationCompleted'],
      steps: 6,
      tasks: 4,
      openTasks: [],
      records: { ...none, entities: 2 },
      recordStatus: 'REGISTERED',
    }),
    async drive(api, zone, n) {
      const id = await registeredAndApproved(api, zone, n);
      await act(api, `tax-${zone}.staff`, id, 'confirmTaxTransfer', { reference: `迁入〔2026〕${n}号` });
      return id;
    },
  },
  {
    name: 'registration, waiting for the local tax office after the tax system stayed down',
    kind: 'registration',
    expected: (zone) => ({
      stage: 'SUPERVISING',
      status: 'RUNNING',
      events: [...UNDELIVERED, 'taxTransferRequested', 'taxTransferApproved'],
      steps: 5,
      tasks: 4,
      openTasks: [`confirmTaxTransfer@tax-${zone}`],
      records: { ...none, entities: 2 },
      recordStatus: 'REGISTERED',
    }),
    drive: registeredAndApproved,
  },
  {
    name: 'registration, 划转 by the tax system through its outage',
    kind: 'registration',
    expected: () => BY_SYSTEM,
    undelivered: () => LEFT_TO_TAX_OFFICE,
    drive: registered,
  },
  {
    name: 'registration submitted by 政务服务网, its statuses sent back through the outage',
    kind: 'registration',
    expected: () => ({ ...BY_SYSTEM, statusFeed: ['AWAITING_CONSENT', 'SUPERVISING', 'COMPLETED'] }),
    undelivered: () => ({ ...LEFT_TO_TAX_OFFICE, statusFeed: ['AWAITING_CONSENT', 'SUPERVISING'] }),
    async drive(api, zone, n, ctx) {
      const id = await ctx.submit({
        applicationNo: `ZW-CHAOS-${n}`,
        submittedAt: new Date().toISOString(),
        application: applicationOf(zone, n),
      });
      await act(api, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
      return id;
    },
  },
  {
    name: 'penalty returned once, corrected, recognised',
    kind: 'penalty',
    expected: () => ({
      stage: 'RECOGNISED',
      status: 'RUNNING',
      events: ['penaltyRecorded', 'penaltyReported', 'penaltyReturned', 'penaltyResubmitted', 'penaltyRecognised'],
      steps: 5,
      tasks: 4,
      openTasks: [],
      records: { ...none, penalties: 4 },
      recordStatus: 'RECOGNISED',
    }),
    async drive(api, zone, n) {
      const decisionNumber = `营市监罚〔2026〕混沌${n}号`;
      const decision = decisionFacts(usccOf(Number(zone)), { grade: 'minor' });
      const id = await launch(
        api,
        `le-${zone}.staff`,
        'penalty-report',
        { zoneCode: zone, decisionNumber, decision },
        `penalty-${decisionNumber}`,
      );
      await act(api, `zone-${zone}.staff`, id, 'reportPenalty', {});
      await act(api, 'ftz.staff', id, 'reviewPenalty', { decision: 'return', reasons: ['documentsMissing'] });
      await act(api, `zone-${zone}.staff`, id, 'correctPenalty', { documents: [reportDocument('decision', decisionNumber)] });
      await act(api, 'ftz.leader', id, 'reviewPenalty', { decision: 'recognise' });
      return id;
    },
  },
];

export const ZONE_ESTABLISHED = flows[0];
/** A host zone's company, registered before the faults: the tax system takes its 划转 at once. */
export const REGISTERED_BY_SYSTEM = flows.find((f) => f.name === 'registration, 划转 by the tax system through its outage')!;

/**
 * What each host zone has before the mix starts: an agreement in force (an inspection power; penalties
 * need none, local enforcement imposes them), and a company (numbered by the zone's code) to penalise.
 */
export const AGREEMENT_IN_FORCE: Flow = {
  name: 'agreement in force (inspection power)',
  kind: 'agreement',
  expected: () => ({
    stage: 'IN_FORCE',
    status: 'RUNNING',
    events: [...CONCLUDED, 'agreementAnnounced'],
    steps: 5,
    tasks: 4,
    openTasks: [],
    records: { ...none, agreements: 1, versions: 1 },
    recordStatus: 'IN_FORCE',
  }),
  async drive(api, zone) {
    const id = await launch(api, 'ftz.admin', 'delegation-agreement', { zoneCode: zone });
    await act(
      api,
      'ftz.staff',
      id,
      'draftAgreement',
      agreementContent([{ powerCode: 'JC-003' }], { startDate: today(), endDate: addDays(today(), 364) }),
    );
    await act(api, `gov-${zone}.leader`, id, 'reviewAgreement', { decision: 'sign' });
    await act(api, 'ftz.leader', id, 'reviewAgreement', { decision: 'sign' });
    await act(api, 'ftz.staff', id, 'announceAgreement', { announcementRef: `营自贸委〔2026〕${zone}号`, announcedOn: today() });
    return id;
  },
};
