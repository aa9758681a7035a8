/**
 * The thread documents are rendered in (documents/renderer.ts): laying out a document means parsing a
 * CJK font collection of tens of megabytes (seconds of CPU the first time), which must not hold up the
 * API's event loop. The thread lives on between documents, so the parsed fonts are kept.
 */
import { parentPort } from 'node:worker_threads';
import type { DocumentText } from '../domain/document-text';
import { renderDocumentPdf } from './render-pdf';

export interface RenderJob {
  id: number;
  text: DocumentText;
  meta: { issuedAt: string; subject: string };
}
export type RenderReply = { id: number; pdf: Uint8Array } | { id: number; error: string };

parentPort?.on('message', (job: RenderJob) => {
  renderDocumentPdf(job.text, job.meta).then(
    (pdf) => parentPort!.postMessage({ id: job.id, pdf } satisfies RenderReply),
    (error: unknown) =>
      parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
  );
});
