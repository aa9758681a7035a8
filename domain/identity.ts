import { z } from 'zod';
import { builtOnFirstUse } from './schemas';

/**
 * `leader` signs for its organisation (memoranda, agreements, recognition letters): staff draft and
 * review, only a leader signs.
 */
export const ROLES = ['admin', 'staff', 'auditor', 'leader'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Who did something: every recorded decision carries it. */
export const actorSchema = builtOnFirstUse(() =>
  z.object({
    userId: z.string().min(1),
    orgId: z.string().min(1),
    roles: z.array(roleSchema),
  }),
);
export type Actor = z.infer<typeof actorSchema>;
