import { randomBytes } from 'node:crypto';

export type IdGenerator = () => string;

/**
 * RFC 9562 UUIDv7: time-ordered, so new rows land at the end of their indexes. Within one millisecond
 * the 12-bit rand_a field counts up (RFC 9562 §6.2 method 1), so ids from one process sort in creation order.
 */
export const createUuidV7 = (now: () => number = Date.now): IdGenerator => {
  let lastMs = -1;
  let counter = 0;

  return () => {
    let ms = now();
    if (ms > lastMs) {
      lastMs = ms;
      // Start low in the field, leaving room to count within the millisecond.
      counter = randomBytes(2).readUInt16BE() & 0x3ff;
    } else {
      ms = lastMs;
      counter += 1;
      if (counter > 0xfff) {
        lastMs += 1;
        ms = lastMs;
        counter = 0;
      }
    }
    const bytes = randomBytes(16);
    const time = BigInt(ms);
    for (let i = 0; i < 6; i++) bytes[i] = Number((time >> BigInt(8 * (5 - i))) & 0xffn);
    bytes[6] = 0x70 | (counter >> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.toString('hex');

    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
};
