import { z } from 'zod';

/**
 * The workshop hub as the app sees it (electron/core/hub): hosting one on this laptop, and
 * joining one from another. One status object answers every hub.* method.
 */
export const hubStatusSchema = z.object({
  /** Hosting: whether this laptop's hub is listening. */
  running: z.boolean(),
  /** Where other laptops reach it (one per network interface), e.g. https://192.168.1.20:47800. */
  addresses: z.array(z.string()),
  port: z.number().int().nullable(),
  /** The pairing code in groups of 4 (certificate pin + secret), shown while running. */
  code: z.string().nullable(),
  /** The QR code of address, full fingerprint and secret, as an SVG document. */
  qrSvg: z.string().nullable(),
  /** The text the QR code carries (accsm-hub://…), for copying to a laptop without a camera. */
  qrText: z.string().nullable(),
  /** SHA-256 of the hub's certificate, hex: the host can read it out to compare. */
  fingerprint: z.string().nullable(),
  /** Laptops that joined with the current code, and those seen in the last 2 minutes. */
  devices: z.object({ joined: z.number().int(), active: z.number().int() }),
  /** Joining: the hub this laptop syncs through, if any. */
  joined: z.object({ url: z.string(), since: z.number() }).nullable(),
  /** A problem starting the hub (e.g. the port is taken), with a stable code. */
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type HubStatus = z.infer<typeof hubStatusSchema>;

export const DEFAULT_HUB_PORT = 47800;

export const hubStartInputSchema = z
  .object({
    /** 1024–65535; the default is DEFAULT_HUB_PORT. 0 picks a free port (tests). */
    port: z.number().int().refine((p) => p === 0 || (p >= 1024 && p <= 65535), { message: 'Choose a port between 1024 and 65535.' }).default(DEFAULT_HUB_PORT),
    /** A new pairing code: every laptop that joined must join again. */
    newCode: z.boolean().default(false),
  })
  .default({ port: DEFAULT_HUB_PORT, newCode: false });

export const hubJoinInputSchema = z.object({
  /** The address shown on the host; may be empty when `code` is the QR text (it carries the address). */
  address: z.string().trim().max(500).default(''),
  /** The pairing code (8 groups of 4) or the QR text. */
  code: z.string().trim().min(1, { message: 'Enter the pairing code shown on the hub.' }).max(500),
  deviceName: z.string().trim().min(1).max(100).optional(),
});
