/**
 * docs/BENCHMARKS.md: the figures between two markers are this script's, rewritten by each full
 * run; the text around them (what moved each number, why a target misses) is written by hand.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { HELD_P99_MS, type HeldRate, type Ladder } from './held-rate';
import type { AuditResult } from './audit';
import type { LatencyResult } from './latency';
import type { MemoryResult } from './memory';
import type { StartupResult } from './startup';
import type { ThroughputResult } from './throughput';
import { TEMPORAL_CLI_VERSION } from '../../platform/engine/temporal-cli';

export interface BenchResults {
  date: string;
  command: string;
  alongside: string[];
  loadBefore: number;
  loadAfter?: number;
  /** The highest one-minute load average seen during the run, sampled every 10 s. */
  loadPeak?: number;
  seconds?: number;
  pragmas: Record<string, string>;
  /** Requests the driver sent again (same Idempotency-Key) after a 503. */
  retried?: number;
  startup?: StartupResult;
  throughput?: ThroughputResult;
  memory?: MemoryResult;
  latency?: LatencyResult;
  audit?: AuditResult;
  heldRate?: HeldRate;
}

const BEGIN = '<!-- bench:begin (written by npm run bench) -->';
const END = '<!-- bench:end -->';

/** Other processes busy on the machine when the run began: what the figures shared the cores with. */
export function busyProcesses(): string[] {
  const ps = execFileSync('ps', ['-eo', 'pcpu,args', '--sort=-pcpu', '--no-headers'], { encoding: 'utf8' });
  return ps
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => Number(line.split(/\s+/)[0]) >= 10 && !line.includes('bench'))
    .slice(0, 5)
    .map((line) => line.replace(/\s+/g, ' ').slice(0, 100));
}

export const currentLoad = () => Number(loadavg()[0].toFixed(2));

function machine(): string {
  const postgres = execFileSync('bash', ['-c', 'ls /usr/lib/postgresql | sort -r | head -1'], { encoding: 'utf8' }).trim();
  return (
    `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ` +
    `Temporal CLI ${TEMPORAL_CLI_VERSION} (dev server on a SQLite file); PostgreSQL ${postgres} (throw-away cluster, fsync off)`
  );
}

const statusNote = (statuses: Record<string, number>) => {
  const other = Object.entries(statuses).filter(([status]) => !status.startsWith('2'));
  return other.length ? `, not 2xx: ${other.map(([status, n]) => `${n} × ${status}`).join(', ')}` : ', all 2xx';
};

const verdict = (met: boolean) => (met ? '**met**' : '**missed**');
const round2 = (x: number) => Math.round(x * 100) / 100;

