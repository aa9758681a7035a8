/**
 * What the worker's codec puts in place of a payload that no key of ours sealed (platform/payload-codec.ts
 * `SealedOnlyCodec`): whoever reaches the engine without the key (the CLI, the Temporal UI, a client of
 * its own) cannot start a process, act in one or pose as an actor. The workflows' interceptor
 * (workflows/kernel/refuse-unsealed.ts) refuses a call that carries it before any workflow code runs.
 */
export const UNSEALED = '__unsealedPayloadRefused';

export const isUnsealed = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as Record<string, unknown>)[UNSEALED] === true;

export const UNSEALED_REFUSAL = 'Unsealed';
