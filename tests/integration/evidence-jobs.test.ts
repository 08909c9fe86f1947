import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUpload } from '../../server/src/db/repos/evidence-repo';
import { blobFixityChecks, evidenceItems, fixityRuns, ledgerEntries } from '../../server/src/db/schema';
import { stagedPath } from '../../server/src/ingest/staging';
import { fixitySlot, startEvidenceWorker } from '../../server/src/jobs/evidence-worker';
import type { UseCaseContext, UserActor } from '../../server/src/use-cases/context';
import { createCase } from '../../server/src/use-cases/create-case';
import { expireUploads } from '../../server/src/use-cases/expire-uploads';
import { listFixityFindings } from '../../server/src/use-cases/list-fixity-findings';
import { listLateEvidence } from '../../server/src/use-cases/list-late-evidence';
import { cancelUpload, receiveUploadChunk } from '../../server/src/use-cases/receive-upload';
import { registerDevice } from '../../server/src/use-cases/register-device';
import { runFixityCheck } from '../../server/src/use-cases/run-fixity-check';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { startEvidenceUpload } from '../../server/src/use-cases/start-evidence-upload';
import { actorFor } from '../support/actors';
import { codeOf, refusalOf } from '../support/domain-error';
import { createTestContext, type TestContext } from '../support/test-context';
import { newCaseInput } from '../factories';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A JPEG by its magic bytes, the rest random: every call is a different original. */
const photo = (size = 3000) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]);
/** An MP4 by its ftyp box (isom), the rest random: a video to the type check, without timing to read. */
const video = (size = 6000) =>
  Buffer.concat([Buffer.from('00000018667479706973' + '6f6d0000020069736f6d6d703431', 'hex'), randomBytes(size - 24)]);
const bodyOf = (bytes: Buffer) =>
  (async function* () {
    yield bytes;
  })();

type Team = { officer1: UserActor; officer2: UserActor; supervisor1: UserActor };

const openContext = async () => {
  const t = await createTestContext();
  await seedDemo({ ctx: t.ctx });
  const team: Team = {
    officer1: await actorFor(t.ctx, 'officer1'),
    officer2: await actorFor(t.ctx, 'officer2'),
    supervisor1: await actorFor(t.ctx, 'supervisor1'),
  };
  const { id: caseId } = await createCase({ ctx: t.ctx, actor: team.officer1, input: newCaseInput() });

  return { t, team, caseId };
};

const startUpload = (
  t: TestContext,
  actor: UserActor,
  caseId: string,
  size: number,
  input: Partial<Parameters<typeof startEvidenceUpload>[0]['input']> = {},
) =>
  startEvidenceUpload({
    ctx: t.ctx,
    evidence: t.evidence,
    actor,
    caseId,
    input: {
      kind: 'photo',
      filename: 'scene.jpg',
      size,
      recordedStartedAt: new Date(t.clock.now().getTime() - HOUR).toISOString(),
      officerIds: [actor.userId],
      providedBy: 'agency',
      ...input,
    },
  });

const send = (t: TestContext, actor: UserActor, uploadId: string, offset: number, bytes: Buffer) =>
  receiveUploadChunk({
    ctx: t.ctx,
    evidence: t.evidence,
    actor,
    uploadId,
    offset,
    checksum: null,
    contentLength: bytes.length,
    body: bodyOf(bytes),
  });

/** Files `bytes` as evidence through the real upload path; returns the item and its blob's address. */
const file = async (
  t: TestContext,
  actor: UserActor,
  caseId: string,
  bytes: Buffer,
  input: Partial<Parameters<typeof startEvidenceUpload>[0]['input']> = {},
) => {
  const upload = await startUpload(t, actor, caseId, bytes.length, input);
  const { evidenceId } = await send(t, actor, upload.id, 0, bytes);
  const [item] = await t.ctx.db.select().from(evidenceItems).where(eq(evidenceItems.id, evidenceId!));

  return item!;
};

const entriesOf = async (ctx: UseCaseContext, type: string) =>
  (await ctx.db.select().from(ledgerEntries).where(eq(ledgerEntries.type, type))).map((e) => ({
    ...e,
    payload: JSON.parse(e.payload) as Record<string, unknown>,
  }));

