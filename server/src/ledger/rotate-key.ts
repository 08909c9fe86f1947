import { listLedgerKeys } from '../db/repos/ledger-repo';
import type { UseCaseContext } from '../use-cases/context';
import { appendLedgerEntry } from './append-ledger-entry';
import { integrateAll } from './integrate-ledger';
import { generateSigningKey, registerSigningKey } from './ledger-keys';
import type { KeyPurpose } from './ledger-settings';
import { signCheckpoint } from './sign-checkpoint';

/**
 * LEDGER-2: replaces an agency's signing key. The rotation is itself an entry, and the checkpoint that first covers
 * it is still signed by the old key, so anyone who trusted the old key can follow the change to the new one.
 */
export const rotateLedgerKey = async ({
  ctx,
  agencyId,
  purpose,
  via,
}: {
  ctx: UseCaseContext;
  agencyId: string;
  purpose: KeyPurpose;
  via: 'cli' | 'web';
}): Promise<{ oldVkey: string | null; newVkey: string }> => {
  const old = (await listLedgerKeys(ctx.db, agencyId, purpose)).at(-1) ?? null;
  const next = await generateSigningKey({ ctx, agencyId, purpose });
  await ctx.db.transaction(async (tx) => {
    await appendLedgerEntry(tx, {
      agencyId,
      entryId: ctx.newId(),
      actor: { userId: null, credentialNumber: null, via },
      occurredAt: ctx.clock.now(),
      event: {
        type: 'ledger.key_rotated',
        subjectId: ctx.newId(),
        caseId: null,
        payload: { purpose, oldVkey: old?.vkey ?? null, newVkey: next.vkey },
      },
    });
  });
  await integrateAll({ ctx, agencyId });
  await signCheckpoint({ ctx, agencyId });
  await registerSigningKey(ctx, agencyId, purpose, next);

  return { oldVkey: old?.vkey ?? null, newVkey: next.vkey };
};
