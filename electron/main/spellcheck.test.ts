import { describe, expect, it } from 'vitest';
import { NO_DICTIONARY_DOWNLOADS_URL, spellcheckPlan } from './spellcheck';

describe('spellcheckPlan', () => {
  it('points dictionary downloads at a loopback port Chromium never connects to, on every platform', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const url = new URL(spellcheckPlan({ platform, available: ['en-US'] }).dictionaryDownloadUrl);
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.port).toBe('9');
    }
    expect(NO_DICTIONARY_DOWNLOADS_URL.endsWith('/')).toBe(true);
  });

  it('asks for English and Bahasa Indonesia where Chromium knows them', () => {
    expect(spellcheckPlan({ platform: 'linux', available: ['af', 'en-GB', 'en-US', 'id', 'ms'] }).languages).toEqual(['en-US', 'id']);
    expect(spellcheckPlan({ platform: 'win32', available: ['en-US', 'id-ID', 'th'] }).languages).toEqual(['en-US', 'id-ID']);
  });

  it('leaves out a language that is not available instead of failing', () => {
    expect(spellcheckPlan({ platform: 'linux', available: ['en-US', 'en-GB'] }).languages).toEqual(['en-US']);
    expect(spellcheckPlan({ platform: 'linux', available: [] }).languages).toEqual([]);
    // 'id' must not match an unrelated code that merely starts with the same letters.
    expect(spellcheckPlan({ platform: 'linux', available: ['en-US', 'ido'] }).languages).toEqual(['en-US']);
  });

  it('lets macOS choose: its own spell-checker downloads nothing', () => {
    expect(spellcheckPlan({ platform: 'darwin', available: ['en-US', 'id'] }).languages).toBeNull();
  });
});
