import fs from 'node:fs';
import path from 'node:path';
import { parseVerifierKey, type HashAlgorithm } from '@liuhen/domain';

export type SignatureAlgorithm = 'ed25519' | 'sm2';

export type KeyPurpose = 'log' | 'witness';

/** Private signing keys, kept outside the database so a database dump cannot forge checkpoints. */
export type KeyStore = {
  load(agencyId: string, purpose: KeyPurpose, vkey: string): string | null;
  save(agencyId: string, purpose: KeyPurpose, vkey: string, skey: string): void;
};

export type LedgerSettings = {
  hashAlgorithm: HashAlgorithm;
  signatureAlgorithm: SignatureAlgorithm;
  originHost: string;
  keys: KeyStore;
};

// Base64 key material may hold '+' and '/', so the file is named by the hex key ID alone.
const keyIdOf = (vkey: string): string => parseVerifierKey(vkey).keyId;

/** Keys as files under the data folder: folder 0700, files 0600, one file per key, never overwritten. */
export const createFileKeyStore = (dir: string): KeyStore => {
  const fileOf = (agencyId: string, purpose: KeyPurpose, vkey: string) =>
    path.join(dir, agencyId, `${purpose}-${keyIdOf(vkey)}.skey`);

  return {
    load: (agencyId, purpose, vkey) => {
      try {
        const [storedVkey, skey] = fs
          .readFileSync(fileOf(agencyId, purpose, vkey), 'utf8')
          .trim()
          .split('\n');

        return storedVkey === vkey && skey ? skey : null;
      } catch {
        return null;
      }
    },
    save: (agencyId, purpose, vkey, skey) => {
      fs.mkdirSync(path.join(dir, agencyId), { recursive: true, mode: 0o700 });
      fs.chmodSync(dir, 0o700);
      fs.chmodSync(path.join(dir, agencyId), 0o700);
      // 'wx': an existing key file is never replaced.
      fs.writeFileSync(fileOf(agencyId, purpose, vkey), `${vkey}\n${skey}\n`, { flag: 'wx', mode: 0o600 });
    },
  };
};

export const originFor = (settings: Pick<LedgerSettings, 'originHost'>, agencyCode: string, hash: HashAlgorithm) =>
  `${settings.originHost}/ledger/${agencyCode}/${hash}`;

export const ledgerSettingsFrom = (config: {
  hashAlgorithm: HashAlgorithm;
  signatureAlgorithm: SignatureAlgorithm;
  originHost: string;
  keysDir: string;
}): LedgerSettings => ({
  hashAlgorithm: config.hashAlgorithm,
  signatureAlgorithm: config.signatureAlgorithm,
  originHost: config.originHost,
  keys: createFileKeyStore(config.keysDir),
});