const checkedIn = async (ctx: UseCaseContext, runId: string) =>
  (
    await ctx.db
      .select({ sha256: blobFixityChecks.sha256 })
      .from(blobFixityChecks)
      .where(and(eq(blobFixityChecks.runId, runId), sql`${blobFixityChecks.outcome} <> 'unreferenced'`))
  ).map((r) => r.sha256);

/** Where the fs store keeps an original (server/src/storage/fs-blob-store.ts). */
const blobFile = (t: TestContext, sha256: string) =>
  path.join(t.dataDir, 'blobs', sha256.slice(0, 2), sha256.slice(2, 4), sha256);

describe('unfinished uploads expire (AV-7)', () => {
  let t: TestContext;
  let team: Team;
  let caseId: string;
  beforeAll(async () => {
    ({ t, team, caseId } = await openContext());
  });
  afterAll(async () => t.close());

  it('marks an idle upload expired with its ledger entry, removes its bytes, and a later PATCH gets UPLOAD_GONE', async () => {
    const bytes = photo(8000);
    const stale = await startUpload(t, team.officer1, caseId, bytes.length);
    await send(t, team.officer1, stale.id, 0, bytes.subarray(0, 5000));
    expect(fs.statSync(stagedPath(t.evidence.stagingDir, stale.id)).size).toBe(5000);
    // Started two hours later, and its last chunk came in 71 hours after that: each chunk moves the expiry on.
    t.clock.advance(2 * HOUR);
    const busy = await startUpload(t, team.officer1, caseId, bytes.length);
    t.clock.advance(69 * HOUR);
    await send(t, team.officer1, busy.id, 0, bytes.subarray(0, 4096));
    t.clock.advance(HOUR + 60_000);

    expect(await expireUploads({ ctx: t.ctx, evidence: t.evidence })).toEqual({ expired: [stale.id], swept: 0 });
    expect(await findUpload(t.ctx.db, stale.id)).toMatchObject({ status: 'expired', receivedBytes: 5000 });
    expect(fs.existsSync(stagedPath(t.evidence.stagingDir, stale.id))).toBe(false);
    expect(await findUpload(t.ctx.db, busy.id)).toMatchObject({ status: 'receiving', receivedBytes: 4096 });
    expect(fs.statSync(stagedPath(t.evidence.stagingDir, busy.id)).size).toBe(4096);

    await t.settle();
    const [entry, ...others] = await entriesOf(t.ctx, 'upload.expired');
    expect(others).toHaveLength(0);
    expect(entry).toMatchObject({
      caseId,
      actorUserId: null,
      payload: { uploadId: stale.id, receivedBytes: 5000, declaredSize: 8000 },
    });
    expect(JSON.parse(Buffer.from(entry!.leaf).toString('utf8')).actor).toEqual({
      credential: null,
      user: null,
      via: 'system',
    });

    // It never becomes evidence: the rest of the bytes are refused, and running the job again records nothing more.
    expect(await refusalOf(send(t, team.officer1, stale.id, 5000, bytes.subarray(5000)))).toEqual({
      code: 'UPLOAD_GONE',
      details: { id: stale.id, status: 'expired' },
    });
    expect(await expireUploads({ ctx: t.ctx, evidence: t.evidence })).toEqual({ expired: [], swept: 0 });
    await t.settle();
    expect(await entriesOf(t.ctx, 'upload.expired')).toHaveLength(1);
    expect(await t.ctx.db.select().from(evidenceItems).where(eq(evidenceItems.caseId, caseId))).toHaveLength(0);
  });

  it('records the expiry once when a late PATCH finds the upload past its time before the job does', async () => {
    const upload = await startUpload(t, team.officer2, caseId, 5000, { officerIds: [team.officer2.userId] });
    t.clock.advance(73 * HOUR);
    expect(await codeOf(send(t, team.officer2, upload.id, 0, photo(5000)))).toBe('UPLOAD_GONE');
    expect((await expireUploads({ ctx: t.ctx, evidence: t.evidence })).expired).not.toContain(upload.id);
    await t.settle();
    const entries = await entriesOf(t.ctx, 'upload.expired');
    expect(entries.filter((e) => e.payload.uploadId === upload.id)).toHaveLength(1);
  });

  it('sweeps staged bytes an interrupted clean-up left behind, and keeps those of uploads still receiving', async () => {
    const cancelled = await startUpload(t, team.officer1, caseId, 5000);
    await cancelUpload({ ctx: t.ctx, evidence: t.evidence, actor: team.officer1, uploadId: cancelled.id });
    fs.writeFileSync(stagedPath(t.evidence.stagingDir, cancelled.id), 'left behind by a crash');
    const receiving = await startUpload(t, team.officer1, caseId, 5000);
    const result = await expireUploads({ ctx: t.ctx, evidence: t.evidence });
    expect(result.swept).toBe(1);
    expect(fs.existsSync(stagedPath(t.evidence.stagingDir, cancelled.id))).toBe(false);
    expect(fs.existsSync(stagedPath(t.evidence.stagingDir, receiving.id))).toBe(true);
  });
});

