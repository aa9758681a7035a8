/**
 * Files attached to a process step: scans, maps, decision documents. Kept as bytes, by their SHA-256,
 * never rendered: only these types are taken, each checked by its first bytes, up to a size limit.
 */
import { z } from 'zod';
import { refusal, type Refusal } from './refusals';
import { builtOnFirstUse, text } from './schemas';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Accepted media types and the bytes each file of that type starts with. */
export const ATTACHMENT_TYPES: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

export const ATTACHMENT_PURPOSES = ['scan', 'map', 'decision', 'photo', 'other'] as const;
export const ATTACHMENT_PURPOSE_LABELS: Record<(typeof ATTACHMENT_PURPOSES)[number], { zh: string; en: string }> = {
  scan: { zh: '扫描件', en: 'Scan' },
  map: { zh: '地图', en: 'Map' },
  decision: { zh: '决定书', en: 'Decision document' },
  // An inspection's on-site photographs (现场检查照片).
  photo: { zh: '现场照片', en: 'On-site photo' },
  other: { zh: '其他', en: 'Other' },
};

export const attachmentSchema = builtOnFirstUse(() =>
  z
    .object({
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      size: z.number().int().min(1).max(ATTACHMENT_MAX_BYTES),
      mediaType: z.enum(Object.keys(ATTACHMENT_TYPES) as [string, ...string[]]),
      fileName: text(200),
      purpose: z.enum(ATTACHMENT_PURPOSES),
    })
    .strict(),
);
export type Attachment = z.infer<typeof attachmentSchema>;

/** Why these bytes are not an acceptable file of the declared type (a refusal about the body); undefined when they are. */
export function attachmentRefusal(mediaType: string, bytes: Uint8Array): Refusal | undefined {
  const magic = ATTACHMENT_TYPES[mediaType];
  if (!magic) return refusal('ATTACHMENT_TYPE_NOT_TAKEN', { mediaType, accepted: Object.keys(ATTACHMENT_TYPES) }, 'body');
  if (bytes.length === 0) return refusal('ATTACHMENT_EMPTY', {}, 'body');
  if (bytes.length > ATTACHMENT_MAX_BYTES) return refusal('ATTACHMENT_TOO_LARGE', { maxMb: ATTACHMENT_MAX_BYTES / 1024 / 1024 }, 'body');
  if (!magic.every((byte, i) => bytes[i] === byte)) return refusal('ATTACHMENT_NOT_ITS_TYPE', { mediaType }, 'body');
  return undefined;
}
