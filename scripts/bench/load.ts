/**
 * The load tool's process: autocannon against the API from a process of its own, so the load does
 * not share an event loop with what it measures. Reads its plan from the file named by LOAD_PLAN and
 * prints one JSON line: every answer's latency percentiles, its statuses and the rate. A closed
 * loop is autocannon's; a paced open loop is this file's own, since autocannon's rate limit is bursty.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { percentile, round } from './stats';

export interface LoadPlan {
  url: string;
  connections: number;
  /** Seconds of load, or: */
  duration?: number;
  /** a number of requests. */
  amount?: number;
  /** Requests per second in all, sent open loop (see `paced`); none: a closed loop by autocannon. */
  overallRate?: number;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Paths taken in turn, one per request (each task completed once); the url's path otherwise. */
  paths?: string[];
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  errors: number;
}

const plan = JSON.parse(readFileSync(process.env.LOAD_PLAN!, 'utf8')) as LoadPlan;
const latencies: number[] = [];
const statuses: Record<string, number> = {};
let next = 0;
const nextPath = () => plan.paths![next++ % plan.paths!.length];

function report(seconds: number, errors: number): void {
  const summary: LoadResult = {
    requests: latencies.length,
    perSecond: round(latencies.length / seconds, 1),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(Math.max(...latencies)),
    statuses,
    errors,
  };
  console.log(JSON.stringify(summary));
}

/** Closed loop, autocannon: each connection sends its next request as soon as the last is answered. */
function closedLoop(): void {
  const instance = autocannon(
    {
      url: plan.url,
      connections: plan.connections,
      // autocannon refuses an option given as undefined: only those the plan sets.
      ...(plan.duration ? { duration: plan.duration } : {}),
      ...(plan.amount ? { amount: plan.amount } : {}),
      timeout: 30,
      method: plan.method,
      headers: plan.headers,
      body: plan.body,
      requests: plan.paths ? [{ setupRequest: (request) => ({ ...request, path: nextPath() }) }] : undefined,
    },
    (error, result) => {
      if (error) throw error;
      report(result.duration, result.errors);
    },
  );
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
}

/**
 * Open loop at a steady rate over at most `connections` kept-alive sockets: requests leave at even
 * intervals whether or not earlier ones were answered, and a request's time counts from when it was
 * due, its wait for a free socket included (autocannon's own rate limit sends each second's
 * requests in one burst at the start of the second).
 */
async function paced(rate: number): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.connections });
  const url = new URL(plan.url);
  const total = plan.amount ?? Math.round(rate * (plan.duration ?? 10));
  let errors = 0;
  const started = performance.now();
  const sent: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const path = plan.paths ? nextPath() : url.pathname + url.search;
    sent.push(
      new Promise<void>((resolve) => {
        const req = request({ host: url.hostname, port: url.port, path, method: plan.method, headers: plan.headers, agent }, (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - due);
            statuses[res.statusCode!] = (statuses[res.statusCode!] ?? 0) + 1;
            resolve();
          });
        });
        req.on('error', () => {
          errors++;
          resolve();
        });
        req.end(plan.body);
      }),
    );
  }
  await Promise.all(sent);
  report((performance.now() - started) / 1000, errors);
  agent.destroy();
}

if (plan.overallRate) void paced(plan.overallRate);
else closedLoop();
