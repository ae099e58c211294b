import { describe, expect, it } from 'vitest';
import { normaliseEmail, normalisePhone } from './contact';

describe('normaliseEmail', () => {
  it('ignores case and surrounding spaces', () => {
    expect(normaliseEmail('  Siti.Rahmah@BKN.go.id ')).toBe('siti.rahmah@bkn.go.id');
  });

  it('drops dots and +tags for Gmail only, where Google ignores them', () => {
    expect(normaliseEmail('Nguyen.Van.Hung+accsm@gmail.com')).toBe('nguyenvanhung@gmail.com');
    expect(normaliseEmail('nguyen.van.hung@googlemail.com')).toBe('nguyenvanhung@gmail.com');
    // Elsewhere a dot or a plus may be part of a different mailbox: kept.
    expect(normaliseEmail('nguyen.van.hung+x@moha.gov.vn')).toBe('nguyen.van.hung+x@moha.gov.vn');
  });

  it('gives no key for an empty or unusable address', () => {
    expect(normaliseEmail('')).toBeNull();
    expect(normaliseEmail('no-at-sign')).toBeNull();
    expect(normaliseEmail('@bkn.go.id')).toBeNull();
    expect(normaliseEmail('ana@')).toBeNull();
    expect(normaliseEmail('+tag@gmail.com')).toBeNull();
  });
});

describe('normalisePhone', () => {
  it('reads a national number with the person’s country and an international one alike', () => {
    const forms = ['0812-3456-7890', '+62 812 3456 7890', '(+62) 81234567890', '+6281234567890'];
    for (const f of forms) expect(normalisePhone(f, 'ID')).toBe('+6281234567890');
  });

  it('uses the country only for a number without its country code', () => {
    expect(normalisePhone('024 3825 1234', 'VN')).toBe('+842438251234');
    expect(normalisePhone('+84 24 3825 1234', 'TH')).toBe('+842438251234');
    expect(normalisePhone('02 123 4567', 'TH')).toBe('+6621234567');
  });

  it('gives no key for what cannot be a number', () => {
    expect(normalisePhone('', 'MY')).toBeNull();
    expect(normalisePhone('n/a', 'MY')).toBeNull();
    expect(normalisePhone('12', 'MY')).toBeNull();
  });
});
