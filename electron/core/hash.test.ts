import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { describe, expect, it } from 'vitest';
import { nodeSha256Hex } from './hash';

describe("the core's SHA-256 for shared code", () => {
  it('gives the digest @noble/hashes gives, for any text (lone surrogates included: both encode them as U+FFFD)', () => {
    const texts = ['', 'abc', 'Nguyễn Văn Anh', 'สมชาย ใจดี', '{"a":1,"b":[true,null]}', 'x'.repeat(10_000), '\ud800 lone', 'end \udfff', '👩🏽‍💼'];
    for (const t of texts) expect(nodeSha256Hex(t)).toBe(bytesToHex(sha256(utf8ToBytes(t))));
    expect(nodeSha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
