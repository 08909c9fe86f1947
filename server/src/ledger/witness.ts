import {
  consistencyProof,
  cosignCheckpoint,
  createHasher,
  formatCheckpoint,
  openNote,
  parseCheckpoint,
  sha256Hex,
  toHex,
  verifyConsistency,
} from '@liuhen/domain';
import {
  findWitnessState,
  insertAlert,
  insertCosignature,
  latestCheckpoint,
  listAlerts,
  listCosignatures,
  listLedgerKeys,
  saveWitnessState,
  findLedgerLog,
} from '../db/repos/ledger-repo';
import { listAgencies } from '../db/repos/agency-repo';
import type { UseCaseContext } from '../use-cases/context';
import { appendLedgerEntry } from './append-ledger-entry';
import { tileNodeReader } from './integrate-ledger';
import { activeSigner } from './ledger-keys';

export type WitnessOutcome =
  | { status: 'cosigned'; size: number }
  | { status: 'up-to-date' | 'no-checkpoint'; size: number }
  | { status: 'refused'; kind: AlertKind; detail: string };

export type AlertKind = 'inconsistent_checkpoint' | 'checkpoint_signature_invalid' | 'checkpoint_rollback';

/**
 * LEDGER-4, C2SP tlog-witness semantics: the upper-level agency checks a subordinate's newest checkpoint against
 * the last one it cosigned, with a consistency proof, then records the observation in its own log and cosigns.
 * A checkpoint that does not extend what the witness saw is refused and raised as an alert.
 */
export const witnessLog = async ({
  ctx,
  witnessAgencyId,
  logAgencyId,
}: {
  ctx: UseCaseContext;
  witnessAgencyId: string;
  logAgencyId: string;
}): Promise<WitnessOutcome> => {
  const checkpoint = await latestCheckpoint(ctx.db, logAgencyId);
  const log = await findLedgerLog(ctx.db, logAgencyId);
  if (!checkpoint || !log) return { status: 'no-checkpoint', size: 0 };
  const state = await findWitnessState(ctx.db, witnessAgencyId, logAgencyId);
  const isCosigned = (await listCosignatures(ctx.db, logAgencyId, checkpoint.size)).some(
    (c) => c.witnessAgencyId === witnessAgencyId,
  );
  if (state && state.size === checkpoint.size && isCosigned) return { status: 'up-to-date', size: checkpoint.size };

  const refuse = async (kind: AlertKind, detail: string): Promise<WitnessOutcome> => {
    const recent = await listAlerts(ctx.db, [logAgencyId]);
    // One alert per distinct finding, not one per run of the job.
    if (!recent.some((a) => a.kind === kind && a.detail === detail && a.witnessAgencyId === witnessAgencyId)) {
      await insertAlert(ctx.db, {
        id: ctx.newId(),
        logAgencyId,
        witnessAgencyId,
        kind,
        detail,
        createdAt: ctx.clock.now(),
      });
    }

    return { status: 'refused', kind, detail };
  };

  const vkeys = (await listLedgerKeys(ctx.db, logAgencyId, 'log')).map((k) => k.vkey);
  let body: string;
  try {
    body = openNote(checkpoint.note, vkeys).text;
  } catch (error) {
    return refuse('checkpoint_signature_invalid', `size ${checkpoint.size}: ${(error as Error).message}`);
  }
  const parsed = parseCheckpoint(body);
  if (parsed.origin !== log.origin || parsed.size !== checkpoint.size) {
    return refuse('checkpoint_signature_invalid', `size ${checkpoint.size}: body does not match the stored checkpoint`);
  }
  const hasher = createHasher(log.hashAlgorithm);
  if (state) {
    if (checkpoint.size < state.size) {
      return refuse('checkpoint_rollback', `latest size ${checkpoint.size} is below the witnessed size ${state.size}`);
    }
    if (checkpoint.size > state.size) {
      try {
        const proof = await consistencyProof(
          hasher,
          state.size,
          checkpoint.size,
          tileNodeReader(ctx.db, logAgencyId, hasher),
        );
        verifyConsistency(hasher, {
          size1: state.size,
          size2: checkpoint.size,
          proof,
          root1: state.root,
          root2: parsed.root,
        });
      } catch (error) {
        return refuse(
          'inconsistent_checkpoint',
          `size ${state.size} → ${checkpoint.size}: ${(error as Error).message}`,
        );
      }
    } else if (toHex(state.root) !== toHex(parsed.root)) {
      return refuse('inconsistent_checkpoint', `size ${state.size}: two different roots for one size`);
    }
  }

  const signer = await activeSigner({ ctx, agencyId: witnessAgencyId, purpose: 'witness' });
  const now = ctx.clock.now();
  const line = cosignCheckpoint(formatCheckpoint(parsed), signer.skey, Math.floor(now.getTime() / 1000));
  await ctx.db.transaction(async (tx) => {
    await insertCosignature(tx, {
      logAgencyId,
      size: checkpoint.size,
      witnessAgencyId,
      witnessName: signer.name,
      signatureLine: line.trimEnd(),
      createdAt: now,
    });
    await appendLedgerEntry(tx, {
      agencyId: witnessAgencyId,
      entryId: ctx.newId(),
      actor: { userId: null, credentialNumber: null, via: 'system' },
      occurredAt: now,
      event: {
        type: 'checkpoint.observed',
        subjectId: ctx.newId(),
        caseId: null,
        payload: {
          logAgencyId,
          origin: parsed.origin,
          size: checkpoint.size,
          rootHex: toHex(parsed.root),
          noteSha256: sha256Hex(checkpoint.note),
        },
      },
    });
    await saveWitnessState(tx, {
      witnessAgencyId,
      logAgencyId,
      size: checkpoint.size,
      root: parsed.root,
      updatedAt: now,
    });
  });

  return { status: 'cosigned', size: checkpoint.size };
};

/** The scheduled job: every agency witnesses each of its direct subordinates. */
export const witnessSubordinates = async ({ ctx }: { ctx: UseCaseContext }) => {
  const outcomes: { witnessAgencyId: string; logAgencyId: string; outcome: WitnessOutcome }[] = [];
  for (const agency of await listAgencies(ctx.db)) {
    if (!agency.parentId) continue;
    const outcome = await witnessLog({ ctx, witnessAgencyId: agency.parentId, logAgencyId: agency.id });
    outcomes.push({ witnessAgencyId: agency.parentId, logAgencyId: agency.id, outcome });
  }

  return outcomes;
};
