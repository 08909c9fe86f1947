import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-context';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ loginRateLimit: { max: 3, timeWindow: 60_000 } });
});
afterAll(() => t.close());

describe('login rate limit (SEC-1)', () => {
  it('answers 429 with a Chinese message once an address exceeds its login budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `nobody${i}`, password: 'x' },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429)
        expect(response.json()).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
