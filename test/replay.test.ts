import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { corpusCodec } from './support/corpus-key';

const CORPUS = join(__dirname, 'replay-corpus');

/** Every recorded history (scripts/record-corpus.ts) still replays against the current workflow code. */
test('the replay corpus replays without non-determinism', async () => {
  const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.json'));
  expect(files.length).toBeGreaterThanOrEqual(12);
  const workflowBundle = JSON.parse(readFileSync(process.env.TEST_WORKFLOW_BUNDLE!, 'utf8')) as WorkflowBundleWithSourceMap;
  const histories = files.map((file) => JSON.parse(readFileSync(join(CORPUS, file), 'utf8')) as { workflowId: string; history: unknown });
  const failures: string[] = [];
  let replayed = 0;
  const dataConverter = { payloadCodecs: [corpusCodec()] };
  for await (const result of Worker.runReplayHistories({ workflowBundle, dataConverter }, histories)) {
    replayed++;
    if (result.error) failures.push(`${files[replayed - 1]} (${result.workflowId}): ${result.error.message}`);
  }
  expect(failures).toEqual([]);
  expect(replayed).toBe(files.length);
});
