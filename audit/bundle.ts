import { z } from 'zod';
import { canonicalCopy, canonicalJson, withKeysSorted } from './canonical';
import { chainSchema, hashChain } from './hash-chain';
import type { RunHistory } from './histories';
import { publicKeyText, signText, type SigningKey } from './signing';

/**
 * The audit bundle of one process: the raw histories of all its runs (payloads sealed as the engine
 * stores them), its timeline, the code version that exported it, a SHA-256 chain over the events and
 * an Ed25519 signature over all of it. Written as canonical JSON (sorted keys, two-space indent), so
 * the file's bytes are exactly what was signed.
 */
export const BUNDLE_FORMAT = 'collab-zones/audit-bundle@1';

const eventSchema = z.looseObject({ eventId: z.string(), eventTime: z.string(), eventType: z.string() });

export const bundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    process: z.object({ id: z.string(), type: z.string(), chainId: z.string(), status: z.string() }).strict(),
    exportedAt: z.string(),
    exportedBy: z.object({ userId: z.string(), orgId: z.string() }).strict(),
    /** The code that exported the bundle; a verification reports the code it replayed with. */
    codeVersion: z.string(),
    /** Build ids (the SDK's digest of the workflow bundle) of the workers that ran the workflow tasks. */
    workerBuildIds: z.array(z.string()),
    runs: z.array(z.object({ runId: z.string(), history: z.object({ events: z.array(eventSchema) }).loose() }).strict()),
    timeline: z.array(z.record(z.string(), z.unknown())),
    chain: chainSchema,
    signature: z.object({ algorithm: z.literal('Ed25519'), keyId: z.string(), publicKey: z.string(), value: z.string() }).strict(),
  })
  .strict();
export type Bundle = z.infer<typeof bundleSchema>;
export type BundleContent = Omit<Bundle, 'signature' | 'chain' | 'format'>;

/** The file: canonical, indented, one newline at the end. */
export const serializeBundle = (bundle: unknown) => `${canonicalJson(bundle, 2)}\n`;

/** What the signature covers: everything but itself, canonical and compact. */
export function signedText(bundle: Record<string, unknown>): string {
  const { signature: _signature, ...content } = bundle;
  return canonicalJson(content);
}

/**
 * The bundle's file. Its content is sorted into canonical form once (canonicalCopy): the signed text
 * and the file are each a plain JSON.stringify of that copy, and the chain hashes its events (a closed
 * run's links are kept, audit/hash-chain.ts). The same bytes as signedText and serializeBundle, which
 * sort everything again each time (several MB for a long process); verifyBundle still checks with those.
 */
export function exportBundle(content: BundleContent, key: SigningKey): string {
  // A chain and a signature in the content (a bundle signed again) give way to the new ones, as before.
  const { chain: _chain, signature: _signature, ...body } = { format: BUNDLE_FORMAT, ...content } as Record<string, unknown>;
  const sorted = canonicalCopy(body) as Record<string, unknown> & Pick<BundleContent, 'process' | 'runs'>;
  const chain = canonicalCopy(hashChain(sorted.process.id, sorted.process.chainId, content.runs as RunHistory[], sorted.runs as RunHistory[]));
  const unsigned = withKeysSorted({ ...sorted, chain });
  const signature = { algorithm: 'Ed25519' as const, keyId: key.keyId, publicKey: publicKeyText(key.publicKey), value: signText(key, JSON.stringify(unsigned)) };
  return `${JSON.stringify(withKeysSorted({ ...unsigned, signature: canonicalCopy(signature) }), null, 2)}\n`;
}
