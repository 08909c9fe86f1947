import { chainHash, createHasher, GENESIS_CHAIN, leafHash, toHex } from '@liuhen/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCaseParties, countCases } from '../../server/src/db/repos/case-repo';
import { countLedgerEntries, listLedgerEntries } from '../../server/src/db/repos/ledger-repo';
import { appendLedgerEntry } from '../../server/src/ledger/append-ledger-entry';
import { createCase } from '../../server/src/use-cases/create-case';
import { actorFor } from '../support/actors';
import { createTestContext, type TestContext } from '../support/test-context';
import { buildAgency, buildUser, newCaseInput } from '../factories';

let t: TestContext;
let agencyId: string;
let username: string;

beforeAll(async () => {
  t = await createTestContext();
  agencyId = (await buildAgency(t.ctx)).id;
  username = (await buildUser(t.ctx, { agencyId, roles: ['officer'] })).username;
});
afterAll(() => t.close());

const errorOf = async (statement: ReturnType<typeof sql>): Promise<string> => {
  try {
    await t.database.db.execute(statement);
  } catch (error) {
    return String((error as { cause?: Error }).cause?.message ?? (error as Error).message);
  }

  return 'no error';
};

describe('ledger seed (LEDGER-1)', () => {
  it('numbers each agency log from 0 without gaps and chains every leaf by hash', async () => {
    const actor = await actorFor(t.ctx, username);
    await createCase({ ctx: t.ctx, actor, input: newCaseInput() });
    await t.settle();
    const entries = await listLedgerEntries(t.ctx.db, agencyId);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i));
    expect(entries.map((e) => JSON.parse(new TextDecoder().decode(e.leaf)).type)).toEqual([
      'agency.created',
      'user.created',
      'auth.login_succeeded',
      'case.created',
    ]);

    const hasher = createHasher('sha256');
    let chain: Uint8Array = GENESIS_CHAIN;
    for (const entry of entries) {
      expect(toHex(entry.leafHash)).toBe(toHex(leafHash(hasher, entry.leaf)));
      chain = chainHash(hasher, chain, entry.leafHash);
      expect(toHex(entry.chainHash)).toBe(toHex(chain));
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the ledger and on original records', async () => {
    expect(await errorOf(sql`update ledger_entries set type = 'x'`)).toMatch(/append-only/);
    expect(await errorOf(sql`delete from ledger_entries`)).toMatch(/append-only/);
    expect(await errorOf(sql`truncate ledger_entries`)).toMatch(/append-only/);
    expect(await errorOf(sql`update case_parties set name = '李四'`)).toMatch(/append-only/);
    expect(await errorOf(sql`delete from case_parties`)).toMatch(/append-only/);
    expect(await errorOf(sql`delete from login_attempts`)).toMatch(/append-only/);
    await t.database.db.execute(
      sql`insert into security_events (id, at, kind, code, method, path) values (gen_random_uuid(), now(), 'access_denied', 'FORBIDDEN', 'GET', '/')`,
    );
    expect(await errorOf(sql`update security_events set code = 'x'`)).toMatch(/append-only/);
  });

  it('refuses an entry that skips or repeats a sequence number, whatever the application sends', async () => {
    const [last] = (await listLedgerEntries(t.ctx.db, agencyId)).slice(-1);
    const insertAt = (seq: number) =>
      sql`insert into ledger_entries (agency_id, seq, id, type, occurred_at, leaf, leaf_hash, chain_hash, payload)
          values (${agencyId}, ${seq}, gen_random_uuid(), 'x', now(), '\\x00', '\\x00', '\\x00', '{}')`;
    expect(await errorOf(insertAt(last!.seq + 2))).toMatch(/breaks the sequence/);
    expect(await errorOf(insertAt(last!.seq))).toMatch(/breaks the sequence|duplicate key/);
  });

  it('rolls back the state change together with its entry', async () => {
    const before = {
      entries: await countLedgerEntries(t.ctx.db),
      cases: await countCases(t.ctx.db),
      parties: await countCaseParties(t.ctx.db),
    };
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await appendLedgerEntry(tx, {
          agencyId,
          entryId: t.ctx.newId(),
          actor: { userId: null, credentialNumber: null, via: 'cli' },
          occurredAt: t.clock.now(),
          event: { type: 'case.viewed', subjectId: t.ctx.newId(), caseId: null, payload: { caseId: 'x' } },
        });
        throw new Error('the change failed after its entry was written');
      }),
    ).rejects.toThrow(/change failed/);
    expect(await countLedgerEntries(t.ctx.db)).toBe(before.entries);
    expect(await countCases(t.ctx.db)).toBe(before.cases);
    expect(await countCaseParties(t.ctx.db)).toBe(before.parties);
  });
});
