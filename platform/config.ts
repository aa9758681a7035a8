import { z } from 'zod';
import { TASK_QUEUE } from '../domain/names';

const port = z.coerce.number().int().min(1).max(65535);
const optional = z.string().min(1).optional();

const configSchema = z.object({
  PORT: port.default(3000),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: optional,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TEMPORAL_ADDRESS: optional,
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  TEMPORAL_TLS_CERT: optional,
  TEMPORAL_TLS_KEY: optional,
  TEMPORAL_TLS_CA: optional,
  TEMPORAL_API_KEY: optional,
  TASK_QUEUE: z.string().min(1).default(TASK_QUEUE),
  TOKEN_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  TOKEN_TTL: z.string().regex(/^\d+[smhd]$/, 'a duration such as 8h').default('8h'),
  DEMO_PASSWORD: z.string().min(1).default('demo'),
});
export type Config = z.infer<typeof configSchema>;

/** Reads the environment once; a wrong value stops the process with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
