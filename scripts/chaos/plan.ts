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
}

export interface Flow {
  name: string;
  kind: 'zone' | 'agreement' | 'registration' | 'penalty';
  expected(code: string): Expected;
  /** Drives the process; returns its id. `code` is the county (zones) or the host zone (the others); `n` numbers terms and entities. */
  drive(api: Api, code: string, n: number): Promise<string>;
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

const REGISTERED = [
  'applicationReceived',
  'applicationScreened',
  'consentGiven',
  'entityRegistered',
  'taxTransferRequested',
  'taxTransferApproved',
];

/** The USCC of the run's `n`th company. */
const usccOf = (n: number) => issueUscc(`C${String(n).padStart(8, '0')}`);

/** A company residing in the host zone, the `n`th of the run, asking no licence: registered and taxed. */
async function registeredAndApproved(api: Api, zone: string, n: number): Promise<string> {
  const uscc = usccOf(n);
  const application = {
    name: `故障注入演练商贸有限公司${n}`,
    uscc,
    legalRepresentative: { name: '王海', idNumber: '21080419800101123X', phone: '13904171234' },
    residence: { divisionCode: zone, townshipCode: townships(zone).inside[0], address: `协同区创业路${n}号` },
    businessAddresses: [{ address: `协同区商贸街${n}号` }],
    businessScope: '日用百货销售',
    licenceItems: [],
  };
  const id = await launch(api, 'ftz.staff', 'entity-registration', application, `registration-${uscc}`);
  await act(api, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
  await act(api, 'tax-ftz.staff', id, 'requestTaxTransfer', { reference: `营自贸税迁〔2026〕${n}号` });
  await act(api, 'tax-city.staff', id, 'approveTaxTransfer', { reference: `营税迁批〔2026〕${n}号` });
  return id;
}

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
      stage: 'ANNOUNCING',
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
    name: 'registration, taxed by the local office',
    kind: 'registration',
    expected: () => ({
      stage: 'COMPLETED',
      status: 'COMPLETED',
      events: [...REGISTERED, 'taxTransferred', 'registrationCompleted'],
      steps: 5,
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
    name: 'registration, waiting for the local tax office',
    kind: 'registration',
    expected: (zone) => ({
      stage: 'SUPERVISING',
      status: 'RUNNING',
      events: REGISTERED,
      steps: 4,
      tasks: 4,
      openTasks: [`confirmTaxTransfer@tax-${zone}`],
      records: { ...none, entities: 2 },
      recordStatus: 'REGISTERED',
    }),
    drive: registeredAndApproved,
  },
  {
    name: 'penalty returned once, corrected, recognised',
    kind: 'penalty',
    expected: () => ({
      stage: 'PUBLISHED',
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
export const REGISTERED_AND_TAXED = flows.find((f) => f.name === 'registration, taxed by the local office')!;

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
