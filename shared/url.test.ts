import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { portfolioFieldsSchema } from './model/expert';
import { externalUrlToOpen, hasEmbeddedCredentials } from './url';

describe('externalUrlToOpen: a real host', () => {
  it('accepts DNS names with a top-level domain, IP addresses, localhost and international names', () => {
    for (const raw of ['https://asean.org', 'https://www.bkn.go.id/a?b#c', 'http://203.0.113.7:8080/', 'http://[2001:db8::1]/', 'http://localhost:3000', 'https://例え.jp/', 'https://asean.org./']) {
      expect(externalUrlToOpen(raw), raw).not.toBeNull();
    }
  });

  it('refuses single-label names, empty labels, bad hyphens, numeric top-level domains and over-long names', () => {
    for (const raw of ['https://intranet/', 'https://./', 'https://a..b.org/', 'https://-a.org/', 'https://a-.org/', 'https://a.123/', `https://${'a'.repeat(64)}.org/`, `https://${'a.'.repeat(130)}org/`]) {
      expect(externalUrlToOpen(raw), raw).toBeNull();
    }
  });
});

describe('the portfolio link and the shell agree', () => {
  const portfolioLinkOk = (link: string) => portfolioFieldsSchema.shape.link.safeParse(link).success;

  it('stores exactly the links the shell would open (for any text)', () => {
    const urlish = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.constantFrom('http', 'https', 'ftp', 'javascript', 'file', 'HTTPS'), fc.string(), fc.domain(), fc.string()).map(([s, user, host, rest]) => `${s}://${user}@${host}/${rest}`),
      fc.tuple(fc.constantFrom('https://', 'http://'), fc.string(), fc.string()).map(([s, a, b]) => `${s}${a}${b}`),
      fc.string(),
    );
    fc.assert(
      fc.property(urlish, (raw) => {
        const trimmed = raw.trim();
        if (trimmed === '' || trimmed.length > 500) return;
        expect(portfolioLinkOk(raw)).toBe(externalUrlToOpen(trimmed) !== null);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('hasEmbeddedCredentials', () => {
  /** The rule without the shortcut for text with no '@': what the URL parser finds. */
  const parsed = (raw: string) => {
    try {
      const url = new URL(raw);
      return (url.protocol === 'https:' || url.protocol === 'http:') && (url.username !== '' || url.password !== '');
    } catch {
      return false;
    }
  };

  it('says what the URL parser says, for any text', () => {
    const text = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.constantFrom('http://', 'https://', 'HTTP://', 'https:\\\\', ' https://', 'ftp://'), fc.string(), fc.constantFrom('@', '%40', ':', '\\', '/', '\t'), fc.domain(), fc.string()).map((p) => p.join('')),
      fc.string(),
    );
    fc.assert(
      fc.property(text, (raw) => {
        expect(hasEmbeddedCredentials(raw), raw).toBe(parsed(raw));
      }),
      { numRuns: 3000 },
    );
    expect(hasEmbeddedCredentials('https://bank.example@evil.example')).toBe(true);
    expect(hasEmbeddedCredentials('')).toBe(false);
  });
});
