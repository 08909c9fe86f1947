import type { Role } from '@liuhen/domain';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import type { IdGenerator } from '../ids';
import type { LedgerSettings } from '../ledger/ledger-settings';
import type { PasswordHasher } from '../security/passwords';

/** What every use-case needs from the outside world; tests pass their own clock and ids. */
export type UseCaseContext = {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  passwords: PasswordHasher;
  session: { idleMinutes: number; maxHours: number };
  ledger: LedgerSettings;
};

/** A signed-in person, resolved from the session on every request. */
export type UserActor = {
  kind: 'user';
  userId: string;
  username: string;
  displayName: string;
  agencyId: string;
  sectionId: string | null;
  roles: readonly Role[];
  /** The first credential valid today, stamped on ledger entries (ORG-2). */
  credentialNumber: string | null;
  sessionId: string;
};

/** The seed and the admin command, run by whoever holds the database; they have no session. */
export type SystemActor = { kind: 'system'; via: 'cli' | 'seed' };

export type Actor = UserActor | SystemActor;
