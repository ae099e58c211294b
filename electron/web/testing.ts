import { request } from 'node:http';

/**
 * A raw HTTP client for tests. fetch() normalises paths (`/../x` becomes `/x`) and will not
 * set Host, so the traversal and DNS-rebinding checks need requests written by hand.
 */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean },
): Promise<RawResponse> {
  return new Promise((done, failed) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', failed);
      },
    );
    req.on('error', failed);
    if (options.body !== undefined && options.chunked) {
      // Written in pieces without Content-Length, so the server must count bytes itself.
      const buf = Buffer.from(options.body);
      for (let i = 0; i < buf.length; i += 4096) req.write(buf.subarray(i, i + 4096));
    } else if (options.body !== undefined) {
      req.setHeader('Content-Length', Buffer.byteLength(options.body));
      req.write(options.body);
    }
    req.end();
  });
}
