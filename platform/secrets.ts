import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The embedded default makes its own token secret once and keeps it under the data folder. */
export function embeddedTokenSecret(dataDir: string): string {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { tokenSecret: string }).tokenSecret;
  mkdirSync(dataDir, { recursive: true });
  const tokenSecret = randomBytes(32).toString('base64url');
  writeFileSync(file, JSON.stringify({ tokenSecret }, null, 2), { mode: 0o600 });
  return tokenSecret;
}
