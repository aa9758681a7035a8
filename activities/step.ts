import type { AgreementContent } from '../domain/agreements';
import type { PenaltyWrite } from './penalty-records';
import type { Actor } from '../domain/identity';
import type { Attachment } from '../domain/attachments';
import type { Power } from '../domain/powers';
import type { NormalLicenceStatus, NormalRouteReason } from '../domain/registration';

/** A pending human step, as the task ledger keeps it. */
export interface TaskRecord {
  id: string;
  action: string;
  orgId: string;
  role: string;
  title: { zh: string; en: string };
  dueAt?: string;
  context: Record<string, unknown>;
}

export interface EventRecord {
  seq: number;
  at: string;
  kind: string;
  actor: Actor | null;
  data: Record<string, unknown>;
}

export interface MemorandumRecord {
  version: number;
  countyCode: string;
  content: unknown;
  status: 'draft' | 'returned' | 'signed' | 'superseded' | 'void';
  draftedBy: Actor;
  draftedAt: string;
  signatures: Record<string, unknown>;
}

export interface ZoneRecord {
  code: string;
  name: string;
  status: 'ACTIVE_PENDING_BODY' | 'ACTIVE' | 'SUSPENDED' | 'TERMINATED';
  memorandumVersion: number;
  areaKm2: number;
  boundary: unknown;
  body?: unknown;
  orgId?: string;
  establishedAt: string;
  /** The city's approval (批复) the zone was launched under; absent for zones launched before it was recorded. */
  approval?: { documentNumber: string; approvedOn: string };
}

/** A signed memorandum version's area, and the day it applies from (zone_areas). */
export interface ZoneAreaRecord {
  zoneCode: string;
  memorandumVersion: number;
  effectiveFrom: string;
  townshipCodes: string[];
  parkIds: string[];
  areaKm2: number;
  description: string;
}

export interface OrganizationRecord {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  countyCode?: string;
  active: boolean;
}

export interface NotificationRecord {
  orgId: string;
  kind: 'reminder' | 'escalation';
  message: string;
}

/** A message to an outside system (a port), sent after the step commits; its answer goes back to `replyTo`. */
export interface ExchangeRecord {
  /** The port: the tax system, the credit platform (双公示), 互联网+监管, 政务服务网 (status back). */
  channel: 'tax' | 'credit' | 'supervision' | 'gov-service';
  /** The organisation that owns the exchange: a permanent failure becomes its task. */
  orgId: string;
  /** The message (tax), or the facts the outbox writer composes the message from (activities/exchange-compose.ts). */
  payload: Record<string, unknown>;
  replyTo?: string;
  /** The request id the system knows it by, when it is not this exchange's key: a failed message sent again keeps its own. */
  requestId?: string;
}

/** A catalogue version to publish: it gets the next version number and supersedes the one in force. */
export interface CatalogPublication {
  effectiveDate: string;
  note?: string;
  powers: Power[];
  publishedBy: Actor;
}

export interface AgreementRecord {
  id: string;
  zoneCode: string;
  status: 'NEGOTIATING' | 'SIGNED' | 'IN_FORCE' | 'EXPIRED' | 'TERMINATED';
  currentVersion: number;
  startDate: string;
  endDate: string;
  announcedOn?: string;
  announcementRef?: string;
  terminatedOn?: string;
  terminationReason?: string;
}

export interface AgreementVersionRecord {
  version: number;
  status: 'draft' | 'returned' | 'signed';
  content: AgreementContent;
  signatures: Record<string, unknown>;
  draftedBy: Actor;
  draftedAt: string;
}

/** An entity in the FTZ registry (P3); the legal representative masked. */
export interface EntityRecord {
  uscc: string;
  name: string;
  zoneCode: string;
  residence: { divisionCode: string; townshipCode?: string; parkId?: string; address: string };
  businessAddresses: { divisionCode?: string; address: string }[];
  businessScope: string;
  legalRepresentative: { name: string; idNumber: string; phone: string };
  acceptedBy: string;
  status: 'REGISTERED' | 'DEREGISTERED';
  registeredAt: string;
}

export interface TaxRecord {
  uscc: string;
  office: string;
  transferStatus: 'NONE' | 'REQUESTED' | 'APPROVED' | 'CONFIRMED';
  transferTo?: string;
  registeredAt: string;
  requestedAt?: string;
  approvedAt?: string;
  confirmedAt?: string;
}

