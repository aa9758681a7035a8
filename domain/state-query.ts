/** The query every process answers with its view: one name, one type, for workflows, the API and tests. */
import { defineQuery } from '@temporalio/workflow';
import type { ProcessView } from './process-view';

export const stateQuery = defineQuery<ProcessView>('state');
