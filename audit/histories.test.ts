import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import { chainHistories } from './histories';

type ProtoEvent = temporal.api.history.v1.IHistoryEvent;

// A recorded agreement of four runs joined by continue-as-new (test/replay-corpus).
const corpus = join(__dirname, '..', 'test', 'replay-corpus', 'delegation-agreement');
const runs = [1, 2, 3, 4].map(
  (n) => historyFromJSON(JSON.parse(readFileSync(join(corpus, `agreement-returned-renewed-expired.run${n}.json`), 'utf8')).history).events!,
);
const startedOf = (events: ProtoEvent[]) => events[0].workflowExecutionStartedEventAttributes!;
// A run's id is what the next run says it continues; the last run is called 'latest' here.
const runIds = [...runs.slice(1).map((events) => startedOf(events).continuedExecutionRunId!), 'latest'];

/** An engine whose latest run has written `written` of its events so far. */
function engineAt(written: number) {
  const fetched: string[] = [];
  const client = {
    workflow: {
      getHandle: (_workflowId: string, runId: string) => ({
        fetchHistory: async () => {
          fetched.push(runId);
          const events = runs[runIds.indexOf(runId)];
          return { events: runId === 'latest' ? events.slice(0, written) : events };
        },
      }),
    },
  } as unknown as Client;
  return { client, fetched };
}

/** What the engine's whole history converts to, as every run was read before runs were kept. */
const converted = (events: ProtoEvent[]) => JSON.parse(historyToJSON({ events }));

test('an open run read again is converted from where it was read; every run reads as its whole history does', async () => {
  const latest = runs[3];
  const reads: [written: number, fetched: string[]][] = [
    [3, ['latest', ...runIds.slice(0, 3).reverse()]],
    // Closed runs come from what was kept; the latest is fetched again while it is open.
    [3, ['latest']],
    [10, ['latest']],
    [latest.length, ['latest']],
    // Closed now: nothing is fetched.
    [latest.length, []],
  ];
  for (const [written, expected] of reads) {
    const { client, fetched } = engineAt(written);
    const read = await chainHistories(client, 'agreement-1', 'latest');
    expect(read.map((run) => run.runId)).toEqual(runIds);
    expect(read.map((run) => run.history)).toEqual([...runs.slice(0, 3), latest.slice(0, written)].map(converted));
    expect(fetched).toEqual(expected);
  }
});
