import { caseRecordDigest, sha256Hex } from '@liuhen/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCaseParties, countCases, findCaseById } from '../../server/src/db/repos/case-repo';
import { countLedgerEntries, listLedgerEntries } from '../../server/src/db/repos/ledger-repo';
import type { UserActor } from '../../server/src/use-cases/context';
import { createCase } from '../../server/src/use-cases/create-case';
import { listCases } from '../../server/src/use-cases/list-cases';
import { viewCase } from '../../server/src/use-cases/view-case';
import { actorFor } from '../support/actors';
import { codeOf } from '../support/domain-error';
import { createTestContext, type TestContext } from '../support/test-context';
import { buildAgency, buildUser, newCaseInput } from '../factories';

let t: TestContext;
let agencyId: string;
let officer: UserActor;
let colleague: UserActor;
let outsider: UserActor;

beforeAll(async () => {
  t = await createTestContext();
  agencyId = (await buildAgency(t.ctx, { shortName: '甲住建' })).id;
  const other = (await buildAgency(t.ctx, { shortName: '乙住建' })).id;
  officer = await actorFor(t.ctx, (await buildUser(t.ctx, { agencyId, roles: ['officer'] })).username);
  colleague = await actorFor(t.ctx, (await buildUser(t.ctx, { agencyId, roles: ['section_head'] })).username);
  outsider = await actorFor(t.ctx, (await buildUser(t.ctx, { agencyId: other, roles: ['officer'] })).username);
});
afterAll(() => t.close());

describe('registering a penalty case (PROC-2, LEDGER-1)', () => {
  it('writes the case, its party and one ledger entry that pins their digest', async () => {
    const created = await createCase({ ctx: t.ctx, actor: officer, input: newCaseInput() });
    expect(created.number).toBe('甲住建罚立〔2026〕1号');

    const stored = await findCaseById(t.ctx.db, created.id);
    expect(stored?.case).toMatchObject({
      stage: 'source',
      source: 'complaint',
      procedure: 'penalty',
      createdBy: officer.userId,
    });
    expect(stored?.parties).toHaveLength(1);
    expect(stored?.parties[0]).toMatchObject({ kind: 'person', idNumber: '11010519491231002X' });

    await t.settle();
    const entries = await listLedgerEntries(t.ctx.db, agencyId);
    const entry = entries.at(-1)!;
    const leaf = JSON.parse(new TextDecoder().decode(entry.leaf));
    expect(leaf).toMatchObject({
      type: 'case.created',
      case: created.id,
      case_prev: null,
      subject: { type: 'case', id: created.id },
    });
    expect(leaf.actor).toEqual({ user: officer.userId, credential: null, via: 'web' });
    expect(leaf.payload.sha256).toBe(sha256Hex(entry.payload));
    const payload = JSON.parse(entry.payload);
    expect(payload.recordSha256).toBe(caseRecordDigest(stored!.case, stored!.parties[0]!));
    // No personal data in the leaf or its payload: only ids, codes and digests.
    expect(new TextDecoder().decode(entry.leaf) + entry.payload).not.toMatch(/张三|11010519491231002X|13800138000/);
  });

  it('numbers cases per agency and year without gaps, starting again in a new year', async () => {
    const second = await createCase({ ctx: t.ctx, actor: officer, input: newCaseInput() });
    const elsewhere = await createCase({ ctx: t.ctx, actor: outsider, input: newCaseInput() });
    expect(second.number).toBe('甲住建罚立〔2026〕2号');
    expect(elsewhere.number).toBe('乙住建罚立〔2026〕1号');
    // 2027-01-01 00:30 in China is still 2026 in UTC.
    t.clock.set('2026-12-31T16:30:00.000Z');
    const nextYear = await createCase({ ctx: t.ctx, actor: officer, input: newCaseInput() });
    expect(nextYear.number).toBe('甲住建罚立〔2027〕1号');
    t.clock.set('2026-11-20T02:00:00.000Z');
  });

  it('writes nothing when the input is refused', async () => {
    const before = [await countCases(t.ctx.db), await countCaseParties(t.ctx.db), await countLedgerEntries(t.ctx.db)];
    const badId = newCaseInput({ party: { kind: 'person', name: '张三', idNumber: '110105194912310021' } });
    expect(await codeOf(createCase({ ctx: t.ctx, actor: officer, input: badId }))).toBe('INVALID_ID_NUMBER');
    expect(await codeOf(createCase({ ctx: t.ctx, actor: officer, input: newCaseInput({ source: 'rumour' }) }))).toBe(
      'UNKNOWN_CASE_SOURCE',
    );
    const after = [await countCases(t.ctx.db), await countCaseParties(t.ctx.db), await countLedgerEntries(t.ctx.db)];
    expect(after).toEqual(before);
  });

  it('refuses roles that may not register cases (ORG-4)', async () => {
    const admin = await actorFor(t.ctx, (await buildUser(t.ctx, { agencyId, roles: ['system_admin'] })).username);
    expect(await codeOf(createCase({ ctx: t.ctx, actor: admin, input: newCaseInput() }))).toBe('FORBIDDEN');
    expect(await codeOf(listCases({ ctx: t.ctx, actor: admin, query: {} }))).toBe('FORBIDDEN');
  });
});

