import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalCopy, canonicalJson } from './canonical';
import { isClosed, type RunHistory } from './histories';

/**
 * A SHA-256 chain over every event of every run, in order: each link hashes the previous link and
 * the event (with its run), so changing, removing or moving one event breaks every link after it.
 * The chain starts from the process and chain ids, so no other process's events fit it.
 */
export const chainSchema = z
  .object({
    algorithm: z.literal('SHA-256'),
    genesis: z.string(),
    /** One link per event, in the order of the runs and their events. */
    links: z.array(z.string()),
    head: z.string(),
  })
  .strict();
export type HashChain = z.infer<typeof chainSchema>;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const genesisOf = (processId: string, chainId: string) => sha256(canonicalJson({ processId, chainId }));

/**
 * A closed run's links, kept by its history object with the link they start from: a closed run
 * never changes (audit/histories.ts keeps its history), so an export of a long process hashes the
 * events of its open run only. They go when the history does.
 */
const closedRunLinks = new WeakMap<RunHistory['history'], { from: string; links: string[] }>();

/**
 * The links over the runs; `canonicalRun(r)` is run r in canonical form (canonicalCopy), which the
 * caller makes once and only when asked (a closed run whose links are kept is not asked for).
 * `{ event, runId }` has its keys in sorted order, so its plain JSON.stringify is
 * canonicalJson({ runId, event }), the text each link hashes.
 */
function linksOf(processId: string, chainId: string, runs: RunHistory[], canonicalRun: (r: number) => RunHistory): string[] {
  const links: string[] = [];
  let previous = genesisOf(processId, chainId);
  runs.forEach((run, r) => {
    const from = previous;
    const kept = closedRunLinks.get(run.history);
    const own = kept?.from === from ? kept.links : linksOfRun(from, canonicalRun(r));
    if (!kept && isClosed(run.history)) closedRunLinks.set(run.history, { from, links: own });
    for (const link of own) links.push(link);
    previous = own.at(-1) ?? from;
  });
  return links;
}

function linksOfRun(from: string, canonicalRun: RunHistory): string[] {
  const links: string[] = [];
  let previous = from;
  for (const event of canonicalRun.history.events)
    links.push((previous = sha256(previous + JSON.stringify({ event, runId: canonicalRun.runId }))));
  return links;
}

/** Where the link at this index stands, in words: only a broken chain needs it. */
function whereIs(runs: RunHistory[], index: number): string {
  let first = 0;
  for (const [r, run] of runs.entries()) {
    const event = run.history.events[index - first];
    if (event) return `run ${r + 1} (${run.runId}) event ${event.eventId}`;
    first += run.history.events.length;
  }
  return `link ${index + 1}`;
}

/** The chain over the runs, given a way to each in canonical form too (canonicalCopy), as an export has them. */
export function hashChain(processId: string, chainId: string, runs: RunHistory[], canonicalRun: (r: number) => RunHistory): HashChain {
  const links = linksOf(processId, chainId, runs, canonicalRun);
  return { algorithm: 'SHA-256', genesis: genesisOf(processId, chainId), links, head: links.at(-1) ?? genesisOf(processId, chainId) };
}

/** Why the chain does not hold, or null when every link and the runs' own order do. */
export function chainProblem(processId: string, chainId: string, runs: RunHistory[], chain: HashChain): string | null {
  if (chain.genesis !== genesisOf(processId, chainId)) return `the chain does not start from process ${processId}, chain ${chainId}`;
  for (const [r, run] of runs.entries()) {
    const events = run.history.events;
    const gap = events.findIndex((event, i) => event.eventId !== String(i + 1));
    if (gap >= 0) return `run ${r + 1} (${run.runId}): event ${events[gap].eventId} stands where event ${gap + 1} should`;
    const next = runs[r + 1];
    if (next) {
      const continued = (
        next.history.events[0]?.workflowExecutionStartedEventAttributes as { continuedExecutionRunId?: string } | undefined
      )?.continuedExecutionRunId;
      if (events.at(-1)?.eventType !== 'EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW' || continued !== run.runId) {
        return `run ${r + 2} (${next.runId}) does not continue run ${r + 1} (${run.runId})`;
      }
    }
  }
  const canonical = canonicalCopy(runs) as RunHistory[];
  const links = linksOf(processId, chainId, runs, (r) => canonical[r]);
  const broken = links.findIndex((link, i) => link !== chain.links[i]);
  if (broken >= 0) return `${whereIs(runs, broken)} does not match link ${broken + 1} of the chain`;
  if (chain.links.length !== links.length) return `the chain has ${chain.links.length} links for ${links.length} events`;
  if (chain.head !== (links.at(-1) ?? chain.genesis)) return 'the chain head is not its last link';
  return null;
}