export interface LicenceRecord {
  id: string;
  uscc: string;
  zoneCode: string;
  powerCode: string;
  agreementId: string;
  agreementVersion: number;
  variant: 'conditionsMet' | 'conditionsByDate';
  commitment: string;
  conditionsDue?: string;
  status: 'GRANTED' | 'GRANTED_PENDING' | 'REVOKED';
  verificationStatus: 'PENDING' | 'COMPLIANT' | 'RECTIFYING' | 'REVOKED';
  enforcementOrg: string;
  verificationDue: string;
  verifiedAt?: string;
  verifiedOnTime?: boolean;
  rectificationDue?: string;
  revokedAt?: string;
  grantedAt: string;
}

/** A licence by the normal route (normal_licences): review at the FTZ window, on-site check, the window's decision. */
export interface NormalLicenceRecord {
  id: string;
  uscc: string;
  zoneCode: string;
  powerCode: string;
  powerName: string;
  reason: NormalRouteReason;
  because: string;
  status: NormalLicenceStatus;
  enforcementOrg: string;
  review?: { decision: 'accept' | 'refuse'; note?: string; reason?: string; by: Actor; at: string };
  onSiteCheck?: { result: 'meets' | 'fails'; findings: string; checkedOn: string; by: Actor; at: string };
  decision?: { decision: 'grant' | 'refuse'; reason?: string; by: Actor; at: string };
  licenceNumber?: string;
  validFrom?: string;
  validUntil?: string;
  appliedAt: string;
}

/** A credit record against an entity (credit_records): a breached commitment here, a penalty in P4. */
export interface CreditRecord {
  id: string;
  uscc: string;
  kind: 'commitment-breach' | 'penalty';
  grade?: 'minor' | 'general' | 'serious';
  reason: string;
  barsCommitment: boolean;
  recordedAt: string;
  publicationFrom?: string;
  publicationUntil?: string;
  repairEligibleFrom?: string;
  status: 'ACTIVE' | 'REPAIRED' | 'WITHDRAWN' | 'ENDED';
  endedAt?: string;
  endReason?: string;
}

/** A penalty case a revocation opens, for the penalty-report process to take up. */
export interface PenaltyCaseRecord {
  id: string;
  uscc: string;
  zoneCode: string;
  enforcementOrg: string;
  reason: string;
  licenceId?: string;
  openedAt: string;
}

/** A reform measure the FTZ lists as it launches its adoption (P6). */
export interface MeasureRecord {
  code: string;
  titleZh: string;
  titleEn: string;
  grantedBy: string;
  grantedOn: string;
  summary?: string;
  listedBy: Actor;
  /** The zone whose good practice it was, and that practice's process (absent for measures granted to the FTZ). */
  origin?: { zoneCode: string; practiceProcessId: string };
}

/** A zone's good practice as its process leaves it (reform_practices). */
export interface PracticeRecord {
  zoneCode: string;
  title: string;
  status: 'PROPOSING' | 'EVALUATING' | 'ACCEPTED' | 'DECLINED';
  practice?: string;
  where?: string;
  startedOn?: string;
  results?: string;
  reasons?: string;
  note?: string;
  measureCode?: string;
  dueAt?: string;
  launchedBy: Actor;
  launchedAt: string;
  proposedBy?: Actor;
  proposedAt?: string;
  decidedBy?: Actor;
  decidedAt?: string;
}

/** An enterprise's reform demand as its process leaves it (reform_demands); the contact stays in the payload. */
export interface DemandRecord {
  zoneCode: string;
  enterpriseName: string;
  uscc?: string;
  category: string;
  demand: string;
  receivedOn: string;
  windowOrg: string;
  status: 'ROUTING' | 'ANSWERING' | 'ANSWERED';
  responsibleOrg?: string;
  outcome?: string;
  answer?: string;
  dueAt?: string;
  registeredAt: string;
  routedAt?: string;
  answeredAt?: string;
  answeredBy?: Actor;
}

/** A zone's place in a measure's adoption: offered (PENDING), then adopted or declined. */
export interface PilotDecisionRecord {
  measureCode: string;
  zoneCode: string;
  status: 'PENDING' | 'ADOPTED' | 'DECLINED';
  decidedOn?: string;
  note?: string;
  decidedBy?: Actor;
}

/** A zone's report of a month's economic indicators, as it stands after the step (indicator_reports). */
export interface IndicatorReportRecord {
  period: string;
  zoneCode: string;
  status: 'PENDING' | 'REVIEWING' | 'RETURNED' | 'ACCEPTED';
  edition: string;
  figures?: unknown;
  note?: string;
  /** Returns for correction so far. */
  returns: number;
  reviews: unknown[];
  dueAt?: string;
  reportedBy?: Actor;
  reportedAt?: string;
  acceptedBy?: Actor;
  acceptedAt?: string;
}

