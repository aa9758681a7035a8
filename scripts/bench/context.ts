import type { Client } from '@temporalio/client';
import type { Cluster } from '../lab/cluster';

/** What every benchmark gets: the running cluster, a client of its engine, the zone its agreements are with. */
export interface BenchContext {
  cluster: Cluster;
  client: Client;
  zone: string;
  /** The bare worker's process (scripts/bench/bare), beside the cluster's own. */
  barePid: number;
  log(line: string): void;
}
