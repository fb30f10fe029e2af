import { describe, expect, test } from 'vitest';
import { checkCode, checkEmail, checkPassword, normaliseCode, safeReturnPath } from './rules.ts';

describe('checkEmail', () => {
  test.each(['jan@hoogeveen.nl', '  jan.de.vries+buurt@woonconcept.nl '])('accepts %j', (v) => {
    expect(checkEmail(v)).toBeUndefined();
  });
  test('asks for a missing address', () => {
    expect(checkEmail('   ')).toBe('auth.error.emailMissing');
  });
  test.each(['jan', 'jan@', 'jan@hoogeveen', 'jan @hoogeveen.nl'])('rejects %j', (v) => {
    expect(checkEmail(v)).toBe('auth.error.emailInvalid');
  });
});

test('checkPassword only asks that something is typed', () => {
  expect(checkPassword('')).toBe('auth.error.passwordMissing');
  expect(checkPassword(' ')).toBeUndefined();
});

describe('codes', () => {
  test('spaces and dashes are ignored', () => {
    expect(normaliseCode(' 123 456 ')).toBe('123456');
    expect(normaliseCode('123-456')).toBe('123456');
    expect(checkCode('123 456')).toBeUndefined();
  });
  test.each(['', '12345', '1234567', '12a456'])('rejects %j', (v) => {
    expect(checkCode(v)).toBe('auth.error.codeInvalid');
  });
});

describe('safeReturnPath', () => {
  test.each([
    ['/waarnemingen?buurt=1', '/waarnemingen?buurt=1'],
    ['/', '/'],
    [undefined, '/'],
    [['/a', '/b'], '/'],
    ['https://evil.example/', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
  ])('%j goes to %j', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });
});
