import { z } from 'zod';
import { allActions } from '../domain/processes';

const cache = new Map<string, Record<string, unknown>>();

/** An action's payload schema as JSON Schema, which the console renders as a form. */
export function inputSchemaOf(action: string): Record<string, unknown> {
  let schema = cache.get(action);
  if (!schema) {
    const definition = allActions[action];
    schema = definition ? (z.toJSONSchema(definition.schema, { io: 'input' }) as Record<string, unknown>) : {};
    cache.set(action, schema);
  }
  return schema;
}