/** An inspection plan as drawn (inspection_plans): the seed and the facts the draw is reproducible from. */
export interface InspectionPlanRecord {
  zoneCode: string;
  selection: 'random' | 'targeted';
  title: string;
  seed: string;
  algorithm: string;
  population: unknown;
  ratios: unknown;
  facts: unknown;
  launchedBy: Actor;
  drawnAt: string;
  status: 'INSPECTING' | 'CONCLUDED';
  concludedAt?: string;
}

/** One inspection as it stands after the step (inspections); a recorded result is published and awaits the 互联网+监管 port. */
export interface InspectionRecord {
  id: string;
  zoneCode: string;
  uscc: string;
  entityName: string;
  grade: string;
  signals: string[];
  inspectors: string[];
  conflict?: string;
  enforcementOrg: string;
  status: 'DRAWN' | 'RECTIFYING' | 'REINSPECTING' | 'COMPLIANT' | 'PENALTY_CASE';
  inspectedOn?: string;
  findings?: string;
  rectifyBy?: string;
  reinspectedOn?: string;
  reinspectionFindings?: string;
  penaltyCaseId?: string;
  concludedAt?: string;
  publishedAt?: string;
  drawnAt: string;
}

/**
 * Everything one workflow step writes, applied in one transaction: a decision's records, its
 * timeline events and the tasks it closes and opens land together or not at all.
 */
export interface Step {
  /** Workflow id, chain and step number: never the attempt, so a retry finds the first result. */
  key: string;
  processId: string;
  chainId: string;
  processType: string;
  at: string;
  events: EventRecord[];
  openTasks: TaskRecord[];
  closeTasks: { ids: string[]; status: 'done' | 'cancelled'; by: Actor | null }[];
  memoranda: MemorandumRecord[];
  zone?: ZoneRecord;
  /** A signed memorandum's area: from its day it decides which residences are in the zone. */
  zoneArea?: ZoneAreaRecord;
  organization?: OrganizationRecord;
  notifications: NotificationRecord[];
  /** Messages to outside systems, into the outbox in this transaction (absent in steps that send none). */
  exchanges?: ExchangeRecord[];
  catalog?: CatalogPublication;
  agreement?: AgreementRecord;
  agreementVersions?: AgreementVersionRecord[];
  entity?: EntityRecord;
  tax?: TaxRecord;
  licences?: LicenceRecord[];
  normalLicences?: NormalLicenceRecord[];
  creditRecords?: CreditRecord[];
  penaltyCases?: PenaltyCaseRecord[];
  penalty?: PenaltyWrite;
  measure?: MeasureRecord;
  pilotDecisions?: PilotDecisionRecord[];
  indicatorReports?: IndicatorReportRecord[];
  practice?: PracticeRecord;
  demand?: DemandRecord;
  inspectionPlan?: InspectionPlanRecord;
  inspections?: InspectionRecord[];
  /** Files attached to an open task, by their SHA-256 (the bytes are in the attachment store). */
  attachments?: (Attachment & { taskId: string; action: string; by: Actor })[];
  /** A zone terminated: its agreements end on that day (written with the step). */
  zoneEnd?: ZoneEnd;
  /** After an operator's reset: the tasks the workflow holds open; the ledger is brought in line. */
  resync?: { openTaskIds: string[] };
}

export interface ZoneEnd {
  zoneCode: string;
  terminatedOn: string;
  reason: string;
}

/** What a zone's end reached: the agreement processes it ended, the registrations awaiting consent. */
export interface ZoneEnded extends ZoneEnd {
  agreementProcesses: string[];
  registrationProcesses: string[];
}

/** Agreement items a publication revoked, by the agreement process to tell. */
export interface Revocation {
  agreementId: string;
  processId: string;
  powerCodes: string[];
}

export interface StepResult {
  key: string;
  committedAt: string;
  catalogVersion?: number;
  revocations?: Revocation[];
  zoneEnded?: ZoneEnded;
  /** Messages the step put in the outbox for delivery (notification channels, outside systems). */
  outbox?: number;
  /** The 文号 this step issued to the acts it made final (activities/document-records.ts). */
  documents?: { number: string; kind: 'memorandum' | 'agreement' | 'recognition' | 'approval'; ref: string }[];
  /** What a resync after a reset changed in the task ledger (activities/reset-records.ts). */
  resynced?: { cancelled: string[]; reopened: string[] };
}
