/**
 * The attachment store: files by their SHA-256, in two-level names (ab/abcdef…). Content-addressed: the
 * same bytes are kept once, and a name is proof of the content. Two places keep them:
 * - a directory (`DATA_DIR/attachments` by default), written to a temporary file and renamed, so a
 *   reader never sees half a file;
 * - an S3-compatible bucket when ATTACHMENTS_S3_ENDPOINT is set (the cluster layout: every API process
 *   sees the same files without a shared volume), objects `<prefix>ab/abcdef…` (one PUT is atomic).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { s3Client, type S3Client } from './s3-client';

export interface AttachmentFiles {
  put(bytes: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer | undefined>;
  /** Where the files are, for logs and the verify script's report (never a credential). */
  describe: string;
}

const DIGEST = /^[0-9a-f]{64}$/;

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function attachmentFiles(dir: string): AttachmentFiles {
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256);
  return {
    describe: `directory ${dir}`,
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      const path = pathOf(sha256);
      if (
        await stat(path).then(
          () => true,
          () => false,
        )
      )
        return sha256;
      await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
      const temporary = `${path}.${randomBytes(6).toString('hex')}.part`;
      await writeFile(temporary, bytes, { mode: 0o600 });
      await rename(temporary, path);
      return sha256;
    },
    async get(sha256) {
      if (!DIGEST.test(sha256)) return undefined;
      return readFile(pathOf(sha256)).catch(() => undefined);
    },
  };
}

/** The same store in an S3-compatible bucket; `prefix` keeps the files apart from anything else in it. */
export function s3AttachmentFiles(client: S3Client, prefix = 'attachments/', where = 'S3'): AttachmentFiles {
  const keyOf = (sha256: string) => `${prefix}${sha256.slice(0, 2)}/${sha256}`;
  return {
    describe: where,
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      if (!(await client.exists(keyOf(sha256)))) await client.put(keyOf(sha256), bytes);
      return sha256;
    },
    async get(sha256) {
      if (!DIGEST.test(sha256)) return undefined;
      return client.get(keyOf(sha256));
    },
  };
}

export interface AttachmentStoreSettings {
  DATA_DIR: string;
  ATTACHMENTS_S3_ENDPOINT?: string;
  ATTACHMENTS_S3_BUCKET?: string;
  ATTACHMENTS_S3_REGION: string;
  ATTACHMENTS_S3_PREFIX: string;
  ATTACHMENTS_S3_ACCESS_KEY_ID?: string;
  ATTACHMENTS_S3_SECRET_ACCESS_KEY?: string;
}

/** The store the settings name: the S3 bucket when an endpoint is set, else `DATA_DIR/attachments`. */
export function attachmentFilesOf(config: AttachmentStoreSettings, dataDir = resolve(config.DATA_DIR)): AttachmentFiles {
  const endpoint = config.ATTACHMENTS_S3_ENDPOINT;
  if (!endpoint) return attachmentFiles(join(dataDir, 'attachments'));
  const { ATTACHMENTS_S3_BUCKET: bucket, ATTACHMENTS_S3_ACCESS_KEY_ID: accessKeyId, ATTACHMENTS_S3_SECRET_ACCESS_KEY: secret } = config;
  if (!bucket || !accessKeyId || !secret)
    throw new Error(
      'ATTACHMENTS_S3_ENDPOINT wants ATTACHMENTS_S3_BUCKET, ATTACHMENTS_S3_ACCESS_KEY_ID and ATTACHMENTS_S3_SECRET_ACCESS_KEY',
    );
  const client = s3Client({ endpoint, bucket, region: config.ATTACHMENTS_S3_REGION, accessKeyId, secretAccessKey: secret });
  return s3AttachmentFiles(client, config.ATTACHMENTS_S3_PREFIX, `S3 bucket ${bucket} at ${new URL(endpoint).origin}`);
}
