import { z } from 'zod';
import { bundleSchema, exportBundleBytes } from '../../audit/bundle';
import { publicKeyText } from '../../audit/signing';
import { NotABundle, verifyBundle } from '../../audit/verify';
import { keyringKeys, keyringOf } from '../../audit/organisation-keys';
import { NotAPdf, verifyPdf } from '../../documents/pdf-signature';
import { HttpError, refused } from '../errors';
import { processTimeline } from '../process-timeline';
import { defineRoute, type AuditDeps, type RouteDeps } from '../route';
import { idParams, langSchema } from '../schemas';
import { chainHistories } from '../../audit/histories';
import { chainIdOf, readableProcess } from './processes';
import { organizationNames } from '../../store/organizations';

function auditOf(deps: RouteDeps): AuditDeps {
  if (!deps.audit) throw new HttpError(501, 'NOT_CONFIGURED', 'this API process has no audit signing key');
  return deps.audit;
}

export const getHistory = defineRoute({
  method: 'get',
  path: '/api/processes/{id}/history',
  summary: 'The raw Temporal histories of every run of the process, payloads sealed as the engine stores them',
  tag: 'Audit',
  params: idParams,
  response: z.object({
    processId: z.string(),
    chainId: z.string(),
    runs: z.array(z.object({ runId: z.string(), history: z.object({ events: z.array(z.record(z.string(), z.unknown())) }).loose() })),
  }),
  async handler({ params, user, deps }) {
    const { description } = await readableProcess(deps, user, params.id);
    return { processId: params.id, chainId: chainIdOf(description), runs: await chainHistories(deps.client, params.id, description.runId) };
  },
});

/**
 * A download's name in a header that takes only ASCII: a plain fallback, and the real name (a penalty's
 * decision number is Chinese: 营盖市监罚〔2026〕1号) as RFC 6266 / 5987 UTF-8.
 */
