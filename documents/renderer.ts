/**
 * Renders documents off the API's event loop, in one long-lived worker thread (documents/render-worker.ts),
 * started on the first document and kept (unreferenced: it never keeps a process alive). Requests go on
 * being answered while a document is laid out. `renderEvents` tells when a rendering starts and ends.
 */
import { EventEmitter } from 'node:events';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentText } from '../domain/document-text';
import type { RenderJob, RenderReply } from './render-worker';

export const renderEvents = new EventEmitter<{ start: [subject: string]; end: [subject: string] }>();

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (pdf: Buffer) => void; reject: (error: Error) => void }>();

function renderThread(): Worker {
  if (worker) return worker;
  // Compiled, the entry is JavaScript; from source (tsx, jest) the thread loads TypeScript through tsx.
  const file = join(__dirname, `render-worker${extname(__filename)}`);
  const started = file.endsWith('.ts')
    ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true })
    : new Worker(file);
  started.unref();
  started.on('message', (reply: RenderReply) => {
    const job = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply) job?.reject(new Error(`rendering failed: ${reply.error}`));
    else job?.resolve(Buffer.from(reply.pdf));
  });
  // A thread that died fails what it held; the next document starts a new one.
  const fail = (error: Error) => {
    if (worker === started) worker = undefined;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`the rendering thread exited (${code})`)));
  return (worker = started);
}

export function renderInThread(text: DocumentText, meta: RenderJob['meta']): Promise<Buffer> {
  const id = nextId++;
  const thread = renderThread();
  renderEvents.emit('start', meta.subject);
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    thread.postMessage({ id, text, meta } satisfies RenderJob);
  }).finally(() => renderEvents.emit('end', meta.subject));
}

/** Ends the thread (a process shutting down, a test's end). */
export async function stopRenderer(): Promise<void> {
  const running = worker;
  worker = undefined;
  await running?.terminate();
}
