/**
 * `npm run audit:verify -- bundle.json [--public-key key.pem]`: verifies an audit bundle without the
 * engine or the records store — its hash chain, its signature (by this deployment's key, or one
 * given), and a replay of its histories against this checkout's workflow code. Keys come from the
 * environment (AUDIT_SIGNING_KEY or --public-key, PAYLOAD_KEY) or, for the embedded default, from
 * DATA_DIR. The files the bundle names are checked too: in --attachments <dir>, else in this deployment's
 * attachment store (its S3 bucket when ATTACHMENTS_S3_ENDPOINT is set, else DATA_DIR/attachments).
 * Prints the result as JSON; exits 0 when all hold, 1 otherwise.
 *
 * `npm run audit:verify -- document.pdf [--organisation-keys keys.json]`: a printed document — which
 * organisations signed it and whether it is byte for byte as signed, against the organisations' keys
 * (this deployment's: ORGANISATION_KEYS_DIR, else derived from its audit key; or the list that
 * GET /api/audit/organisation-keys published).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyAttachments } from '../audit/attachments';
import { attachmentFilesOf } from '../store/attachment-files';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { keyringKeys, organisationKeyring, type OrganisationKeys } from '../audit/organisation-keys';
import { publicKeyFromText } from '../audit/signing';
import { verifyPdf } from '../documents/pdf-signature';
import { NotABundle, verifyBundle } from '../audit/verify';
import { workflowCodeOnce } from '../audit/workflow-code';
import { loadConfig } from '../platform/config';
import { auditSigningKeyOf, payloadCodecOf } from '../platform/keys';
import { bundleWorkflows, readWorkflowBundle } from '../worker/create-worker';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const keyAt = args.indexOf('--public-key');
  const keyFile = keyAt >= 0 ? args.splice(keyAt, 2)[1] : undefined;
  const filesAt = args.indexOf('--attachments');
  const filesDir = filesAt >= 0 ? args.splice(filesAt, 2)[1] : undefined;
  const orgKeysAt = args.indexOf('--organisation-keys');
  const orgKeysFile = orgKeysAt >= 0 ? args.splice(orgKeysAt, 2)[1] : undefined;
  const [file] = args;
  if (!file) {
    console.error('usage: npm run audit:verify -- <bundle.json> [--public-key <file>] [--attachments <dir>]');
    console.error('       npm run audit:verify -- <document.pdf> [--organisation-keys <file>]');
    return 2;
  }
  const config = loadConfig('embedded');
  const dataDir = resolve(config.DATA_DIR);
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const keys = orgKeysFile
      ? publishedKeys(orgKeysFile)
      : keyringKeys(organisationKeyring(auditSigningKeyOf(config, dataDir), config.ORGANISATION_KEYS_DIR));
    const result = verifyPdf(bytes, keys);
    console.log(JSON.stringify(result, null, 2));
    return result.valid ? 0 : 1;
  }
  // The SDK's replay worker says little worth reading here but its warnings.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const trustedKeys = keyFile ? [publicKeyFromText(readFileSync(keyFile, 'utf8'))] : [auditSigningKeyOf(config, dataDir).publicKey];
  try {
    const result = await verifyBundle(readFileSync(file, 'utf8'), {
      trustedKeys,
      codecs: [payloadCodecOf(config, dataDir)],
      code: workflowCodeOnce(async () => (config.WORKFLOW_BUNDLE ? readWorkflowBundle(config.WORKFLOW_BUNDLE) : bundleWorkflows())),
    });
    // The files the bundle names, from the directory given, or this deployment's attachment store (its S3 bucket or DATA_DIR).
    const text = readFileSync(file, 'utf8');
    const files = await verifyAttachments(JSON.parse(text) as { timeline?: unknown[] }, filesDir ?? attachmentFilesOf(config, dataDir));
    console.log(JSON.stringify({ ...result, ...files }, null, 2));
    return result.chain === 'ok' && result.signature === 'ok' && result.replay === 'ok' && files.attachments !== 'failed' ? 0 : 1;
  } catch (error) {
    if (!(error instanceof NotABundle)) throw error;
    console.log(JSON.stringify({ error: error.message, details: error.details }, null, 2));
    return 1;
  }
}

/** The organisations' keys as GET /api/audit/organisation-keys lists them. */
function publishedKeys(file: string): OrganisationKeys {
  const list = (JSON.parse(readFileSync(file, 'utf8')) as { keys: { orgId: string; publicKey: string }[] }).keys;
  const keys = new Map(list.map((k) => [k.orgId, publicKeyFromText(k.publicKey)]));
  return (orgId) => keys.get(orgId);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
