import sharp from 'sharp';
import { joinHub } from '../../electron/core/hub/join';
import { pinnedTransport } from '../../electron/core/hub/pinned';
import { SYNC_PREFIX } from '../../shared/sync/protocol';

/** Small pieces the convergence harness (world.ts) sets a run up with. */

/** A small PRNG (mulberry32): faults must follow the run's seed, not Math.random. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Three tiny photos (PNG, base64) that edits may attach. */
export async function tinyPhotos(): Promise<string[]> {
  const colours = [{ r: 200, g: 30, b: 30 }, { r: 30, g: 160, b: 60 }, { r: 20, g: 40, b: 200 }];
  return Promise.all(colours.map(async (background) => (await sharp({ create: { width: 8, height: 8, channels: 3, background } }).png().toBuffer()).toString('base64')));
}

/** A device token from an enrollment code, as a copied folder's spare (it enrolls from a node id of its own). */
export async function enrollToken(baseUrl: string, code: string, deviceName: string, node = '0000000000000000', via: typeof fetch = fetch): Promise<string> {
  const res = await via(`${baseUrl}${SYNC_PREFIX}/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, node, deviceName }),
  });
  if (!res.ok) throw new Error(`enroll: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/**
 * A hub token for a copy of a folder: joined with the pairing code from a node id of its own
 * (the hub keeps one token per node, so a second join from the original's id would shut it out).
 */
export async function joinToken(address: string, pairing: string, userId: string, deviceName: string, node: string): Promise<string> {
  const joined = await joinHub({ address, code: pairing, deviceName, node, userId });
  const transport = pinnedTransport(joined.pin);
  try {
    return await enrollToken(joined.baseUrl, joined.code, deviceName, node, transport.fetch);
  } finally {
    await transport.close();
  }
}
