import { hash, verify } from '@node-rs/argon2';

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(hashed: string, password: string): Promise<boolean>;
};

export type Argon2Cost = { memoryCost: number; timeCost: number; parallelism: number };

// OWASP's argon2id baseline (19 MiB, 2 passes); tests pass a cheaper cost, never another algorithm.
export const DEFAULT_ARGON2_COST: Argon2Cost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const createArgon2Hasher = (cost: Argon2Cost = DEFAULT_ARGON2_COST): PasswordHasher => ({
  hash: (password) => hash(password, cost),
  verify: async (hashed, password) => {
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  },
});
