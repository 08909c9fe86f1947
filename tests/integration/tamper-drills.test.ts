import { formatCheckpoint, generateSigner, signNote } from '@liuhen/domain';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLedgerLog } from '../../server/src/db/repos/ledger-repo';
import { integrateAll } from '../../server/src/ledger/integrate-ledger';
import { runLedgerAudit } from '../../server/src/ledger/run-audit';
import { signCheckpoint } from '../../server/src/ledger/sign-checkpoint';
import { asDatabaseOwner } from '../support/ledger-tamper';
import { createTestContext, type TestContext } from '../support/test-context';
import { buildAgency, buildSection } from '../factories';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** A log of 61 entries (the agency's creation and 60 sections) with a signed checkpoint every 10 entries. */
const buildLog = async (): Promise<string> => {
  const { id } = await buildAgency(t.ctx);
  for (let i = 1; i <= 60; i++) {
    await buildSection(t.ctx, id);
    if (i % 10 === 0) {
      await integrateAll({ ctx: t.ctx, agencyId: id });
      await signCheckpoint({ ctx: t.ctx, agencyId: id });
    }
  }

  return id;
};

const auditAfter = async (tamper: (agencyId: string) => SQL[]) => {
  const agencyId = await buildLog();
  const clean = await runLedgerAudit({ ctx: t.ctx, agencyId, actorUserId: null });
  expect(clean.findings).toEqual([]);
  await asDatabaseOwner(t.database.db, tamper(agencyId));
  const report = await runLedgerAudit({ ctx: t.ctx, agencyId, actorUserId: null });

  return report.findings.map((f) => ({ kind: f.kind, seq: f.seq, size: f.size }));
};

// The leaf's text with one character changed, as someone editing the stored record would.
const editedLeaf = sql`convert_to(replace(convert_from(leaf, 'UTF8'), '"v":1', '"v":2'), 'UTF8')`;

describe('tamper drills: the database owner edits the ledger, the audit names it (LEDGER-3)', () => {
  it('(a) one leaf changed, its stored hash left alone', async () => {
    const findings = await auditAfter((id) => [
      sql`update ledger_entries set leaf = ${editedLeaf} where agency_id = ${id} and seq = 25`,
    ]);
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'altered-leaf', seq: 25 }));
    expect(findings.every((f) => f.seq === undefined || f.seq === 25)).toBe(true);
  });

  it('(a′) one leaf changed and its hash recomputed to match', async () => {
    const findings = await auditAfter((id) => [
      sql`update ledger_entries set leaf = ${editedLeaf} where agency_id = ${id} and seq = 25`,
      sql`update ledger_entries set leaf_hash = sha256(decode('00', 'hex') || leaf) where agency_id = ${id} and seq = 25`,
    ]);
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'altered-leaf', seq: 25 }));
  });

  it('(b) one entry deleted', async () => {
    const findings = await auditAfter((id) => [sql`delete from ledger_entries where agency_id = ${id} and seq = 25`]);
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'missing-entry', seq: 25 }));
  });

  it('(c) two entries swapped', async () => {
    const findings = await auditAfter((id) => [
      sql`update ledger_entries set seq = 9999999 where agency_id = ${id} and seq = 20`,
      sql`update ledger_entries set seq = 20 where agency_id = ${id} and seq = 23`,
      sql`update ledger_entries set seq = 23 where agency_id = ${id} and seq = 9999999`,
    ]);
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'reordered-entries' }));
    const swapped = findings.find((f) => f.kind === 'reordered-entries')!;
    expect([20, 23]).toContain(swapped.seq);
  });

  it('(d) the tail cut off', async () => {
    const findings = await auditAfter((id) => [sql`delete from ledger_entries where agency_id = ${id} and seq >= 45`]);
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'truncated-log', seq: 45 }));
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'checkpoint-beyond-log', size: 61 }));
  });

  it('(e) a forged entry inserted and the rest renumbered', async () => {
    const findings = await auditAfter((id) => [
      sql`update ledger_entries set seq = seq + 1000000 where agency_id = ${id} and seq >= 30`,
      sql`update ledger_entries set seq = seq - 999999 where agency_id = ${id} and seq >= 1000000`,
      sql`insert into ledger_entries (agency_id, seq, id, type, occurred_at, leaf, leaf_hash, chain_hash, payload)
          select agency_id, 30, gen_random_uuid(), type, occurred_at, ${editedLeaf},
                 sha256(decode('00', 'hex') || ${editedLeaf}), chain_hash, payload
            from ledger_entries where agency_id = ${id} and seq = 29`,
    ]);
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'inserted-entry', seq: 30 }));
  });

  it('(f) a checkpoint replaced by one signed with another key', async () => {
    let forgedNote = '';
    const findings = await auditAfter((id) => {
      const { skey } = generateSigner('ed25519', 'forger.example/ledger');
      forgedNote = signNote(formatCheckpoint({ origin: 'x', size: 31, root: new Uint8Array(32) }), skey);

      return [sql`update ledger_checkpoints set note = ${forgedNote} where agency_id = ${id} and size = 31`];
    });
    expect(findings).toEqual([expect.objectContaining({ kind: 'checkpoint-signature-invalid', size: 31 })]);
  });

  it('finds nothing on an untouched log, and the audit result is kept (append-only)', async () => {
    const agencyId = await buildLog();
    const report = await runLedgerAudit({ ctx: t.ctx, agencyId, actorUserId: null });
    expect(report).toMatchObject({
      isOk: true,
      entries: 61,
      checkpoints: 6,
      checkpointsVerified: 6,
      checkpointsMatching: 6,
    });
    expect((await findLedgerLog(t.ctx.db, agencyId))!.treeSize).toBe(61);
    await expect(t.database.db.execute(sql`delete from ledger_audits where agency_id = ${agencyId}`)).rejects.toThrow();
  });
});
