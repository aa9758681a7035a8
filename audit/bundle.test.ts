import { createHash, generateKeyPairSync } from 'node:crypto';
import { BUNDLE_FORMAT, exportBundle, serializeBundle, signedText, type BundleContent } from './bundle';
import { canonicalJson } from './canonical';
import { signingKey, signText, verifyText } from './signing';

const key = signingKey(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The export as first written: every event serialised canonically on its own for each of chain, signed text and file. */
function referenceExport(content: BundleContent): string {
  const { id, chainId } = content.process;
  const genesis = sha256(canonicalJson({ processId: id, chainId }));
  const links: string[] = [];
  for (const run of content.runs)
    for (const event of run.history.events) links.push(sha256((links.at(-1) ?? genesis) + canonicalJson({ runId: run.runId, event })));
  const unsigned = { format: BUNDLE_FORMAT, ...content, chain: { algorithm: 'SHA-256', genesis, links, head: links.at(-1) ?? genesis } };
  const signature = {
    algorithm: 'Ed25519',
    keyId: key.keyId,
    publicKey: key.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    value: signText(key, signedText(unsigned)),
  };
  return serializeBundle({ ...unsigned, signature });
}

// Keys out of order at every depth, integer-like keys, text outside ASCII, an empty run: what canonical form has to settle.
const event = (eventId: number, extra: Record<string, unknown> = {}) => ({
  eventType: 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED',
  eventTime: `2026-11-27T10:00:0${eventId}Z`,
  eventId: String(eventId),
  taskId: '1048600',
  activityTaskScheduledEventAttributes: {
    input: { payloads: [{ metadata: { encoding: 'YmluYXJ5L2VuY3J5cHRlZA==', 'encryption-key-id': 'azE=' }, data: 'c2VhbGVk' }] },
    activityType: { name: 'commitStep' },
  },
  ...extra,
});
const content: BundleContent = {
  workerBuildIds: ['b2', 'b1'],
  timeline: [{ summary: '退回委托协议第 1 版，意见：第 1 轮意见', at: '2026-11-27T10:00:01.000Z', kind: 'agreementReturned', actor: null }],
  runs: [
    {
      runId: 'run-1',
      history: {
        events: [
          event(1, { header: { fields: { '10': 'ten', '9': 'nine', b: 'é' } } }),
          {
            eventId: '2',
            eventTime: '2026-11-27T10:00:02Z',
            eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW',
            workflowExecutionContinuedAsNewEventAttributes: { newExecutionRunId: 'run-2' },
          },
        ],
      },
    },
    { runId: 'run-2', history: { events: [] } },
    { runId: 'run-3', history: { events: [event(1)] } },
  ],
  process: { type: 'delegation-agreement', status: 'Running', id: 'agreement-1', chainId: 'run-1' },
  exportedBy: { userId: 'audit.auditor', orgId: 'org-audit' },
  exportedAt: '2026-11-27T10:00:05.000Z',
  codeVersion: 'collab-zones@0.1.0+000000000000',
};

test('an export is byte for byte the bundle serialised canonically, event by event', () => {
  const exported = exportBundle(content, key);
  expect(exported).toBe(referenceExport(content));
  const bundle = JSON.parse(exported);
  expect(serializeBundle(bundle)).toBe(exported);
  expect(verifyText(key.publicKey, signedText(bundle), bundle.signature.value)).toBe(true);
});

test('a bundle signed again gets a chain and signature of its own, not the ones it carried', () => {
  const earlier = JSON.parse(exportBundle(content, key));
  const again = exportBundle({ ...earlier, timeline: [] }, key);
  expect(again).toBe(referenceExport({ ...earlier, timeline: [] }));
  expect(JSON.parse(again).signature.value).not.toBe(earlier.signature.value);
});

test('a closed run exported again, or after other runs, is chained from what comes before it', () => {
  expect(exportBundle(content, key)).toBe(referenceExport(content));
  const [closed, ...rest] = content.runs;
  const moved = { ...content, runs: [...rest, closed] };
  expect(exportBundle(moved, key)).toBe(referenceExport(moved));
  const other = { ...content, process: { ...content.process, id: 'agreement-2' } };
  expect(exportBundle(other, key)).toBe(referenceExport(other));
});

test('a run kept from an earlier export stands for the same history only: a new one of the same run id is written anew', () => {
  expect(exportBundle(content, key)).toBe(referenceExport(content));
  const [closed, ...rest] = content.runs;
  const changed = { ...closed, history: { events: closed.history.events.map((e) => ({ ...e, eventTime: '2026-11-28T00:00:00Z' })) } };
  const other = {
    ...content,
    runs: [changed, ...rest],
    exportedAt: '2026-11-28T00:00:01.000Z',
    workerBuildIds: [],
    codeVersion: undefined as unknown as string,
  };
  expect(exportBundle(other, key)).toBe(referenceExport(other));
  const none = { ...content, runs: [] };
  expect(exportBundle(none, key)).toBe(referenceExport(none));
});
