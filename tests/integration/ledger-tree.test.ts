import {
  createHasher,
  fromBase64,
  MemoryTree,
  openNote,
  parseCheckpoint,
  parseTlogProof,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from '@liuhen/domain';
import { verifyProofFile } from '@liuhen/verifier';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findLedgerEntry,
  findLedgerLog,
  listCheckpoints,
  listCosignatures,
  listLedgerEntries,
  listLedgerKeys,
  listAlerts,
} from '../../server/src/db/repos/ledger-repo';
import { integrateAll } from '../../server/src/ledger/integrate-ledger';
import { proveConsistency, proveInclusion, tlogProofFor } from '../../server/src/ledger/proofs';
import { rotateLedgerKey } from '../../server/src/ledger/rotate-key';
import { signCheckpoint } from '../../server/src/ledger/sign-checkpoint';
import { witnessLog, witnessSubordinates } from '../../server/src/ledger/witness';
import { runLedgerAudit } from '../../server/src/ledger/run-audit';
import type { UseCaseContext } from '../../server/src/use-cases/context';
import { asDatabaseOwner } from '../support/ledger-tamper';
import { createTestContext, type TestContext } from '../support/test-context';
import { buildAgency, buildSection } from '../factories';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** Writes `n` entries (sections) into the agency's log, signing a checkpoint every `every` entries. */
const grow = async (ctx: UseCaseContext, agencyId: string, n: number, every = n) => {
  for (let i = 0; i < n; i++) {
    await buildSection(ctx, agencyId);
    if ((i + 1) % every === 0) {
      await integrateAll({ ctx, agencyId });
      await signCheckpoint({ ctx, agencyId });
    }
  }
};

