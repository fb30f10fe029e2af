import { expect, test } from 'vitest';
import { loginHref } from './paths.ts';
import { safeReturnPath } from './rules.ts';

test('the login link remembers where the person was going', () => {
  const href = loginHref('/waarnemingen?buurt=BU01180000');
  expect(href).toBe('/inloggen?terug=%2Fwaarnemingen%3Fbuurt%3DBU01180000');
  const back = new URL(href, 'https://buurtpeil.example').searchParams.get('terug');
  expect(safeReturnPath(back)).toBe('/waarnemingen?buurt=BU01180000');
});

test('no return path for the start page or the login pages themselves', () => {
  expect(loginHref('/')).toBe('/inloggen');
  expect(loginHref('/inloggen/code')).toBe('/inloggen');
});
