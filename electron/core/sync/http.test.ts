import { describe, expect, it } from 'vitest';
import { networkError, responseError } from './http';

const base = 'https://sync.accsm.example';
const json = (status: number, code: string, details?: object) =>
  new Response(JSON.stringify({ error: { code, message: `server says ${code}`, ...(details ? { details } : {}) } }), { status, headers: { 'content-type': 'application/json' } });

describe('sync HTTP errors', () => {
  it('maps every server code to a stable app code, and says whether retrying can help', async () => {
    const cases: [Response, string, boolean][] = [
      [json(401, 'UNAUTHENTICATED'), 'UNAUTHENTICATED', false],
      [json(401, 'TOKEN_REVOKED'), 'TOKEN_REVOKED', false],
      [json(400, 'ENROLLMENT_INVALID'), 'ENROLLMENT_INVALID', false],
      [json(403, 'FORBIDDEN'), 'NOT_ALLOWED', false],
      [json(409, 'ORIGIN_FORKED', { origin: 'a1a1a1a1a1a1a1a1', seq: 4 }), 'ORIGIN_FORKED', true],
      [json(429, 'RATE_LIMITED'), 'SERVER_ERROR', true],
      [json(413, 'PAYLOAD_TOO_LARGE'), 'SERVER_ERROR', true],
      [json(500, 'INTERNAL'), 'SERVER_ERROR', true],
      // A reverse proxy whose server is down: no JSON of ours.
      [new Response('<html>Bad gateway</html>', { status: 502 }), 'OFFLINE', true],
      [new Response('not found', { status: 404 }), 'SERVER_ERROR', false],
    ];
    for (const [response, code, retryable] of cases) {
      const error = await responseError(base, response);
      expect([error.code, error.retryable], `${response.status} ${error.serverCode}`).toEqual([code, retryable]);
      expect(error.message.length).toBeGreaterThan(20);
    }
    const gap = await responseError(base, json(409, 'SEQ_GAP', { origin: 'a1a1a1a1a1a1a1a1', expected: 7 }));
    expect(gap).toMatchObject({ serverCode: 'SEQ_GAP', details: { origin: 'a1a1a1a1a1a1a1a1', expected: 7 } });
  });

  it('tells a bad certificate from being offline', () => {
    const tls = Object.assign(new TypeError('fetch failed'), { cause: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } });
    expect(networkError(base, tls)).toMatchObject({ code: 'SERVER_ERROR', retryable: false });
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(networkError(base, refused)).toMatchObject({ code: 'OFFLINE', retryable: true });
    const slow = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    expect(networkError(base, slow)).toMatchObject({ code: 'OFFLINE', retryable: true });
  });
});
