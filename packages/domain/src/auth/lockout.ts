// SEC-1: five wrong passwords within fifteen minutes lock the account for fifteen minutes.
export const LOCKOUT_POLICY = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 } as const;

export type LoginOutcome = 'success' | 'bad_password' | 'locked' | 'disabled' | 'unknown_user';

export type LoginAttemptFact = { at: Date; outcome: LoginOutcome };

export type LockoutState = { lockedUntil: Date | null; failuresLeft: number };

/** Replays attempts oldest first; refused attempts while locked neither extend nor reset the lock. */
export const lockoutState = (options: {
  attempts: readonly LoginAttemptFact[];
  now: Date;
  policy?: typeof LOCKOUT_POLICY;
}): LockoutState => {
  const policy = options.policy ?? LOCKOUT_POLICY;
  const windowMs = policy.windowMinutes * 60_000;
  let failures: number[] = [];
  let lockedUntil: number | null = null;
  const ordered = [...options.attempts].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const attempt of ordered) {
    const at = attempt.at.getTime();
    if (attempt.outcome === 'success') {
      failures = [];
      lockedUntil = null;
    } else if (attempt.outcome === 'bad_password') {
      failures = failures.filter((t) => t > at - windowMs);
      failures.push(at);
      if (failures.length >= policy.maxFailures) {
        lockedUntil = at + policy.lockMinutes * 60_000;
        failures = [];
      }
    }
  }
  const now = options.now.getTime();
  const recent = failures.filter((t) => t > now - windowMs).length;

  return {
    lockedUntil: lockedUntil !== null && lockedUntil > now ? new Date(lockedUntil) : null,
    failuresLeft: policy.maxFailures - recent,
  };
};

// SEC-1: at least 10 characters from at least two of lower case, upper case, digits and symbols.
export const isStrongPassword = (password: string): boolean => {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;

  return password.length >= 10 && password.length <= 200 && classes >= 2;
};
