import { createServer } from 'node:net';

/**
 * For tests: a TCP port free on 127.0.0.1 right now (the OS picks it), for a server that must
 * be told its port in advance — one restarted on the same port, or a port typed into a form.
 * Another process may take it before it is used; on a shared machine that is rare, and a
 * fixed default port is taken far more often.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