describe('fixity: stored originals rehashed, problems reported to supervisors (AV-1, RET-2)', () => {
  let t: TestContext;
  let team: Team;
  let caseId: string;
  const items: (typeof evidenceItems.$inferSelect)[] = [];
  beforeAll(async () => {
    ({ t, team, caseId } = await openContext());
    for (const name of ['a.jpg', 'b.jpg', 'c.jpg'])
      items.push(await file(t, team.officer1, caseId, photo(), { filename: name }));
    // The same bytes filed again, to a second case: one original, two items.
    const { id: otherCase } = await createCase({ ctx: t.ctx, actor: team.officer1, input: newCaseInput() });
    const copy = fs.readFileSync(blobFile(t, items[0]!.blobSha256));
    items.push(await file(t, team.officer1, otherCase, copy, { filename: 'a-copy.jpg' }));
  });
  afterAll(async () => t.close());

  const run = () =>
    runFixityCheck({ ctx: t.ctx, store: t.evidence.store, selection: { kind: 'all' }, agencyId: null, actor: null });

  it('finds nothing wrong in an intact store and says so in each agency’s ledger', async () => {
    const summary = (await run())!;
    expect(summary).toMatchObject({ checked: 3, missing: 0, altered: 0, unreadable: 0, unreferenced: 0 });
    expect(summary.bytes).toBe(9000);
    expect(summary.finishedAt).not.toBeNull();
    const [row] = await t.ctx.db.select().from(fixityRuns).where(eq(fixityRuns.id, summary.runId));
    expect(row).toMatchObject({ checked: 3, bytes: 9000, problems: [] });
    await t.settle();
    const [entry] = await entriesOf(t.ctx, 'fixity.run_completed');
    expect(entry).toMatchObject({
      caseId: null,
      agencyId: team.officer1.agencyId,
      payload: { runId: summary.runId, checked: 4, bytes: 9000, missing: 0, altered: 0 },
    });
    const findings = await listFixityFindings({ ctx: t.ctx, actor: team.supervisor1 });
    expect(findings.problems).toEqual([]);
    expect(findings.runs[0]).toMatchObject({ id: summary.runId, status: 'finished', agency: { checked: 4 } });
  });

  it('reports an altered file and a missing one with the items and cases they belong to, until they are restored', async () => {
    t.clock.advance(DAY);
    const altered = blobFile(t, items[0]!.blobSha256);
    const original = fs.readFileSync(altered);
    fs.chmodSync(altered, 0o644);
    const changed = Buffer.from(original);
    changed[100] = changed[100]! ^ 0xff;
    fs.writeFileSync(altered, changed);
    const missing = blobFile(t, items[1]!.blobSha256);
    const kept = fs.readFileSync(missing);
    fs.rmSync(missing);
    // Bytes in the store that no record names, as a crash between the store and the database would leave.
    const stray = photo(1234);
    const straySha = createHash('sha256').update(stray).digest('hex');
    const strayFile = path.join(t.dataDir, 'stray.jpg');
    fs.writeFileSync(strayFile, stray);
    await t.evidence.store.putFile({ path: strayFile, sha256: straySha, size: stray.length, retainUntil: null });

    const summary = (await run())!;
    expect(summary).toMatchObject({ checked: 3, missing: 1, altered: 1, unreferenced: 1 });
    await t.settle();
    const entries = await entriesOf(t.ctx, 'fixity.run_completed');
    expect(entries.find((e) => e.payload.runId === summary.runId)!.payload).toEqual({
      runId: summary.runId,
      checked: 4,
      bytes: 9000,
      missing: 1,
      altered: 2,
    });

    const findings = await listFixityFindings({ ctx: t.ctx, actor: team.supervisor1 });
    const bySha = new Map(findings.problems.map((p) => [p.sha256, p]));
    expect(bySha.get(items[0]!.blobSha256)).toMatchObject({
      outcome: 'altered',
      expectedSize: 3000,
      actualSize: 3000,
      items: [
        expect.objectContaining({ filename: 'a.jpg', caseId }),
        expect.objectContaining({ filename: 'a-copy.jpg' }),
      ],
    });
    expect(bySha.get(items[0]!.blobSha256)!.actualSha256).not.toBe(items[0]!.blobSha256);
    expect(bySha.get(items[1]!.blobSha256)).toMatchObject({
      outcome: 'missing',
      actualSize: null,
      items: [expect.objectContaining({ filename: 'b.jpg', caseNumber: expect.stringMatching(/罚立/) })],
    });
    expect(findings.problems).toHaveLength(2);
    expect(findings.unreferenced).toEqual([expect.objectContaining({ sha256: straySha, size: 1234 })]);
    expect(findings.runs[0]).toMatchObject({
      id: summary.runId,
      agency: { checked: 4, missing: 1, altered: 2 },
      store: { checked: 3, unreferenced: 1 },
    });

    // Restored from a backup: the next check finds the bytes intact and the problems close.
    t.clock.advance(DAY);
    fs.writeFileSync(altered, original);
    fs.writeFileSync(missing, kept);
    const after = (await run())!;
    expect(after).toMatchObject({ checked: 3, missing: 0, altered: 0 });
    expect((await listFixityFindings({ ctx: t.ctx, actor: team.supervisor1 })).problems).toEqual([]);
  });

  it('keeps what a run stopped with the server had checked, and leaves the run unfinished without a ledger entry', async () => {
    t.clock.advance(DAY);
    const stopping = new AbortController();
    let stats = 0;
    const store = t.evidence.store;
    const summary = (await runFixityCheck({
      ctx: t.ctx,
      // The server shuts down while the second original is being read.
      store: { ...store, stat: (sha256: string) => (++stats === 2 && stopping.abort(), store.stat(sha256)) },
      selection: { kind: 'all' },
      agencyId: null,
      actor: null,
      signal: stopping.signal,
    }))!;
    expect(summary).toMatchObject({ checked: 1, finishedAt: null });
    expect(await checkedIn(t.ctx, summary.runId)).toHaveLength(1);
    const [row] = await t.ctx.db.select().from(fixityRuns).where(eq(fixityRuns.id, summary.runId));
    expect(row!.finishedAt).toBeNull();
    await t.settle();
    expect((await entriesOf(t.ctx, 'fixity.run_completed')).map((e) => e.payload.runId)).not.toContain(summary.runId);
    const findings = await listFixityFindings({ ctx: t.ctx, actor: team.supervisor1 });
    expect(findings.runs.find((r) => r.id === summary.runId)).toMatchObject({ status: 'unfinished' });
  });

  it('keeps each check as a fact the database refuses to change', async () => {
    const errorOf = (statement: ReturnType<typeof sql>) =>
      t.ctx.db.execute(statement).then(
        () => 'no error',
        (error: { cause?: Error; message: string }) => error.cause?.message ?? error.message,
      );
    expect(await errorOf(sql`update blob_fixity_checks set outcome = 'ok'`)).toMatch(/append-only/);
    expect(await errorOf(sql`delete from blob_fixity_checks`)).toMatch(/append-only/);
    expect(await errorOf(sql`truncate blob_fixity_checks`)).toMatch(/append-only/);
  });

  it('refuses the list to an officer', async () => {
    expect(await codeOf(listFixityFindings({ ctx: t.ctx, actor: team.officer1 }))).toBe('FORBIDDEN');
  });
});

