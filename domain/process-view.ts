/**
 * What a process shows of itself: the view its `state` query answers, the API sends as the body of
 * GET /api/processes/{id} (`data` holds the process's own fields) and the console renders. Declared
 * once, here; the workflows' view types must fit it (the kernel and `stateQuery`, domain/state-query.ts,
 * check that at compile time), the API's response schema is built from it and the console's `ProcessDetail` is inferred from it.
 */
import { z } from 'zod';
import { builtOnFirstUse } from './schemas';

/** An open task as a process holds it (activities/step.ts `TaskRecord`). */
export const viewTaskSchema = builtOnFirstUse(() =>
  z.object({
    id: z.string(),
    action: z.string(),
    orgId: z.string(),
    role: z.string(),
    title: z.object({ zh: z.string(), en: z.string() }),
    dueAt: z.string().optional(),
    context: z.record(z.string(), z.unknown()),
  }),
);

/** A task as a launch answers it (api/launch.ts): without its context, which may hold what the launch was given. */
export const openedTaskSchema = builtOnFirstUse(() => viewTaskSchema.unwrap().omit({ context: true }));

/** A period the process watches: when it is due, whether it was reminded and escalated, whether it is still open. */
export const viewDeadlineSchema = builtOnFirstUse(() =>
  z
    .object({
      /** The policy key it was planned from (`registration.consentPeriod`…), or the process's own name for it. */
      name: z.string(),
      startsAt: z.string(),
      reminderAt: z.string(),
      dueAt: z.string(),
      period: z.string(),
      provisional: z.boolean(),
      reminded: z.boolean(),
      escalated: z.boolean(),
      /** Absent where the process holds one deadline at a time: that one is open. */
      open: z.boolean().optional(),
    })
    // A process adds whom it reminds and escalates to: its own business, passed through.
    .loose(),
);

/**
 * The part of a view every process has, and the actions it accepts now. The process's own fields
 * (memoranda, the decision, the licences…) pass through as they are: each process's pages read them.
 */
export const processViewSchema = builtOnFirstUse(() =>
  z
    .object({
      processId: z.string(),
      stage: z.string(),
      /** Every stage entered, in order (absent in processes that keep none). */
      path: z.array(z.string()).optional(),
      openTasks: z.array(viewTaskSchema),
      deadlines: z.array(viewDeadlineSchema),
      /**
       * The actions started from the process page (not from a task) that the process would accept now,
       * whoever asks: its own checks of its state, run without acting. Who may ask is the API's to add.
       */
      acceptedActions: z.array(z.string()),
    })
    .catchall(z.unknown()),
);
export type ProcessView = z.infer<typeof processViewSchema>;

/**
 * GET /api/processes/{id}: the view as the API shows it to a reader. The process's own fields are
 * under `data` (personal data masked for those who do not handle it); `availableActions` are the
 * accepted actions this reader may start, with their forms.
 */
export const processDetailSchema = builtOnFirstUse(() =>
  z.object({
    id: z.string(),
    type: z.string(),
    status: z.string(),
    stage: z.string(),
    data: z.object({ path: z.array(z.string()).optional() }).catchall(z.unknown()),
    openTasks: z.array(viewTaskSchema),
    deadlines: z.array(viewDeadlineSchema),
    acceptedActions: z.array(z.string()),
    availableActions: z.array(z.object({ name: z.string(), title: z.string(), inputSchema: z.record(z.string(), z.unknown()) })),
    history: z.object({ events: z.number().int(), runId: z.string() }),
    /** The numbered documents its final acts were issued (文号), each printable. */
    documents: z.array(
      z.object({
        number: z.string(),
        kind: z.string(),
        title: z.string(),
        issuedAt: z.string(),
        n: z.number().int(),
        signedBy: z.array(z.object({ orgId: z.string(), name: z.string() })),
      }),
    ),
  }),
);
export type ProcessDetail = z.infer<typeof processDetailSchema>;
