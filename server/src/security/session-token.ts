import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'liuhen_session';

/** 256 random bits; only its SHA-256 is stored, so the sessions table alone cannot log anyone in. */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');

export const isWellFormedToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);
