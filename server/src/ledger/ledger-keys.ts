import { generateSigner } from '@liuhen/domain';
import { findLedgerLog, insertLedgerKey, listLedgerKeys } from '../db/repos/ledger-repo';
import { findAgencyById } from '../db/repos/agency-repo';
import type { UseCaseContext } from '../use-cases/context';
import type { KeyPurpose } from './ledger-settings';

export type ActiveSigner = { name: string; vkey: string; skey: string };

export class SigningKeyMissingError extends Error {
  constructor(
    readonly agencyId: string,
    readonly vkey: string,
  ) {
    super(`the private key for ${vkey} of agency ${agencyId} is not in the key folder`);
    this.name = 'SigningKeyMissingError';
  }
}

/** The witness's name, in the same namespace as log origins: <host>/witness/<agency code>. */
export const witnessNameFor = (originHost: string, agencyCode: string): string => `${originHost}/witness/${agencyCode}`;

/**
 * The newest key of an agency for a purpose, generated at first use (LEDGER-2). If the database names a key
 * whose private half is gone, signing stops rather than silently starting a new identity.
 */
export const activeSigner = async ({
  ctx,
  agencyId,
  purpose,
}: {
  ctx: Pick<UseCaseContext, 'db' | 'clock' | 'ledger'>;
  agencyId: string;
  purpose: KeyPurpose;
}): Promise<ActiveSigner> => {
  const keys = await listLedgerKeys(ctx.db, agencyId, purpose);
  const newest = keys.at(-1);
  if (newest) {
    const skey = ctx.ledger.keys.load(agencyId, purpose, newest.vkey);
    if (!skey) throw new SigningKeyMissingError(agencyId, newest.vkey);

    return { name: newest.keyName, vkey: newest.vkey, skey };
  }

  return createSigningKey({ ctx, agencyId, purpose });
};

type KeyContext = Pick<UseCaseContext, 'db' | 'clock' | 'ledger'>;

/** Generates a key pair and writes the private half to the key folder; the key is not in use until registered. */
export const generateSigningKey = async ({
  ctx,
  agencyId,
  purpose,
}: {
  ctx: KeyContext;
  agencyId: string;
  purpose: KeyPurpose;
}): Promise<ActiveSigner & { algorithm: 'ed25519' | 'sm2' | 'cosignature' }> => {
  let name: string;
  let algorithm: 'ed25519' | 'sm2' | 'cosignature';
  if (purpose === 'log') {
    const log = await findLedgerLog(ctx.db, agencyId);
    if (!log) throw new Error(`agency ${agencyId} has no ledger log`);
    // C2SP: the log's key is named after its origin.
    name = log.origin;
    algorithm = ctx.ledger.signatureAlgorithm;
  } else {
    const agency = await findAgencyById(ctx.db, agencyId);
    if (!agency) throw new Error(`agency ${agencyId} does not exist`);
    name = witnessNameFor(ctx.ledger.originHost, agency.code);
    algorithm = 'cosignature';
  }
  const { skey, vkey } = generateSigner(algorithm, name);
  // The private key is on disk before the public one is in the database, so no row ever lacks its key.
  ctx.ledger.keys.save(agencyId, purpose, vkey, skey);

  return { name, vkey, skey, algorithm };
};

/** Makes a generated key the agency's active key for its purpose. */
export const registerSigningKey = async (
  ctx: KeyContext,
  agencyId: string,
  purpose: KeyPurpose,
  key: { name: string; vkey: string; algorithm: 'ed25519' | 'sm2' | 'cosignature' },
): Promise<void> => {
  await insertLedgerKey(ctx.db, {
    agencyId,
    purpose,
    algorithm: key.algorithm,
    keyName: key.name,
    vkey: key.vkey,
    createdAt: ctx.clock.now(),
  });
};

export const createSigningKey = async (options: {
  ctx: KeyContext;
  agencyId: string;
  purpose: KeyPurpose;
}): Promise<ActiveSigner> => {
  const key = await generateSigningKey(options);
  await registerSigningKey(options.ctx, options.agencyId, options.purpose, key);

  return { name: key.name, vkey: key.vkey, skey: key.skey };
};
