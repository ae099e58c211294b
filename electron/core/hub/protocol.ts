import { z } from 'zod';
import { idSchema } from '../../../shared/model/expert';
import { nodeIdSchema } from '../../../shared/sync/change';
import { enrollmentCodeSchema, SYNC_PREFIX, syncUserSchema } from '../../../shared/sync/protocol';
import { PAIRING_ALPHABET } from './pairing';

/**
 * The one request a workshop hub adds to the sync protocol: a laptop joins with the pairing
 * secret (instead of an enrollment code from the secretariat) and the user it is signed in as
 * with central, and gets a one-time enrollment code for this hub; it then enrolls with the hub
 * through the ordinary POST /sync/v1/enroll, so the sync client treats a hub like any server.
 */
export const HUB_JOIN_PATH = `${SYNC_PREFIX}/hub/join`;

export const hubJoinRequestSchema = z.object({
  secret: z.string().regex(new RegExp(`^[${PAIRING_ALPHABET}]{16}$`), { message: 'The pairing secret is 16 letters and digits.' }),
  node: nodeIdSchema,
  deviceName: z.string().trim().min(1).max(100),
  /** The central user this laptop is signed in as; the hub must hold that user's record. */
  userId: idSchema,
});
export type HubJoinRequest = z.infer<typeof hubJoinRequestSchema>;

/** A one-time code for this laptop, traded for a hub token at POST /sync/v1/enroll (5 minutes). */
export const hubJoinResponseSchema = z.object({ code: enrollmentCodeSchema, expiresAt: z.number(), user: syncUserSchema });
