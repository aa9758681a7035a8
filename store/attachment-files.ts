/**
 * The attachment store: files by their SHA-256, under a directory (`DATA_DIR/attachments` by default),
 * in two-level folders (ab/abcdef…). Content-addressed: the same bytes are kept once, and a name is
 * proof of the content. Written to a temporary file and renamed, so a reader never sees half a file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface AttachmentFiles {
  put(bytes: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer | undefined>;
}

const DIGEST = /^[0-9a-f]{64}$/;

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function attachmentFiles(dir: string): AttachmentFiles {
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256);
  return {
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
