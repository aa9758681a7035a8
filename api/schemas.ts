import { z } from 'zod';

/** Response shapes shared by several routes. */
export const taskSchema = z.object({
  id: z.string(),
  processId: z.string(),
  processType: z.string(),
  action: z.string(),
  orgId: z.string(),
  role: z.string(),
  title: z.string(),
  status: z.enum(['open', 'done', 'cancelled']),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** When it reached the inbox, and who acted on the process just before (the sender). */
  openedAt: z.string(),
  sentBy: z.object({ userId: z.string(), orgId: z.string() }).nullable(),
  context: z.record(z.string(), z.unknown()),
  inputSchema: z.record(z.string(), z.unknown()),
  signs: z.array(z.string()),
  /** Whether the caller may complete it: always in the caller's inbox; in the oversight view, not the tasks others complete. */
  mayComplete: z.boolean(),
});

export const processSummarySchema = z.object({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  stage: z.string(),
});

export const langSchema = z.enum(['zh', 'en']).default('zh');
export type Lang = z.infer<typeof langSchema>;

export const idParams = z.object({ id: z.string().min(1).max(200) });
