import { z } from 'zod';
import { taxPortContract } from './tax/messages';

/** The ports' contracts, for the people at the other end: each message as JSON Schema, from the schemas the adapters and simulators run on. */
export function contractsDocument() {
  const ports = [taxPortContract].map((port) => ({
    name: port.name,
    title: port.title,
    request: { ...port.request, body: z.toJSONSchema(port.request.body, { io: 'input' }) },
    answers: Object.fromEntries(Object.entries(port.answers).map(([status, answer]) => [status, typeof answer === 'string' ? { description: answer } : z.toJSONSchema(answer, { io: 'output' })])),
  }));
  return { title: 'collab-zones outbound contracts', ports };
}
