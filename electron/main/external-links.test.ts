import { describe, expect, it, vi } from 'vitest';
import { agreedToOpen, externalLinkPrompt, MAX_SHOWN_URL, oneQuestionAtATime } from './external-links';
import { messages } from './messages';

describe('externalLinkPrompt', () => {
  it('asks before opening an http(s) link, naming its host and the whole URL', () => {
    const prompt = externalLinkPrompt('https://www.bkn.go.id/accsm/experts?id=42#cv', messages.en);
    expect(prompt).not.toBeNull();
    expect(prompt!.url).toBe('https://www.bkn.go.id/accsm/experts?id=42#cv');
    expect(prompt!.dialog.message).toBe('Open this link to www.bkn.go.id in your web browser?');
    expect(prompt!.dialog.detail).toContain('https://www.bkn.go.id/accsm/experts?id=42#cv');
    expect(prompt!.dialog.buttons).toEqual(['Open in browser', 'Cancel']);
  });

  it('makes Cancel the default, so Enter or Escape never leave the app', () => {
    const { dialog } = externalLinkPrompt('http://example.org/', messages.en)!;
    expect(dialog.buttons[dialog.defaultId]).toBe('Cancel');
    expect(dialog.buttons[dialog.cancelId]).toBe('Cancel');
  });

  it('speaks Bahasa Indonesia to an Indonesian system', () => {
    const { dialog } = externalLinkPrompt('https://asean.org/', messages.id)!;
    expect(dialog.message).toBe('Buka tautan ke asean.org ini di peramban web Anda?');
    expect(dialog.buttons).toEqual(['Buka di peramban', 'Batal']);
  });

  it('shows a look-alike host in its punycode form', () => {
    // Cyrillic 'а' in place of the Latin one.
    const prompt = externalLinkPrompt('https://bkn.gо.id/login', messages.en)!;
    expect(prompt.dialog.message).toMatch(/xn--/);
    expect(prompt.url).toMatch(/^https:\/\/bkn\.xn--/);
  });

  it('cuts a very long URL in the dialog but opens exactly the URL given', () => {
    const long = `https://example.org/${'a'.repeat(2000)}`;
    const prompt = externalLinkPrompt(long, messages.en)!;
    expect(prompt.url).toBe(long);
    expect(prompt.dialog.detail).toContain(`${long.slice(0, MAX_SHOWN_URL)}…`);
    expect(prompt.dialog.detail).not.toContain(long);
  });

  it('offers nothing for links the shell never opens', () => {
    for (const raw of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<b>x</b>',
      'mailto:ana@example.org',
      'ms-msdt:/id PCWDiagnostic',
      'https://bank.example@evil.example/',
      'https://user:pass@example.org/',
      'app://curator/index.html',
      'not a url',
      '',
      undefined,
      42,
    ]) {
      expect(externalLinkPrompt(raw, messages.en), String(raw)).toBeNull();
    }
  });
});

describe('agreedToOpen', () => {
  it('is yes only for the first button', () => {
    expect(agreedToOpen(0)).toBe(true);
    expect(agreedToOpen(1)).toBe(false);
    expect(agreedToOpen(-1)).toBe(false);
  });
});

describe('oneQuestionAtATime', () => {
  it('drops requests while a question is open, and asks again once it is answered', async () => {
    const asked: string[] = [];
    let answer: () => void = () => {};
    const ask = oneQuestionAtATime(async (url: string) => {
      asked.push(url);
      await new Promise<void>((done) => (answer = done));
    });
    ask('https://a.example/');
    ask('https://b.example/');
    ask('https://c.example/');
    expect(asked).toEqual(['https://a.example/']);
    answer();
    await expect.poll(() => {
      ask('https://d.example/');
      return asked;
    }).toEqual(['https://a.example/', 'https://d.example/']);
  });

  it('is free again after a question that failed, and logs the failure', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const asked: number[] = [];
    const ask = oneQuestionAtATime(async (n: number) => {
      asked.push(n);
      throw new Error('no window');
    });
    ask(1);
    await expect.poll(() => {
      ask(2);
      return asked.includes(2);
    }).toBe(true);
    expect(logged).toHaveBeenCalledWith('Asking to open an external link failed', expect.any(Error));
    logged.mockRestore();
  });
});
