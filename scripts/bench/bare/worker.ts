/**
 * The bare workflow's worker process, started by the benchmark as the product's worker is
 * (`worker/main.ts`), with the SDK's default options like the product's, on its own task queue.
 */
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { BARE_TASK_QUEUE, bareActivities } from './activities';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const workflowBundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./workflow'), logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const worker = await Worker.create({ connection, taskQueue: BARE_TASK_QUEUE, workflowBundle, activities: bareActivities });
  process.once('SIGTERM', () => worker.shutdown());
  console.log(JSON.stringify({ msg: 'worker polling' }));
  await worker.run();
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
