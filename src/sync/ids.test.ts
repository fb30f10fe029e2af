import { webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeIdGenerator, uuidv7 } from './ids.ts';

const random = (b: Uint8Array) => webcrypto.getRandomValues(b);
const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('is a version 7 UUID carrying the time', () => {
    const id = uuidv7(Date.UTC(2026, 10, 26), random);
    expect(id).toMatch(UUID7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 26));
  });

  it('sorts in creation order, even when the clock steps back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 44 }), { minLength: 2, maxLength: 50 }),
        (clock) => {
          let i = 0;
          const next = makeIdGenerator(() => clock[i++ % clock.length]!, random);
          const ids = clock.map(() => next());
          expect([...ids].sort()).toEqual(ids);
          expect(new Set(ids).size).toBe(ids.length);
        },
      ),
    );
  });
});
