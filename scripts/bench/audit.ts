/**
 * Audit at size: one agreement sent back and forth in a long correction loop (draft, returned,
 * drafted again…) until its runs hold `events` history events together; then its timeline (and
 * export bundle, where the API has one) timed against a bare `fetchHistory` of the same runs.
 */
import type { BenchContext } from './context';
import { describeRun, listRuns } from './describe-run';
import { actNext, agreementContent, launch, termOf } from '../lab/flows';
import { median, round, timed } from './stats';

export interface AuditResult {
  events: number;
  runs: number;
  repetitions: number;
  fetchHistoryMs: number;
  /** Bytes of the histories, as the engine sends them. */
  historyBytes: number;
  timelineMs?: number;
  timelineRatio?: number;
  timelineEntries?: number;
  /** The first timeline and export after the API started: nothing of the process kept yet. */
  firstTimelineMs?: number;
  firstExportMs?: number;
  /** The timeline's answer when it was not one. */
  timelineStatus?: string;
  exportMs?: number;
  exportRatio?: number;
  /** The export's answer when it was not a bundle. */
  exportStatus?: string;
}

/** Every run of the process, oldest first, with its history length. */
async function runsOf(ctx: BenchContext, id: string): Promise<{ runId: string; events: number }[]> {
  return (await listRuns(ctx.client, id)).sort((a, b) => a.started - b.started);
}

export async function measureAudit(ctx: BenchContext, events: number, repetitions: number): Promise<AuditResult> {
  const { api } = ctx.cluster;
  const gov = `gov-${ctx.zone}.staff`;
  const id = await launch(api, 'ftz.admin', 'delegation-agreement', { zoneCode: ctx.zone });
  const draft = agreementContent([{ powerCode: 'JC-001' }], termOf(0));
  ctx.log(`audit: a correction loop until ${events} history events…`);
  let state: Record<string, unknown> | undefined;
  for (let loop = 1; ; loop++) {
    state = await actNext(api, state, 'ftz.staff', id, 'draftAgreement', draft);
    state = await actNext(api, state, gov, id, 'reviewAgreement', { decision: 'return', comments: `第 ${loop} 轮意见` });
    if (loop % 20 === 0) {
      const description = await describeRun(ctx.client, id);
      // Runs before the current one are closed: their lengths are final.
      const earlier = (await runsOf(ctx, id)).filter((run) => run.runId !== description.runId).reduce((n, run) => n + run.events, 0);
      if (earlier + description.historyLength >= events) break;
    }
  }
  // Visibility is eventually consistent: wait until it lists the current run too.
  const current = (await describeRun(ctx.client, id)).runId;
  let runs = await runsOf(ctx, id);
  while (!runs.some((run) => run.runId === current)) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    runs = await runsOf(ctx, id);
  }

  const auditor = await api.as('audit.auditor');
  const fetchAll = () => Promise.all(runs.map((run) => ctx.client.workflow.getHandle(id, run.runId).fetchHistory()));
  const histories = await fetchAll();
  const total = histories.reduce((n, history) => n + (history.events?.length ?? 0), 0);
  // The first reads are timed apart: the API keeps closed runs (their histories, facts and chain
  // links) for the next reader, so later reads pay for the open run only.
  let timeline!: Awaited<ReturnType<typeof auditor.get>>;
  const firstTimelineMs = await timed(async () => (timeline = await auditor.get(`/api/processes/${id}/timeline`)));
  const hasTimeline = timeline.status === 200;
  const timelineStatus = hasTimeline ? undefined : `${timeline.status} ${JSON.stringify(timeline.body).slice(0, 200)}`;
  let exported!: Awaited<ReturnType<typeof auditor.get>>;
  const firstExportMs = await timed(async () => (exported = await auditor.get(`/api/processes/${id}/export`)));
  const hasExport = exported.status === 200;
  const exportStatus = hasExport ? undefined : `${exported.status} ${JSON.stringify(exported.body).slice(0, 200)}`;

  const samples = { fetch: [] as number[], timeline: [] as number[], export: [] as number[] };
  for (let i = 0; i < repetitions; i++) {
    samples.fetch.push(await timed(fetchAll));
    if (hasTimeline) samples.timeline.push(await timed(() => auditor.get(`/api/processes/${id}/timeline`)));
    if (hasExport) samples.export.push(await timed(() => auditor.get(`/api/processes/${id}/export`)));
  }
  const fetchHistoryMs = median(samples.fetch);
  const sizes = await Promise.all(runs.map((run) => describeRun(ctx.client, id, run.runId)));
  const historyBytes = sizes.reduce((n, d) => n + d.historyBytes, 0);
  return {
    events: total,
    runs: runs.length,
    repetitions,
    fetchHistoryMs: round(fetchHistoryMs),
    historyBytes,
    ...(hasTimeline
      ? {
          timelineMs: round(median(samples.timeline)),
          timelineRatio: round(median(samples.timeline) / fetchHistoryMs, 2),
          timelineEntries: (timeline.body as unknown[]).length,
          firstTimelineMs: round(firstTimelineMs),
        }
      : { timelineStatus }),
    ...(hasExport
      ? {
          exportMs: round(median(samples.export)),
          exportRatio: round(median(samples.export) / fetchHistoryMs, 2),
          firstExportMs: round(firstExportMs),
        }
      : { exportStatus }),
  };
}
