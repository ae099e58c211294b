import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

/** Directive name → sources, so tests read the policy the way a browser does. */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('contentSecurityPolicy (built app)', () => {
  const policy = parse(contentSecurityPolicy());

  it('loads scripts only from the app itself: no inline script, no eval, no remote host', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it("allows inline styles for Mantine and images from data: and blob: for photos", () => {
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('forbids plugins, base rewriting, framing and form posts', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    // Frames show only the app's own served documents.
    expect(policy.get('frame-src')).toEqual(["'self'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('contains no wildcard and no unsafe-eval anywhere', () => {
    const text = contentSecurityPolicy();
    expect(text).not.toContain('*');
    expect(text).not.toContain('unsafe-eval');
    expect(text).not.toMatch(/\bhttps?:/);
  });
});

describe('contentSecurityPolicy (dev server)', () => {
  const policy = parse(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' }));

  it('admits the dev server and its hot-update socket, nothing else', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-inline'", 'http://localhost:5173']);
    expect(policy.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173' })).not.toContain('unsafe-eval');
  });

  it('admits photos from app:// while the page itself comes from the dev server', () => {
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'app://curator']);
    expect(policy.get('frame-src')).toEqual(["'self'", 'app://curator']);
  });
});