describe('finding and reading cases', () => {
  it('filters by text, source, dates and author, and pages through the agency’s cases only', async () => {
    const organisation = newCaseInput({
      source: 'inspection',
      discoveredOn: '2026-10-01',
      place: '示范市高新区科技大道1号',
      party: {
        kind: 'organization',
        name: '示范建筑工程有限公司',
        creditCode: '91350100M000100Y43',
        legalRepresentative: '李四',
      },
    });
    await createCase({ ctx: t.ctx, actor: colleague, input: organisation });

    const all = await listCases({ ctx: t.ctx, actor: officer, query: {} });
    expect(all.total).toBe(4);
    expect(all.rows.every((r) => r.agencyId === agencyId)).toBe(true);
    expect(
      (await listCases({ ctx: t.ctx, actor: officer, query: { q: '高新区' } })).rows.map((r) => r.partyName),
    ).toEqual(['示范建筑工程有限公司']);
    expect((await listCases({ ctx: t.ctx, actor: officer, query: { q: '有限公司' } })).total).toBe(1);
    expect((await listCases({ ctx: t.ctx, actor: officer, query: { q: '罚立〔2026〕2' } })).total).toBe(1);
    expect((await listCases({ ctx: t.ctx, actor: officer, query: { source: 'inspection' } })).total).toBe(1);
    expect((await listCases({ ctx: t.ctx, actor: officer, query: { procedure: 'penalty' } })).total).toBe(all.total);
    expect((await listCases({ ctx: t.ctx, actor: officer, query: { procedure: 'licensing' } })).total).toBe(0);
    expect(await codeOf(listCases({ ctx: t.ctx, actor: officer, query: { procedure: 'tax' } }))).toBe(
      'VALIDATION_FAILED',
    );
    expect((await listCases({ ctx: t.ctx, actor: officer, query: { discoveredTo: '2026-10-31' } })).total).toBe(1);
    expect((await listCases({ ctx: t.ctx, actor: officer, query: { mine: true } })).total).toBe(3);
    expect((await listCases({ ctx: t.ctx, actor: officer, query: { q: '%' } })).total).toBe(0);

    const page2 = await listCases({ ctx: t.ctx, actor: officer, query: { page: 2, pageSize: 3 } });
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.rows).toHaveLength(1);
    expect(await codeOf(listCases({ ctx: t.ctx, actor: officer, query: { pageSize: 101 } }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(listCases({ ctx: t.ctx, actor: officer, query: { discoveredFrom: '2026-02-30' } }))).toBe(
      'INVALID_DATE',
    );
  });

  it('records each reading in the ledger, chained to the case’s earlier entries (ACCESS-4)', async () => {
    const { id } = await createCase({ ctx: t.ctx, actor: officer, input: newCaseInput() });
    const first = await viewCase({ ctx: t.ctx, actor: colleague, caseId: id });
    const second = await viewCase({ ctx: t.ctx, actor: officer, caseId: id });
    expect(first.timeline.map((e) => e.type)).toEqual(['case.created', 'case.viewed']);
    expect(second.timeline.map((e) => e.actorDisplayName)).toEqual([
      officer.displayName,
      colleague.displayName,
      officer.displayName,
    ]);
    const leaves = second.timeline.map((e) => JSON.parse(new TextDecoder().decode(e.leaf)));
    expect(leaves[1].case_prev).toBe(Buffer.from(second.timeline[0]!.leafHash).toString('hex'));
    expect(leaves[2].case_prev).toBe(Buffer.from(second.timeline[1]!.leafHash).toString('hex'));
  });

  it('hides another agency’s case as not found', async () => {
    const { id } = await createCase({ ctx: t.ctx, actor: officer, input: newCaseInput() });
    expect(await codeOf(viewCase({ ctx: t.ctx, actor: outsider, caseId: id }))).toBe('CASE_NOT_FOUND');
    expect(await codeOf(viewCase({ ctx: t.ctx, actor: outsider, caseId: t.ctx.newId() }))).toBe('CASE_NOT_FOUND');
  });
});