describe('fixity: a daily share checks the least recently verified first, all within 100/percent days (AV-1, RET-2)', () => {
  let t: TestContext;
  let team: Team;
  let caseId: string;
  beforeAll(async () => {
    ({ t, team, caseId } = await openContext());
  });
  afterAll(async () => t.close());

  it('checks 30 % a day, never the same original twice before every one has had its turn', async () => {
    const shas: string[] = [];
    for (let i = 0; i < 10; i++) shas.push((await file(t, team.officer1, caseId, photo())).blobSha256);
    const daily = async () => {
      t.clock.advance(DAY);
      const summary = (await runFixityCheck({
        ctx: t.ctx,
        store: t.evidence.store,
        selection: { kind: 'share', percent: 30 },
        agencyId: null,
        actor: null,
      }))!;

      return checkedIn(t.ctx, summary.runId);
    };
    const day1 = await daily();
    const day2 = await daily();
    expect(day1).toHaveLength(3);
    expect(day2).toHaveLength(3);
    expect(day2.filter((s) => day1.includes(s))).toEqual([]);
    // An original filed now has never been checked: it joins the unchecked ones, after those stored before it.
    const fresh = (await file(t, team.officer1, caseId, photo())).blobSha256;
    const day3 = await daily();
    expect(day3).toHaveLength(4); // 30 % of 11, rounded up
    expect(new Set([...day1, ...day2, ...day3])).toEqual(new Set(shas));
    // Day 4 checks the new one, then starts the next round with day 1's, the least recently verified.
    const day4 = await daily();
    expect(day4).toHaveLength(4);
    expect(day4).toContain(fresh);
    expect(day4.filter((s) => s !== fresh).every((s) => day1.includes(s))).toBe(true);
    expect(new Set([...day1, ...day2, ...day3, ...day4])).toEqual(new Set([...shas, fresh]));
  });

  it('runs the scheduled check once per daily slot, however many server processes ask', async () => {
    t.clock.advance(DAY);
    const slot = fixitySlot(t.clock.now(), 2);
    const scheduled = () =>
      runFixityCheck({
        ctx: t.ctx,
        store: t.evidence.store,
        selection: { kind: 'share', percent: 30 },
        agencyId: null,
        actor: null,
        notStartedSince: slot,
      });
    expect(await scheduled()).not.toBeNull();
    expect(await scheduled()).toBeNull();
    t.clock.advance(DAY);
    expect(await scheduled()).toBeNull();
  });
});

