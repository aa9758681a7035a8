import type { Actor } from '../domain/identity';

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
}

export interface StepResult {
  key: string;
  committedAt: string;
}
