import { createHash } from 'node:crypto';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { name, version } from '../package.json';

/** The workflow code this process would run, and its version: what a replay verifies against. */
export interface WorkflowCode {
  bundle: WorkflowBundleWithSourceMap;
  /** `collab-zones@<version>+<sha-256 of the bundle, 12 hex>`: the same digest the worker's build id ends with. */
  version: string;
}

export const codeVersionOf = (bundle: WorkflowBundleWithSourceMap) =>
  `${name}@${version}+${createHash('sha256').update(bundle.code).digest('hex').slice(0, 12)}`;

/**
 * The workflow code of this process, loaded once: bundling takes seconds, so the first export or
 * verification pays for it and every later one shares it.
 */
export function workflowCodeOnce(load: () => Promise<WorkflowBundleWithSourceMap>): () => Promise<WorkflowCode> {
  let loaded: Promise<WorkflowCode> | undefined;
  return () => {
    loaded ??= load().then((bundle) => ({ bundle, version: codeVersionOf(bundle) }));
    // A failed load is tried again next time rather than remembered.
    loaded.catch(() => (loaded = undefined));
    return loaded;
  };
}
