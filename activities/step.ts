import type { AgreementContent } from '../domain/agreements';
import type { Actor } from '../domain/identity';
import type { Power } from '../domain/powers';

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

/** A reform measure the FTZ lists as it launches its adoption (P6). */
export interface MeasureRecord {
  code: string;
  titleZh: string;
  titleEn: string;
  grantedBy: string;
  grantedOn: string;
  summary?: string;
  listedBy: Actor;
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
  organization?: OrganizationRecord;
  notifications: NotificationRecord[];
  catalog?: CatalogPublication;
  agreement?: AgreementRecord;
  agreementVersions?: AgreementVersionRecord[];
  measure?: MeasureRecord;
  pilotDecisions?: PilotDecisionRecord[];
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
}
