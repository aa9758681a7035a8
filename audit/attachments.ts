/**
 * Attachments against an audit bundle: the files its timeline says were attached (fileAttached, with
 * their SHA-256; the timeline is signed with the bundle) must be at hand with exactly those bytes.
 * Files are looked up in a directory laid out as the attachment store keeps them (ab/abcdef…) or flat,
 * or read from an attachment store itself (the S3 bucket of a cluster).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentFiles } from '../store/attachment-files';

export interface AttachmentCheck {
  attachments: 'ok' | 'failed' | 'none';
  files: { sha256: string; fileName: string; result: 'ok' | 'missing' | 'changed' }[];
}

/** The files a bundle's timeline names, once each. */
export function attachedFiles(bundle: { timeline?: unknown[] }): { sha256: string; fileName: string }[] {
  const seen = new Map<string, string>();
  for (const entry of (bundle.timeline ?? []) as { kind?: string; attachment?: { sha256?: unknown; fileName?: unknown } }[]) {
    const a = entry.attachment;
    if (entry.kind === 'fileAttached' && typeof a?.sha256 === 'string' && /^[0-9a-f]{64}$/.test(a.sha256) && !seen.has(a.sha256))
      seen.set(a.sha256, String(a.fileName ?? ''));
  }
  return [...seen].map(([sha256, fileName]) => ({ sha256, fileName }));
}

export async function verifyAttachments(bundle: { timeline?: unknown[] }, source: string | AttachmentFiles): Promise<AttachmentCheck> {
  const files: AttachmentCheck['files'] = [];
  for (const { sha256, fileName } of attachedFiles(bundle)) {
    const bytes =
      typeof source !== 'string'
        ? await source.get(sha256)
        : ((await readFile(join(source, sha256.slice(0, 2), sha256)).catch(() => undefined)) ??
          (await readFile(join(source, sha256)).catch(() => undefined)));
    const result = !bytes ? 'missing' : createHash('sha256').update(bytes).digest('hex') === sha256 ? 'ok' : 'changed';
    files.push({ sha256, fileName, result });
  }
  return { attachments: !files.length ? 'none' : files.every((f) => f.result === 'ok') ? 'ok' : 'failed', files };
}
