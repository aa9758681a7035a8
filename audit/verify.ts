import type { KeyObject } from 'node:crypto';
import type { PayloadCodec } from '@temporalio/common';
import { bundleSchema, serializeBundle, signedText } from './bundle';
import { chainProblem } from './hash-chain';
import type { RunHistory } from './histories';
import { replayProblem } from './replay';
import { keyIdOf, publicKeyFromText, verifyText } from './signing';
import type { WorkflowCode } from './workflow-code';

export interface Verification {
  processId: string;
  chain: 'ok' | 'broken';
  signature: 'ok' | 'bad';
  replay: 'ok' | 'failed';
  /** The workflow code the histories were replayed against (this process's). */
  codeVersion: string;
  /** The code version the bundle says exported it. */
  exportedCodeVersion: string;
  /** What failed, for each check that did. */
  failures: { chain?: string; signature?: string; replay?: string };
}

/** Not a bundle at all: no check can be made (the API answers 400). */
export class NotABundle extends Error {
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface VerifyDeps {
  /** Public keys whose signatures are trusted: this deployment's own, and any the verifier was given. */
  trustedKeys: KeyObject[];
  code: () => Promise<WorkflowCode>;
  codecs: readonly PayloadCodec[];
}

/**
 * Checks a bundle three ways: its hash chain over the events, its signature (by a trusted key, over
 * exactly these bytes when the file's text is given), and a replay of its histories against the
 * current workflow code. Each check is made and reported even when another fails.
 */
export async function verifyBundle(input: string | unknown, deps: VerifyDeps): Promise<Verification> {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (error) {
      throw new NotABundle(`the bundle is not JSON: ${(error as Error).message}`);
    }
  }
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    throw new NotABundle(
      'not an audit bundle',
      parsed.error.issues.map((issue) => ({ path: ['body', ...issue.path].join('.'), message: issue.message })),
    );
  }
  const bundle = parsed.data;
  const { id, chainId } = bundle.process;
  const runs = bundle.runs as RunHistory[];
  const failures: Verification['failures'] = {};

  failures.signature =
    signatureProblem(raw as Record<string, unknown>, typeof input === 'string' ? input : undefined, deps.trustedKeys) ?? undefined;
  failures.chain = chainProblem(id, chainId, runs, bundle.chain) ?? undefined;
  const code = await deps.code();
  failures.replay = (await replayProblem(code, id, runs, deps.codecs)) ?? undefined;
  return {
    processId: id,
    chain: failures.chain ? 'broken' : 'ok',
    signature: failures.signature ? 'bad' : 'ok',
    replay: failures.replay ? 'failed' : 'ok',
    codeVersion: code.version,
    exportedCodeVersion: bundle.codeVersion,
    failures: JSON.parse(JSON.stringify(failures)) as Verification['failures'],
  };
}

function signatureProblem(bundle: Record<string, unknown>, text: string | undefined, trusted: KeyObject[]): string | null {
  const signature = bundle.signature as { keyId: string; publicKey: string; value: string };
  let key: KeyObject;
  try {
    key = publicKeyFromText(signature.publicKey);
  } catch {
    return 'the signature carries no readable Ed25519 public key';
  }
  const keyId = keyIdOf(key);
  if (keyId !== signature.keyId) return `the signature names key ${signature.keyId} but carries key ${keyId}`;
  if (!trusted.some((k) => keyIdOf(k) === keyId)) return `signed by key ${keyId}, which is not a key this verifier trusts`;
  if (!verifyText(key, signedText(bundle), signature.value)) return 'the signature does not match the bundle';
  // Canonical JSON is one text per value: any other text (a byte changed outside a value, say) is not what was signed.
  if (text !== undefined && text.replace(/\n$/, '') !== serializeBundle(bundle).replace(/\n$/, '')) {
    return 'the file is not byte for byte the bundle as exported (it was re-formatted or edited)';
  }
  return null;
}
