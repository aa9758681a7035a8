import { z } from 'zod';
import { taxCallbackContract, taxPortContract } from './tax/messages';
import { creditPortContract } from './credit/messages';
import { supervisionPortContract } from './supervision/messages';
import { govServicePortContract, intakeContract } from './gov-service/messages';

/** The ports' contracts, for the people at the other end: each message as JSON Schema, from the schemas the adapters and simulators run on. */
export function contractsDocument() {
  const ports = [taxPortContract, creditPortContract, supervisionPortContract, govServicePortContract].map((port) => ({
    name: port.name,
    title: port.title,
    request: { ...port.request, body: z.toJSONSchema(port.request.body, { io: 'input' }) },
    answers: Object.fromEntries(
      Object.entries(port.answers).map(([status, answer]) => [
        status,
        typeof answer === 'string' ? { description: answer } : z.toJSONSchema(answer, { io: 'output' }),
      ]),
    ),
  }));
  // What outside systems send us, signed (also in /openapi.json as routes, where the body is not described).
  const inbound = [intakeContract, taxCallbackContract].map((port) => ({
    name: port.name,
    title: port.title,
    request: { ...port.request, body: z.toJSONSchema(port.request.body, { io: 'input' }) },
    answers: Object.fromEntries(
      Object.entries(port.answers).map(([status, answer]) => [
        status,
        typeof answer === 'string' ? { description: answer } : z.toJSONSchema(answer, { io: 'output' }),
      ]),
    ),
  }));
  return { title: 'collab-zones outbound contracts', ports, inbound };
}