describe('Merkle log per agency (LEDGER-1, LEDGER-2)', () => {
  it('integrates queued entries into C2SP tiles whose root is the RFC 6962 root of the leaves', async () => {
    const { id } = await buildAgency(t.ctx);
    await grow(t.ctx, id, 600, 150);
    const log = (await findLedgerLog(t.ctx.db, id))!;
    expect(log).toMatchObject({ size: 601, treeSize: 601 });
    expect(log.origin).toMatch(/^test\.liuhen\.local\/ledger\/[0-9A-Z]{18}\/sha256$/);
    const entries = await listLedgerEntries(t.ctx.db, id);
    const hasher = createHasher('sha256');
    const tree = new MemoryTree(
      hasher,
      entries.map((e) => e.leafHash),
    );
    expect(toHex(log.root!)).toBe(toHex(tree.root()));
    // The tile rows: 2 full level-0 tiles are frozen, the partial third only grows.
    const full = await t.database.db.execute(
      sql`select count(*)::int as n from ledger_tiles where agency_id = ${id} and length(hashes) = 8192`,
    );
    expect((full as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(2);
    await expect(
      t.database.db.execute(
        sql`update ledger_tiles set hashes = hashes where agency_id = ${id} and idx = 0 and level = 0`,
      ),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from ledger_tiles where agency_id = ${id}`)).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`update ledger_checkpoints set note = 'x' where agency_id = ${id}`),
    ).rejects.toThrow();
  });

  it('signs checkpoints that verify with the published key, and proves inclusion and consistency', async () => {
    const { id } = await buildAgency(t.ctx);
    await grow(t.ctx, id, 300, 100);
    const checkpoints = await listCheckpoints(t.ctx.db, id);
    // The agency's own creation is entry 0, so 100 sections later the tree holds 101 entries.
    expect(checkpoints.map((c) => c.size)).toEqual([101, 201, 301]);
    const vkeys = (await listLedgerKeys(t.ctx.db, id, 'log')).map((k) => k.vkey);
    expect(vkeys).toHaveLength(1);
    const hasher = createHasher('sha256');
    for (const checkpoint of checkpoints) {
      const opened = openNote(checkpoint.note, vkeys);
      expect(opened.verified.map((v) => v.type)).toEqual(['ed25519']);
      expect(toHex(parseCheckpoint(opened.text).root)).toBe(toHex(checkpoint.root));
    }
    for (const index of [0, 1, 99, 150, 299]) {
      const proof = await proveInclusion({ db: t.ctx.db, agencyId: id, index });
      const entry = (await findLedgerEntry(t.ctx.db, id, index))!;
      verifyInclusion(hasher, {
        index,
        size: proof.size,
        leafHash: entry.leafHash,
        proof: proof.hashes,
        root: parseCheckpoint(openNote(proof.checkpoint, vkeys).text).root,
      });
    }
    const consistency = await proveConsistency({ db: t.ctx.db, agencyId: id, from: 101, to: 301 });
    verifyConsistency(hasher, {
      size1: 101,
      size2: 301,
      proof: consistency.hashes,
      root1: checkpoints[0]!.root,
      root2: checkpoints[2]!.root,
    });
  });

  it('exports a tlog-proof that the offline verifier accepts for the leaf and rejects for any other', async () => {
    const { id } = await buildAgency(t.ctx);
    await grow(t.ctx, id, 40, 40);
    const vkeys = (await listLedgerKeys(t.ctx.db, id, 'log')).map((k) => k.vkey);
    const text = await tlogProofFor({ db: t.ctx.db, agencyId: id, index: 17 });
    expect(parseTlogProof(text).index).toBe(17);
    const leaf = (await findLedgerEntry(t.ctx.db, id, 17))!.leaf;
    expect(verifyProofFile({ vkeys, tlogProofText: text, leaf }).index).toBe(17);
    const other = (await findLedgerEntry(t.ctx.db, id, 18))!.leaf;
    expect(() => verifyProofFile({ vkeys, tlogProofText: text, leaf: other })).toThrow();
  });

  it('runs SM3 trees with SM2-signed checkpoints for national-crypto deployments (LEDGER-2)', async () => {
    const national = await createTestContext({ hashAlgorithm: 'sm3', signatureAlgorithm: 'sm2' });
    try {
      const { id } = await buildAgency(national.ctx);
      await grow(national.ctx, id, 20, 20);
      const log = (await findLedgerLog(national.ctx.db, id))!;
      expect(log.origin).toMatch(/\/sm3$/);
      const hasher = createHasher('sm3');
      const entries = await listLedgerEntries(national.ctx.db, id);
      expect(toHex(log.root!)).toBe(
        toHex(
          new MemoryTree(
            hasher,
            entries.map((e) => e.leafHash),
          ).root(),
        ),
      );
      const [key] = await listLedgerKeys(national.ctx.db, id, 'log');
      expect(key!.algorithm).toBe('sm2');
      const text = await tlogProofFor({ db: national.ctx.db, agencyId: id, index: 5 });
      const result = verifyProofFile({ vkeys: [key!.vkey], tlogProofText: text, leaf: entries[5]!.leaf });
      expect(result.hashAlgorithm).toBe('sm3');
    } finally {
      await national.close();
    }
  });
});

describe('witnessing by the upper level (LEDGER-4)', () => {
  it('cosigns a subordinate checkpoint, records it in its own log and refuses a rewritten history', async () => {
    const region = await buildAgency(t.ctx, { level: 'region' });
    const city = await buildAgency(t.ctx, { parentId: region.id });
    await grow(t.ctx, city.id, 30, 30);
    const first = await witnessLog({ ctx: t.ctx, witnessAgencyId: region.id, logAgencyId: city.id });
    expect(first).toEqual({ status: 'cosigned', size: 31 });
    expect(await witnessLog({ ctx: t.ctx, witnessAgencyId: region.id, logAgencyId: city.id })).toMatchObject({
      status: 'up-to-date',
    });

    const [cosignature] = await listCosignatures(t.ctx.db, city.id, 31);
    const witnessVkeys = (await listLedgerKeys(t.ctx.db, region.id, 'witness')).map((k) => k.vkey);
    const logVkeys = (await listLedgerKeys(t.ctx.db, city.id, 'log')).map((k) => k.vkey);
    const checkpoints = await listCheckpoints(t.ctx.db, city.id);
    const cosigned = checkpoints.at(-1)!.note + `${cosignature!.signatureLine}\n`;
    const opened = openNote(cosigned, [...logVkeys, ...witnessVkeys]);
    expect(opened.verified.map((v) => v.type).sort()).toEqual(['cosignature', 'ed25519']);

    await integrateAll({ ctx: t.ctx, agencyId: region.id });
    const regionTypes = (await listLedgerEntries(t.ctx.db, region.id)).map(
      (e) => JSON.parse(new TextDecoder().decode(e.leaf)).type as string,
    );
    expect(regionTypes).toContain('checkpoint.observed');

    // The city rewrites its history: an early leaf changed, the tiles rebuilt, a new checkpoint signed with its key.
    await asDatabaseOwner(t.database.db, [
      sql`update ledger_entries set leaf_hash = sha256('forged'::bytea) where agency_id = ${city.id} and seq = 3`,
      sql`delete from ledger_tiles where agency_id = ${city.id}`,
      sql`update ledger_logs set tree_size = 0 where agency_id = ${city.id}`,
    ]);
    await grow(t.ctx, city.id, 5, 5);
    const refused = await witnessLog({ ctx: t.ctx, witnessAgencyId: region.id, logAgencyId: city.id });
    expect(refused).toMatchObject({ status: 'refused', kind: 'inconsistent_checkpoint' });
    const alerts = await listAlerts(t.ctx.db, [city.id]);
    expect(alerts.map((a) => a.kind)).toEqual(['inconsistent_checkpoint']);
    expect((await listCosignatures(t.ctx.db, city.id)).map((c) => c.size)).toEqual([31]);
    // The scheduled job does the same for every subordinate, and does not repeat the alert.
    await witnessSubordinates({ ctx: t.ctx });
    expect((await listAlerts(t.ctx.db, [city.id])).length).toBe(1);
  });
});

describe('key rotation (LEDGER-2)', () => {
  it('records the rotation in the log, signs its checkpoint with the old key and later ones with the new', async () => {
    const { id } = await buildAgency(t.ctx);
    await grow(t.ctx, id, 10, 10);
    const { oldVkey, newVkey } = await rotateLedgerKey({ ctx: t.ctx, agencyId: id, purpose: 'log', via: 'cli' });
    expect(oldVkey).not.toBeNull();
    const afterRotation = (await listCheckpoints(t.ctx.db, id)).at(-1)!;
    expect(openNote(afterRotation.note, [oldVkey!]).verified).toHaveLength(1);
    await grow(t.ctx, id, 3, 3);
    const later = (await listCheckpoints(t.ctx.db, id)).at(-1)!;
    expect(later.size).toBeGreaterThan(afterRotation.size);
    expect(() => openNote(later.note, [oldVkey!])).toThrow();
    expect(openNote(later.note, [newVkey]).verified).toHaveLength(1);
    const entries = await listLedgerEntries(t.ctx.db, id);
    const rotation = entries.find((e) => JSON.parse(new TextDecoder().decode(e.leaf)).type === 'ledger.key_rotated')!;
    expect(JSON.parse(rotation.payload)).toEqual({ purpose: 'log', oldVkey, newVkey });
    expect((await runLedgerAudit({ ctx: t.ctx, agencyId: id, actorUserId: null })).findings).toEqual([]);
  });

  it('refuses to sign when the private key of the registered key is gone, rather than start a new identity', async () => {
    const { id } = await buildAgency(t.ctx);
    await grow(t.ctx, id, 2, 2);
    const lost = await createTestContext();
    try {
      // Same database rows, empty key folder: the stored vkey has no private half here.
      const ctx = { ...t.ctx, ledger: { ...t.ctx.ledger, keys: lost.ctx.ledger.keys } };
      await buildSection(ctx, id);
      await integrateAll({ ctx, agencyId: id });
      await expect(signCheckpoint({ ctx, agencyId: id })).rejects.toThrow(/not in the key folder/);
    } finally {
      await lost.close();
    }
  });
});

describe('base64 helpers', () => {
  it('round-trip the proof hashes the API sends', async () => {
    const { id } = await buildAgency(t.ctx);
    await grow(t.ctx, id, 4, 4);
    const proof = await proveInclusion({ db: t.ctx.db, agencyId: id, index: 2 });
    expect(proof.hashes.every((h) => fromBase64(Buffer.from(h).toString('base64')).length === 32)).toBe(true);
  });
});
