import { describe, expect, it } from 'vitest';
import { checkServerUrl, isLoopback } from './serverUrl';

describe('checkServerUrl', () => {
  it('accepts https addresses and drops a trailing slash', () => {
    expect(checkServerUrl('  https://sync.accsm.example/ ')).toEqual({ ok: true, url: 'https://sync.accsm.example' });
    expect(checkServerUrl('https://sync.accsm.example:8443/curator')).toEqual({ ok: true, url: 'https://sync.accsm.example:8443/curator' });
  });

  it('accepts plain http only to this computer', () => {
    expect(checkServerUrl('http://127.0.0.1:8787')).toEqual({ ok: true, url: 'http://127.0.0.1:8787' });
    expect(checkServerUrl('http://localhost:8787/')).toEqual({ ok: true, url: 'http://localhost:8787' });
    expect(checkServerUrl('http://[::1]:8787')).toEqual({ ok: true, url: 'http://[::1]:8787' });
    expect(checkServerUrl('http://sync.accsm.example')).toEqual({ ok: false, message: 'sync.validation.urlInsecure' });
    expect(checkServerUrl('http://192.168.1.20:8787')).toEqual({ ok: false, message: 'sync.validation.urlInsecure' });
  });

  it('says what is wrong with an address that is not one', () => {
    expect(checkServerUrl('   ')).toEqual({ ok: false, message: 'sync.validation.urlRequired' });
    expect(checkServerUrl('sync.accsm.example')).toEqual({ ok: false, message: 'sync.validation.urlScheme' });
    expect(checkServerUrl('ftp://sync.accsm.example')).toEqual({ ok: false, message: 'sync.validation.urlScheme' });
    expect(checkServerUrl('not an address')).toEqual({ ok: false, message: 'sync.validation.urlMalformed' });
    expect(checkServerUrl('https://user:secret@sync.accsm.example')).toEqual({ ok: false, message: 'sync.validation.urlMalformed' });
  });
});

describe('isLoopback', () => {
  it('knows the loopback names and nothing else', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', 'hub.localhost']) expect(isLoopback(host), host).toBe(true);
    for (const host of ['10.0.0.1', 'localhost.example.org', '128.0.0.1', 'example.org']) expect(isLoopback(host), host).toBe(false);
  });
});
