import type { ConnectionLike } from '@temporalio/client';
import { SearchAttributeType } from '@temporalio/common';
import { msToTs } from '@temporalio/common/lib/time';
import { searchAttributes } from '../domain/search-attributes';

/** `temporal.api.enums.v1.IndexedValueType`, the operator service's names for the types. */
const INDEXED_VALUE_TYPE: Record<SearchAttributeType, number> = {
  [SearchAttributeType.TEXT]: 1,
  [SearchAttributeType.KEYWORD]: 2,
  [SearchAttributeType.INT]: 3,
  [SearchAttributeType.DOUBLE]: 4,
  [SearchAttributeType.BOOL]: 5,
  [SearchAttributeType.DATETIME]: 6,
  [SearchAttributeType.KEYWORD_LIST]: 7,
};

/**
 * Registers the custom search attributes the namespace lacks, through the operator service, and
 * returns their names. One already there with another type is an error naming it: changing a type
 * is an operator's decision, never a side effect of a deployment.
 */
export async function registerSearchAttributes(connection: ConnectionLike, namespace: string): Promise<string[]> {
  const listed = await connection.operatorService.listSearchAttributes({ namespace });
  const existing = listed.customAttributes ?? {};
  const wanted = Object.values(searchAttributes);
  const clashing = wanted.filter((key) => key.name in existing && existing[key.name] !== INDEXED_VALUE_TYPE[key.type]);
  if (clashing.length) {
    throw new Error(
      `search attributes registered with another type: ${clashing.map((key) => `${key.name} (wanted ${key.type})`).join(', ')}`,
    );
  }
  const missing = wanted.filter((key) => !(key.name in existing));
  if (missing.length) {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((key) => [key.name, INDEXED_VALUE_TYPE[key.type]])),
    });
  }
  return missing.map((key) => key.name);
}

/** How long a namespace that `ensureNamespace` creates keeps closed processes' histories. */
export const NAMESPACE_RETENTION_DAYS = 30;

/**
 * Creates the namespace when the server has none of that name: a fresh Temporal Server has no
 * namespace at all (not even `default`), and everything else — search attributes, schedules, workers
 * — needs one. Returns whether it made it. An existing namespace is left as its operator set it.
 */
export async function ensureNamespace(connection: ConnectionLike, namespace: string): Promise<boolean> {
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return false;
  } catch (error) {
    if ((error as { code?: number }).code !== 5) throw error;
  }
  await connection.workflowService.registerNamespace({
    namespace,
    description: 'collab-zones',
    workflowExecutionRetentionPeriod: msToTs(NAMESPACE_RETENTION_DAYS * 24 * 3600 * 1000),
  });
  // A new namespace is served once the server's namespace cache has it (seconds): wait until the
  // operator service, which search attributes need next, knows it.
  for (let tries = 0; ; tries++) {
    try {
      await connection.operatorService.listSearchAttributes({ namespace });
      return true;
    } catch (error) {
      if (tries > 60) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