export function attachment(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export const exportProcess = defineRoute({
  method: 'get',
  path: '/api/processes/{id}/export',
  summary:
    'The audit bundle: raw histories of every run, the timeline, the code version, a SHA-256 chain over the events, signed with Ed25519 (verify with POST /api/audit/verify or npm run audit:verify)',
  tag: 'Audit',
  params: idParams,
  query: z.object({ lang: langSchema }),
  produces: 'application/json',
  // The file's bytes, sent as they are (Express would encode a text of several MB to UTF-8 again).
  response: z.instanceof(Buffer).meta({ type: 'object', description: 'the signed bundle, as JSON' }),
  async handler({ params, query, user, deps, res }) {
    const audit = auditOf(deps);
    const { description, definition } = await readableProcess(deps, user, params.id);
    const chainId = chainIdOf(description);
    const timeline = await processTimeline(deps, params.id, description.runId, chainId, query.lang, user);
    const code = await audit.workflowCode();
    res.setHeader('Content-Disposition', attachment(`${params.id}.audit.json`));
    return exportBundleBytes(
      {
        process: { id: params.id, type: definition.type, chainId, status: description.status.name },
        exportedAt: new Date().toISOString(),
        exportedBy: { userId: user.id, orgId: user.orgId },
        codeVersion: code.version,
        workerBuildIds: timeline.buildIds,
        runs: timeline.runs,
        timeline: timeline.entries,
      },
      audit.signingKey,
    );
  },
});

const verificationSchema = z.object({
  processId: z.string(),
  chain: z.enum(['ok', 'broken']),
  signature: z.enum(['ok', 'bad']),
  replay: z.enum(['ok', 'failed']),
  codeVersion: z.string(),
  exportedCodeVersion: z.string(),
  failures: z.object({ chain: z.string().optional(), signature: z.string().optional(), replay: z.string().optional() }),
});

export const documentVerificationSchema = z.object({
  signed: z.boolean(),
  valid: z.boolean(),
  number: z.string().optional(),
  processId: z.string().optional(),
  signatures: z.array(z.object({ orgId: z.string(), orgName: z.string(), keyId: z.string(), result: z.enum(['ok', 'bad', 'untrusted']) })),
  problem: z.string().optional(),
});

export const verifyAudit = defineRoute({
  method: 'post',
  path: '/api/audit/verify',
  summary:
    "Checks a bundle's hash chain and signature, and replays its histories against the current workflow code; or, sent as application/pdf, a printed document's organisation signatures (who signed it, and that it is byte for byte as signed)",
  tag: 'Audit',
  // Read as bytes: the signature covers them exactly, so the schema documents and verification parses.
  body: z.unknown(),
  documentedBody: () => bundleSchema,
  // A long process's bundle is megabytes; read only for the admins and auditors allowed to send one.
  bodyLimit: '64mb',
  rawBody: true,
  alsoBytes: { types: ['application/pdf'], limit: 64 * 1024 * 1024 },
  response: z.union([verificationSchema, documentVerificationSchema]),
  async handler({ body, deps, req }) {
    const audit = auditOf(deps);
    if (Buffer.isBuffer(body)) {
      try {
        return verifyPdf(body, keyringKeys(keyringOf(audit)));
      } catch (error) {
        // What the reader found (no trailer, not %PDF-…) goes with it, for whoever looks into the file.
        if (error instanceof NotAPdf) throw refused('PDF_NOT_VERIFIABLE', {}, undefined, [{ path: 'body', message: error.message }]);
        throw error;
      }
    }
    // The bytes as sent (kept for this route: `rawBody`): the signature covers those exactly.
    const text = (req as { rawBody?: Buffer }).rawBody?.toString('utf8');
    try {
      return await verifyBundle(text ?? body, {
        trustedKeys: [audit.signingKey.publicKey, ...(audit.trustedKeys ?? [])],
        code: audit.workflowCode,
        codecs: deps.client.options.loadedDataConverter.payloadCodecs,
      });
    } catch (error) {
      if (error instanceof NotABundle) {
        const fields = ((error.details ?? []) as { path: string }[]).map((d) => d.path);
        throw refused('NOT_A_BUNDLE', { fields }, fields.length ? undefined : 'body');
      }
      throw error;
    }
  },
});

export const getPublicKey = defineRoute({
  method: 'get',
  path: '/api/audit/public-key',
  summary: 'The public key audit bundles are signed with, to keep for offline verification (npm run audit:verify -- --public-key)',
  tag: 'Audit',
  response: z.object({ algorithm: z.literal('Ed25519'), keyId: z.string(), publicKey: z.string(), pem: z.string() }),
  async handler({ deps }) {
    const { signingKey } = auditOf(deps);
    const pem = signingKey.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    return { algorithm: 'Ed25519' as const, keyId: signingKey.keyId, publicKey: publicKeyText(signingKey.publicKey), pem };
  },
});

const pem = (label: string, der: Buffer) =>
  `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').trimEnd()}\n-----END ${label}-----\n`;

export const getOrganisationKeys = defineRoute({
  method: 'get',
  path: '/api/audit/organisation-keys',
  summary:
    "Each organisation's document-signing key (ECDSA P-256) and certificate, whether the key was provided for it or derived from the deployment's key (development), and the document CA's certificate: to keep for offline verification (npm run audit:verify -- doc.pdf --organisation-keys keys.json)",
  tag: 'Audit',
  response: z.object({
    algorithm: z.literal('ECDSA P-256'),
    caCertificate: z.string(),
    keys: z.array(
      z.object({
        orgId: z.string(),
        name: z.string(),
        keyId: z.string(),
        source: z.enum(['provided', 'derived']),
        publicKey: z.string(),
        certificate: z.string(),
      }),
    ),
  }),
  async handler({ deps }) {
    const keyring = keyringOf(auditOf(deps));
    const orgs = await organizationNames(deps.db);
    return {
      algorithm: 'ECDSA P-256' as const,
      caCertificate: pem('CERTIFICATE', keyring.caCertificate()),
      keys: orgs.map((o) => {
        const key = keyring.key(o.id);
        return {
          orgId: o.id,
          name: o.name_zh,
          keyId: key.keyId,
          source: key.source,
          publicKey: publicKeyText(key.publicKey),
          certificate: pem('CERTIFICATE', keyring.certificate(o.id, o.name_zh)),
        };
      }),
    };
  },
});
