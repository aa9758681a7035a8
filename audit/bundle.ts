import { z } from 'zod';
import { canonicalCopy, canonicalJson, withKeysSorted } from './canonical';
import { chainSchema, hashChain } from './hash-chain';
import { isClosed, type RunHistory } from './histories';
import { publicKeyText, signBytes, type SigningKey } from './signing';

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
 * A closed run's parts of the signed text and of the file, as UTF-8: a closed run never changes, so
 * an export of a long process sorts, serialises and encodes its open run only. Kept by the history
 * object audit/histories.ts keeps (within its 64 MiB), as the run's facts and chain links are, so they
 * go when it does; outside the JS heap, about 2.4 times the run's compact JSON.
 */
interface RunTexts {
  runId: string;
  compact: Buffer;
  indented: Buffer;
}
const closedRunTexts = new WeakMap<RunHistory['history'], RunTexts>();

/** Indent of a run within the file: an element of `runs`, itself a key of the bundle. */
const RUN_INDENT = '    ';

/**
 * A run's compact text and its text as `JSON.stringify(bundle, null, 2)` writes it where runs stand:
 * the run's own indented text with every line after the first indented further (a JSON string holds
 * no raw newline, so every newline is one the indent wrote).
 */
function runTexts(canonicalRun: RunHistory): RunTexts {
  return {
    runId: canonicalRun.runId,
    compact: Buffer.from(JSON.stringify(canonicalRun), 'utf8'),
    indented: Buffer.from(JSON.stringify(canonicalRun, null, 2).replaceAll('\n', `\n${RUN_INDENT}`), 'utf8'),
  };
}

/**
 * A bundle object's JSON (keys in the record's order, sorted by the caller) as UTF-8, compact or
 * indented by two spaces as JSON.stringify writes them, with its runs given as their texts, then `end`.
 */
function bundleBytes(record: Record<string, unknown>, runs: Buffer[], indented: boolean, end = ''): Buffer {
  const parts: Buffer[] = [];
  let text = '{';
  const flush = () => {
    parts.push(Buffer.from(text, 'utf8'));
    text = '';
  };
  let first = true;
  for (const [key, value] of Object.entries(record)) {
    const valueText = key === 'runs' ? '' : indented ? JSON.stringify(value, null, 2)?.replaceAll('\n', '\n  ') : JSON.stringify(value);
    if (valueText === undefined) continue; // as JSON.stringify leaves out an undefined or a function
    text += `${first ? '' : ','}${indented ? '\n  ' : ''}${JSON.stringify(key)}:${indented ? ' ' : ''}`;
    first = false;
    if (key !== 'runs') text += valueText;
    else if (!runs.length) text += '[]';
    else {
      text += '[';
      runs.forEach((run, r) => {
        text += `${r ? ',' : ''}${indented ? `\n${RUN_INDENT}` : ''}`;
        flush();
        parts.push(run);
      });
      text += indented ? '\n  ]' : ']';
    }
  }
  text += `${indented && !first ? '\n}' : '}'}${end}`;
  flush();
  return Buffer.concat(parts);
}

/**
 * The bundle's file as UTF-8. Its content is sorted into canonical form once (canonicalCopy), a
 * closed run's only the first time (its texts are kept, above): the signed text and the file are
 * the plain JSON.stringify of that copy, compact and indented, and the chain hashes its events (a
 * closed run's links are kept, audit/hash-chain.ts). The same bytes as signedText and
 * serializeBundle, which sort everything again each time (several MB for a long process);
 * verifyBundle still checks with those.
 */
export function exportBundleBytes(content: BundleContent, key: SigningKey): Buffer {
  // A chain and a signature in the content (a bundle signed again) give way to the new ones, as before.
  const {
    chain: _chain,
    signature: _signature,
    runs,
    ...rest
  } = { format: BUNDLE_FORMAT, ...content } as Record<string, unknown> & Pick<BundleContent, 'runs'>;
  const sorted = canonicalCopy(rest) as Record<string, unknown> & Pick<BundleContent, 'process'>;
  const canonical: RunHistory[] = [];
  const canonicalRun = (r: number) => (canonical[r] ??= canonicalCopy(runs[r]) as RunHistory);
  const texts = (runs as RunHistory[]).map((run, r) => {
    const kept = closedRunTexts.get(run.history);
    if (kept?.runId === run.runId) return kept;
    const made = runTexts(canonicalRun(r));
    if (isClosed(run.history)) closedRunTexts.set(run.history, made);
    return made;
  });
  const chain = canonicalCopy(hashChain(sorted.process.id, sorted.process.chainId, runs as RunHistory[], canonicalRun));
  // The runs' place among the keys: the texts stand there.
  const unsigned = withKeysSorted({ ...sorted, runs: [], chain });
  const signature = {
    algorithm: 'Ed25519' as const,
    keyId: key.keyId,
    publicKey: publicKeyText(key.publicKey),
    value: signBytes(
      key,
      bundleBytes(
        unsigned,
        texts.map((t) => t.compact),
        false,
      ),
    ),
  };
  return bundleBytes(
    withKeysSorted({ ...unsigned, signature: canonicalCopy(signature) }),
    texts.map((t) => t.indented),
    true,
    '\n',
  );
}

/** The bundle's file as text: exportBundleBytes decoded. */
export const exportBundle = (content: BundleContent, key: SigningKey): string => exportBundleBytes(content, key).toString('utf8');
