/**
 * Benchmark fixture, never shipped: a workflow of the same shape as one of ours (as many activities,
 * updates and timers, in the same places) that does nothing, so the benchmark can say what the
 * engine itself costs. It has its own bundle and worker (`bare/worker.ts`), not `workflows/index.ts`.
 */
import { allHandlersFinished, condition, defineUpdate, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { searchAttributes } from '../../../domain/search-attributes';
import type { BareActivities } from './activities';

/**
 * Activities and timers before the first update, then in each update's handler, in order; and,
 * when asked, as many search-attribute upserts as the product makes (the shape leaves them
 * out; the benchmark runs both, to show what they cost).
 */
export interface BarePart {
  activities: number;
  timers: number;
  upserts?: number;
}
export interface BareShape {
  start: BarePart;
  updates: BarePart[];
}

export const stepUpdate = defineUpdate<number, [number]>('step');

// The same options as the product's activities (workflows/kernel/core.ts).
const { nothing } = proxyActivities<BareActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 ms', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});

export async function bareWorkflow(shape: BareShape): Promise<number> {
  let started = false;
  let finished = false;
  let done = 0;
  // A timer like the product's deadline and term timers: started, then cancelled when the run ends.
  const startTimers = (count: number) => {
    for (let i = 0; i < count; i++) void condition(() => finished, '30 days');
  };
  const work = async (part: BarePart) => {
    startTimers(part.timers);
    for (let i = 0; i < (part.upserts ?? 0); i++) upsertSearchAttributes([{ key: searchAttributes.stage, value: `BARE-${done}-${i}` }]);
    for (let i = 0; i < part.activities; i++) await nothing();
  };
  setHandler(stepUpdate, async (index) => {
    await condition(() => started);
    await work(shape.updates[index]);
    return ++done;
  });
  await work(shape.start);
  started = true;
  await condition(() => done === shape.updates.length && allHandlersFinished());
  finished = true;
  return done;
}
