import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, externalUrlToOpen, isAppUrl, isTrustedSender, originOf } from './urls';

describe('isAppUrl', () => {
  it('accepts pages of the packaged app', () => {
    expect(isAppUrl('app://curator/index.html', APP_ORIGIN)).toBe(true);
    expect(isAppUrl('app://curator/experts/42?x=1#top', APP_ORIGIN)).toBe(true);
  });

  it('accepts pages of the dev server when that is the app origin', () => {
    expect(isAppUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('refuses other hosts, schemes and look-alikes', () => {
    expect(isAppUrl('app://other/index.html', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('https://curator/index.html', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('app://curator.evil.example/', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('file:///index.html', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('https://example.org', APP_ORIGIN)).toBe(false);
  });

  it('refuses what is not a URL', () => {
    expect(isAppUrl('', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('not a url', APP_ORIGIN)).toBe(false);
    expect(isAppUrl(undefined, APP_ORIGIN)).toBe(false);
    expect(isAppUrl('app://curator/', 'garbage')).toBe(false);
  });
});

describe('originOf', () => {
  it('gives a real origin for the custom scheme, unlike URL.origin', () => {
    const url = new URL('app://curator/a/b');
    expect(url.origin).toBe('null');
    expect(originOf(url)).toBe('app://curator');
    expect(originOf(new URL('http://127.0.0.1:8080/x'))).toBe('http://127.0.0.1:8080');
  });
});

describe('externalUrlToOpen', () => {
  it('returns the parsed URL for http and https', () => {
    expect(externalUrlToOpen('https://asean.org/accsm')?.href).toBe('https://asean.org/accsm');
    expect(externalUrlToOpen('http://example.org/a?b=c#d')?.hostname).toBe('example.org');
  });

  it('refuses scripts, local files and other schemes', () => {
    for (const raw of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'ms-msdt:/id PCWDiagnostic',
      'smb://server/share',
      'app://curator/index.html',
      'mailto:someone@example.org',
      'ftp://example.org/file',
    ]) {
      expect(externalUrlToOpen(raw), raw).toBeNull();
    }
  });

  it('refuses malformed text and credentials that disguise the host', () => {
    expect(externalUrlToOpen('')).toBeNull();
    expect(externalUrlToOpen('https://')).toBeNull();
    expect(externalUrlToOpen('example.org')).toBeNull();
    expect(externalUrlToOpen('http://[::1')).toBeNull();
    expect(externalUrlToOpen(42)).toBeNull();
    expect(externalUrlToOpen('https://bank.example@evil.example/')).toBeNull();
    expect(externalUrlToOpen('https://user:pw@example.org/')).toBeNull();
  });
});

describe('isTrustedSender', () => {
  it('trusts only frames showing the app', () => {
    expect(isTrustedSender('app://curator/index.html', APP_ORIGIN)).toBe(true);
    expect(isTrustedSender('https://evil.example/', APP_ORIGIN)).toBe(false);
    expect(isTrustedSender('about:blank', APP_ORIGIN)).toBe(false);
    expect(isTrustedSender('', APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(null, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(undefined, APP_ORIGIN)).toBe(false);
  });
});
