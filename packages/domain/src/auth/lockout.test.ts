import { describe, expect, it } from 'vitest';
import { isStrongPassword, lockoutState, type LoginAttemptFact } from './lockout';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 8, minute));
const fail = (minute: number): LoginAttemptFact => ({ at: at(minute), outcome: 'bad_password' });

describe('login lockout (SEC-1)', () => {
  it('locks for 15 minutes after the fifth failure', () => {
    const attempts = [0, 1, 2, 3, 4].map(fail);
    expect(lockoutState({ attempts: attempts.slice(0, 4), now: at(4) })).toEqual({
      lockedUntil: null,
      failuresLeft: 1,
    });
    expect(lockoutState({ attempts, now: at(5) }).lockedUntil).toEqual(at(19));
    expect(lockoutState({ attempts, now: at(18) }).lockedUntil).toEqual(at(19));
    expect(lockoutState({ attempts, now: at(19) })).toEqual({ lockedUntil: null, failuresLeft: 5 });
  });

  it('does not extend the lock for attempts refused while locked', () => {
    const attempts: LoginAttemptFact[] = [...[0, 1, 2, 3, 4].map(fail), { at: at(10), outcome: 'locked' }];
    expect(lockoutState({ attempts, now: at(11) }).lockedUntil).toEqual(at(19));
  });

  it('forgets failures older than the window and after a success', () => {
    expect(lockoutState({ attempts: [0, 1, 2, 3, 20].map(fail), now: at(20) }).lockedUntil).toBeNull();
    const withSuccess: LoginAttemptFact[] = [
      fail(0),
      fail(1),
      fail(2),
      { at: at(3), outcome: 'success' },
      fail(4),
      fail(5),
    ];
    expect(lockoutState({ attempts: withSuccess, now: at(6) })).toEqual({ lockedUntil: null, failuresLeft: 3 });
  });

  it('replays attempts in time order whatever order they come in', () => {
    const attempts = [4, 2, 0, 3, 1].map(fail);
    expect(lockoutState({ attempts, now: at(5) }).lockedUntil).toEqual(at(19));
  });
});

describe('password strength (SEC-1)', () => {
  it('needs ten characters from two classes', () => {
    expect(isStrongPassword('liuhen-demo')).toBe(true);
    expect(isStrongPassword('Abcdefghij')).toBe(true);
    expect(isStrongPassword('abcdefghij')).toBe(false);
    expect(isStrongPassword('Abc-123')).toBe(false);
  });
});
