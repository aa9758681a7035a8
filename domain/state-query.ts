/** The query every process answers with its view: one name, one type, for workflows, the API and tests. */
import type { QueryDefinition } from '@temporalio/common';
import type { ProcessView } from './process-view';

// What `defineQuery` returns, written out: the domain stays free of the workflow runtime (lint), and
// the API, which may not load workflow code, reads the same definition.
export const stateQuery = { type: 'query', name: 'state' } as QueryDefinition<ProcessView, [], 'state'>;
