/**
 * UUID version 7 (RFC 9562): 48 bits of milliseconds, then random bits. Ids sort by creation time,
 * so the outbox and the server's indexes keep their order. Time and randomness are passed in.
 */
export function uuidv7(nowMs: number, random: (bytes: Uint8Array) => Uint8Array): string {
  const b = random(new Uint8Array(16));
  const ms = BigInt(Math.max(0, Math.floor(nowMs)));
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = (b[6]! & 0x0f) | 0x70; // version 7
  b[8] = (b[8]! & 0x3f) | 0x80; // variant 10
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A generator of ids that never goes backwards, even when the clock does. */
export function makeIdGenerator(
  now: () => number,
  random: (bytes: Uint8Array) => Uint8Array,
): () => string {
  let last = 0;
  return () => {
    last = Math.max(last + 1, now());
    return uuidv7(last, random);
  };
}