describe('late uploads listed for supervisors (AV-6)', () => {
  let t: TestContext;
  let team: Team;
  let caseId: string;
  let deviceId: string;
  beforeAll(async () => {
    ({ t, team, caseId } = await openContext());
    const keeper = await actorFor(t.ctx, 'devicekeeper1');
    ({ id: deviceId } = await registerDevice({
      ctx: t.ctx,
      actor: keeper,
      input: { kind: 'body_camera', serialNumber: 'ZF-LATE-1', model: 'DSJ-V9', name: '执法记录仪' },
    }));
  });
  afterAll(async () => t.close());

  it('lists a video uploaded after its 24-hour limit with its delay, officers and device, and not one on time', async () => {
    const now = t.clock.now().getTime();
    const late = await file(t, team.officer1, caseId, video(), {
      kind: 'video',
      filename: 'late.mp4',
      place: '示范市新城区建设路18号',
      recordedStartedAt: new Date(now - 3 * DAY).toISOString(),
      recordedEndedAt: new Date(now - 3 * DAY + 600_000).toISOString(),
      officerIds: [team.officer1.userId, team.officer2.userId],
      deviceId,
    });
    const onTime = await file(t, team.officer1, caseId, video(), {
      kind: 'video',
      filename: 'on-time.mp4',
      place: '示范市新城区建设路18号',
      recordedStartedAt: new Date(now - 2 * HOUR).toISOString(),
      officerIds: [team.officer1.userId],
      deviceId,
    });
    expect(onTime.uploadDueAt!.getTime()).toBeGreaterThan(onTime.uploadedAt.getTime());

    const page = await listLateEvidence({ ctx: t.ctx, actor: team.supervisor1, query: {} });
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(page.items[0]).toMatchObject({
      evidenceId: late.id,
      filename: 'late.mp4',
      case: { id: caseId, number: expect.stringMatching(/罚立/) },
      uploadedBy: { id: team.officer1.userId, displayName: '王明' },
      officers: [
        { id: team.officer1.userId, displayName: '王明' },
        { id: team.officer2.userId, displayName: '李华' },
      ],
      device: { id: deviceId, serialNumber: 'ZF-LATE-1', model: 'DSJ-V9' },
    });
    // Recorded 3 days ago for 10 minutes, due 24 hours after its end: 47.8 hours late.
    expect(page.items[0]!.delayHours).toBeCloseTo(47.8, 1);

    const filtered = (query: Parameters<typeof listLateEvidence>[0]['query']) =>
      listLateEvidence({ ctx: t.ctx, actor: team.supervisor1, query }).then((p) => p.items.map((i) => i.evidenceId));
    const recordedOn = new Date(now - 3 * DAY + 8 * HOUR).toISOString().slice(0, 10);
    expect(await filtered({ officerId: team.officer2.userId })).toEqual([late.id]);
    expect(await filtered({ officerId: team.supervisor1.userId })).toEqual([]);
    expect(await filtered({ deviceId })).toEqual([late.id]);
    expect(await filtered({ from: recordedOn, to: recordedOn })).toEqual([late.id]);
    expect(await filtered({ to: '2026-01-01' })).toEqual([]);
    expect(await filtered({ page: 2 })).toEqual([]);
  });

  it('refuses officers and bad filters with a code for each field', async () => {
    expect(await codeOf(listLateEvidence({ ctx: t.ctx, actor: team.officer1, query: {} }))).toBe('FORBIDDEN');
    expect(
      await refusalOf(listLateEvidence({ ctx: t.ctx, actor: team.supervisor1, query: { from: '2026-02-30' } })),
    ).toEqual({ code: 'INVALID_DATE', details: { fields: [{ field: 'from', code: 'INVALID_DATE' }] } });
    expect(
      await codeOf(
        listLateEvidence({ ctx: t.ctx, actor: team.supervisor1, query: { from: '2026-11-20', to: '2026-11-01' } }),
      ),
    ).toBe('INVALID_DATE_RANGE');
    expect(await codeOf(listLateEvidence({ ctx: t.ctx, actor: team.supervisor1, query: { pageSize: 1000 } }))).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('the evidence worker beside the ledger worker (AV-7, AV-1)', () => {
  let t: TestContext;
  let team: Team;
  let caseId: string;
  beforeAll(async () => {
    ({ t, team, caseId } = await openContext());
  });
  afterAll(async () => t.close());

  const logger = () => {
    const lines: { level: 'info' | 'error'; message: string; data: unknown }[] = [];
    const log = {
      info: (data: unknown, message: string) => lines.push({ level: 'info', data, message }),
      error: (data: unknown, message: string) => lines.push({ level: 'error', data, message }),
    } as unknown as FastifyBaseLogger;

    return { log, lines };
  };
  const until = async (condition: () => boolean | Promise<boolean>) => {
    for (let i = 0; i < 400 && !(await condition()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('expires idle uploads and runs the day’s fixity check once, then stops cleanly', async () => {
    await file(t, team.officer1, caseId, photo());
    const upload = await startUpload(t, team.officer1, caseId, 5000);
    t.clock.advance(73 * HOUR);
    const { log, lines } = logger();
    const worker = startEvidenceWorker({
      ctx: t.ctx,
      evidence: t.evidence,
      log,
      fixityDailyPercent: 100,
      fixityHour: 2,
      expiryIntervalMs: 20,
      fixityPollMs: 20,
    });
    await until(() => lines.some((l) => l.message === 'fixity check finished'));
    await until(async () => (await findUpload(t.ctx.db, upload.id))?.status === 'expired');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await worker.stop();
    expect((await findUpload(t.ctx.db, upload.id))?.status).toBe('expired');
    expect(lines.filter((l) => l.message === 'fixity check finished')).toHaveLength(1);
    expect(lines.find((l) => l.message === 'fixity check finished')!.data).toMatchObject({ checked: 1, altered: 0 });
    expect(await t.ctx.db.select().from(fixityRuns)).toHaveLength(1);
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('logs a failed check and leaves it unfinished for supervisors to see; the day’s slot is not retried', async () => {
    t.clock.advance(DAY);
    const broken = {
      ...t.evidence,
      store: {
        ...t.evidence.store,
        list: () => {
          throw new Error('store offline');
        },
      },
    };
    const { log, lines } = logger();
    const worker = startEvidenceWorker({
      ctx: t.ctx,
      evidence: broken,
      log,
      fixityDailyPercent: 100,
      fixityHour: 2,
      fixityPollMs: 20,
    });
    await until(() => lines.some((l) => l.message === 'fixity check failed'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await worker.stop();
    const failures = lines.filter((l) => l.message === 'fixity check failed');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.data).toMatchObject({ err: expect.objectContaining({ message: 'store offline' }) });
    const findings = await listFixityFindings({ ctx: t.ctx, actor: team.supervisor1 });
    expect(findings.runs[0]).toMatchObject({ status: 'unfinished', finishedAt: null, agency: { checked: 1 } });
  });
});
