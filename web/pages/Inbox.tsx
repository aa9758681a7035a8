import { TaskList } from '../components/TaskList';

export interface Task {
  id: string;
  processId: string;
  processType: string;
  action: string;
  orgId: string;
  /** The role the task is addressed to (its leaders sign too where it `signs`). */
  role: string;
  title: string;
  status: 'open' | 'done' | 'cancelled';
  dueAt: string | null;
  overdue: boolean;
  openedAt: string;
  sentBy: { userId: string; orgId: string } | null;
  context: Record<string, unknown>;
  inputSchema: Record<string, unknown>;
  /** The decisions that sign for the organisation (签署): offered to its leaders only. */
  signs?: string[];
  /** Whether this user may complete it: always in the inbox; in the oversight view, not the tasks others complete. */
  mayComplete: boolean;
}

/** 待办: the tasks the user may complete, nothing else. */
export function Inbox() {
  return <TaskList view="mine" />;
}

/** 督查: the organisation's every task, for its admins and auditors; the others' marked 仅查看. */
export function TaskOversight() {
  return <TaskList view="oversight" />;
}