export function renderFigures(r: BenchResults): string {
  const lines = [
    `Run ${r.date}: \`${r.command}\` in ${r.seconds ?? '?'} s. Machine: ${machine()}.`,
    `Load average ${r.loadBefore} when it began${r.loadAfter === undefined ? '' : `, ${r.loadAfter} when it ended`}${r.loadPeak === undefined ? '' : `, ${r.loadPeak} at most`} (2 cores); busy alongside when it began: ${r.alongside.length ? r.alongside.map((p) => `\`${p}\``).join(', ') : 'nothing else at 10 % CPU or more'}.${r.retried ? ` The driver sent ${r.retried} requests again after a 503 (same Idempotency-Key).` : ''}`,
    `Engine SQLite pragmas: \`journal_mode=wal\`, \`synchronous=NORMAL\`${Object.entries(r.pragmas)
      .map(([k, v]) => `, \`${k}=${v}\``)
      .join('')}.`,
    '',
    '| benchmark | figure | target | |',
    '|---|---|---|---|',
  ];
  const t = r.throughput;
  if (t) {
    lines.push(
      `| throughput, bare workflows (${t.shape.activities} activities, ${t.shape.updates} updates, ${t.shape.timers} timers) | ${t.bareRate}/s (${t.n} in ${t.bareSeconds} s, ${t.concurrency} at a time) | | |`,
    );
    lines.push(`| throughput, delegation agreements through the API | ${t.oursRate}/s (${t.n} in ${t.oursSeconds} s) | | |`);
    lines.push(`| ratio ours / bare | ${t.ratio} | ≥ 0.8 | ${verdict(t.ratio >= 0.8)} |`);
    lines.push(`| bare workflows that also upsert search attributes as ours do (${t.shape.upserts}) | ${t.bareUpsertsRate}/s | | |`);
    // The issue's own row: "ours / bare, same shape including upserts".
    lines.push(`| ratio ours / bare with the same upserts | ${t.ratioToBareUpserts} | ≥ 0.8 | ${verdict(t.ratioToBareUpserts >= 0.8)} |`);
    const cpu = (parts: Record<string, number>) =>
      Object.entries(parts)
        .filter(([, ms]) => ms > 0)
        .map(([name, ms]) => `${name} ${ms}`)
        .join(', ');
    lines.push(`| CPU per workflow, bare run (ms) | ${cpu(t.cpu.bare)} | | |`);
    if (t.cpu.bareUpserts) lines.push(`| CPU per workflow, bare run with the same upserts (ms) | ${cpu(t.cpu.bareUpserts)} | | |`);
    lines.push(`| CPU per workflow, our run (ms) | ${cpu(t.cpu.ours)} | | |`);
    const engine = round2(t.cpu.ours.engine / t.cpu.bare.engine);
    lines.push(
      `| engine CPU per workflow, ours / bare (${t.cpu.ours.engine} / ${t.cpu.bare.engine} ms) | ${engine} | ≤ 1.2 | ${verdict(engine <= 1.2)} |`,
    );
    const worker = round2(t.cpu.ours.worker / t.cpu.bare.bareWorker);
    lines.push(
      `| worker CPU per workflow, ours / the bare worker (${t.cpu.ours.worker} / ${t.cpu.bare.bareWorker} ms) | ${worker} | ≤ 2 | ${verdict(worker <= 2)} |`,
    );
    // On 2 cores the rate follows the CPU every process spends: this ratio holds when others' load
    // changes between the two runs, which the ratio of rates above does not.
    const sum = (parts: Record<string, number>) => Object.values(parts).reduce((a, b) => a + b, 0);
    const byCpu = round2(sum(t.cpu.bare) / sum(t.cpu.ours));
    lines.push(
      `| ratio by CPU per workflow, bare / ours (${sum(t.cpu.bare)} / ${sum(t.cpu.ours)} ms) | ${byCpu} | ≥ 0.8 | ${verdict(byCpu >= 0.8)} |`,
    );
    if (t.cpu.bareUpserts) {
      const byCpuUpserts = round2(sum(t.cpu.bareUpserts) / sum(t.cpu.ours));
      lines.push(
        `| ratio by CPU per workflow, bare with the same upserts / ours (${sum(t.cpu.bareUpserts)} / ${sum(t.cpu.ours)} ms) | ${byCpuUpserts} | ≥ 0.8 | ${verdict(byCpuUpserts >= 0.8)} |`,
      );
    }
  }
  const l = r.latency;
  if (l) {
    const row = (name: string, x: LatencyResult['inbox'], target: number) =>
      `| ${name} | p50 ${x.p50} ms, p95 ${x.p95} ms, p99 ${x.p99} ms (${x.requests} requests, ${x.perSecond}/s${statusNote(x.statuses)}) | p99 < ${target} ms | ${verdict(x.p99 < target)} |`;
    lines.push(row(`\`GET /api/tasks\`, ${l.openTasks} open tasks, ${l.connections} clients, closed loop`, l.inbox, 50));
    lines.push(row(`\`GET /api/tasks\`, the same, paced at ${l.inboxPaced.rate}/s`, l.inboxPaced, 50));
    lines.push(row(`task completion (\`${l.completion.action}\`), ${l.connections} clients, closed loop`, l.completion, 250));
    lines.push(row(`task completion, paced at ${l.completionPaced.rate}/s`, l.completionPaced, 250));
  }
  const h = r.heldRate;
  if (h) {
    const steps = (l: Ladder) => l.steps.map((s) => `${s.rate}/s p99 ${s.p99} ms${s.failed ? ` (${s.failed} failed)` : ''}`).join('; ');
    const rate = (l: Ladder) => `${l.atTop ? '≥ ' : ''}${l.held}/s`;
    lines.push(`| bare updates of a draft's shape, paced, ${h.seconds} s a step | ${steps(h.bare)} | | |`);
    lines.push(`| task completions (\`draftAgreement\`), paced, ${h.seconds} s a step | ${steps(h.ours)} | | |`);
    const ratio = h.bare.held ? round2(h.ours.held / h.bare.held) : 0;
    // A side that held at the top rate tried holds at least that: the ratio is a bound, which may not decide.
    const bound = h.bare.atTop === h.ours.atTop ? '' : h.bare.atTop ? '≤ ' : '≥ ';
    const decided = !(h.bare.atTop && h.ours.atTop) && !(bound === '≤ ' && ratio >= 0.8) && !(bound === '≥ ' && ratio < 0.8);
    lines.push(
      `| completion rate held at p99 < ${HELD_P99_MS} ms, ours / bare (${rate(h.ours)} / ${rate(h.bare)}) | ${bound}${ratio} | ≥ 0.8 | ${decided ? verdict(ratio >= 0.8) : '**not decided**'} |`,
    );
  }
  const a = r.audit;
  if (a) {
    lines.push(
      `| bare \`fetchHistory\` of ${a.events} events in ${a.runs} runs (${(a.historyBytes / 2 ** 20).toFixed(1)} MiB) | ${a.fetchHistoryMs} ms (median of ${a.repetitions}) | | |`,
    );
    lines.push(
      a.timelineMs === undefined
        ? `| timeline of the same process | not measured: it answered \`${a.timelineStatus?.replace(/\|/g, '/')}\` | ≤ 1.5 | **missed** |`
        : `| timeline of the same process (${a.timelineEntries} entries) | ${a.timelineMs} ms, ratio ${a.timelineRatio}; the first read ${a.firstTimelineMs} ms | ≤ 1.5 | ${verdict(a.timelineRatio! <= 1.5)} |`,
    );
    lines.push(
      a.exportMs === undefined
        ? `| export bundle of the same process | not measured: it answered \`${a.exportStatus?.replace(/\|/g, '/')}\` | ≤ 1.5 | **missed** |`
        : `| export bundle of the same process | ${a.exportMs} ms, ratio ${a.exportRatio}; the first, after the timeline, ${a.firstExportMs} ms | ≤ 1.5 | ${verdict(a.exportRatio! <= 1.5)} |`,
    );
  }
  const m = r.memory;
  if (m) {
    lines.push(
      `| worker RSS, ${m.workflows} agreements waiting (${m.cached} in the worker's cache) | ${m.rssMiB} MiB (peak ${m.peakMiB}, ${m.baselineMiB} before) | < 400 MB | ${verdict(m.rssMiB * 1.048576 < 400)} |`,
    );
    lines.push(`| bare worker RSS, as many bare workflows waiting | ${m.bare.rssMiB} MiB (${m.bare.baselineMiB} before) | | |`);
    lines.push(
      `| worker RSS before any workflow: tsx (\`npm run worker\`) / compiled (\`node dist/server/worker/main.js\`) | ${m.idle.tsxMiB} / ${m.idle.compiledMiB} MiB | | |`,
    );
    lines.push(`| launches through the API (to the first task open) | ${m.launchRate}/s | | |`);
  }
  const s = r.startup;
  if (s) {
    lines.push(`| \`npm start\`, cold (empty data folder) | ${s.coldSeconds} s to serving (${s.coldPrinted} s printed) | | |`);
    lines.push(`| \`npm start\`, warm | ${s.warmSeconds} s to serving (${s.warmPrinted} s printed) | | |`);
  }
  return lines.join('\n');
}

/** Puts the figures between the markers, keeping the hand-written text around them. */
export function writeReport(path: string, figures: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  const begin = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${path} lacks the markers ${BEGIN} … ${END}`);
  writeFileSync(path, `${current.slice(0, begin + BEGIN.length)}\n${figures}\n${current.slice(end)}`);
}
