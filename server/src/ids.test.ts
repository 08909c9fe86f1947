import { describe, expect, it } from 'vitest';
import { createUuidV7 } from './ids';

describe('UUIDv7 ids', () => {
  it('carry version 7, the RFC variant and the millisecond time in front', () => {
    const id = createUuidV7(() => 0x0190a7a8b1c2)();
    expect(id).toMatch(/^0190a7a8-b1c2-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sort in creation order, also within one millisecond and when the clock stands still', () => {
    let t = 1_700_000_000_000;
    const next = createUuidV7(() => t);
    const ids = Array.from({ length: 5000 }, (_, i) => {
      if (i % 1000 === 999) t += 1;

      return next();
    });
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never goes backwards when the clock does', () => {
    let t = 1_700_000_000_000;
    const next = createUuidV7(() => t);
    const first = next();
    t -= 5000;
    expect(next() > first).toBe(true);
  });
});
