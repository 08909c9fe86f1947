import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDeviceRows } from '../../server/src/db/repos/device-repo';
import { countLedgerEntries, listLedgerEntries } from '../../server/src/db/repos/ledger-repo';
import { blobs, evidenceItems } from '../../server/src/db/schema';
import { changeDevice } from '../../server/src/use-cases/change-device';
import { checkDevice } from '../../server/src/use-cases/check-device';
import type { UserActor } from '../../server/src/use-cases/context';
import { createCase } from '../../server/src/use-cases/create-case';
import { getDevice } from '../../server/src/use-cases/get-device';
import { listDeviceAssignees } from '../../server/src/use-cases/list-device-assignees';
import { listDevices } from '../../server/src/use-cases/list-devices';
import { registerDevice } from '../../server/src/use-cases/register-device';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { actorFor } from '../support/actors';
import { codeOf, refusalOf } from '../support/domain-error';
import { createTestContext, type TestContext } from '../support/test-context';
import { buildAgency, buildSection, buildUser, newCaseInput } from '../factories';

let t: TestContext;
let keeper: UserActor;
let officer1: UserActor;
let officer2: UserActor;
let sectionhead1: UserActor;
let head1: UserActor;
let legal1: UserActor;
let sysadmin1: UserActor;
let otherSectionOfficer: UserActor;
let otherAgency: { id: string; keeper: UserActor; officer: UserActor; officerId: string; sectionId: string };

beforeAll(async () => {
  t = await createTestContext();
  await seedDemo({ ctx: t.ctx });
  const actors = new Map<string, UserActor>();
  for (const username of ['devicekeeper1', 'officer1', 'officer2', 'sectionhead1', 'head1', 'legal1', 'sysadmin1'])
    actors.set(username, await actorFor(t.ctx, username));
  keeper = actors.get('devicekeeper1')!;
  officer1 = actors.get('officer1')!;
  officer2 = actors.get('officer2')!;
  sectionhead1 = actors.get('sectionhead1')!;
  head1 = actors.get('head1')!;
  legal1 = actors.get('legal1')!;
  sysadmin1 = actors.get('sysadmin1')!;
  const otherSection = await buildSection(t.ctx, officer1.agencyId);
  otherSectionOfficer = await actorFor(
    t.ctx,
    (await buildUser(t.ctx, { agencyId: officer1.agencyId, sectionId: otherSection.id, roles: ['officer'] })).username,
  );
  const agency = await buildAgency(t.ctx);
  const section = await buildSection(t.ctx, agency.id);
  const otherKeeper = await buildUser(t.ctx, { agencyId: agency.id, sectionId: section.id, roles: ['device_keeper'] });
  const otherOfficer = await buildUser(t.ctx, { agencyId: agency.id, sectionId: section.id, roles: ['officer'] });
  otherAgency = {
    id: agency.id,
    keeper: await actorFor(t.ctx, otherKeeper.username),
    officer: await actorFor(t.ctx, otherOfficer.username),
    officerId: otherOfficer.id,
    sectionId: section.id,
  };
});
afterAll(() => t.close());

let serial = 0;
const register = (actor: UserActor = keeper, overrides: Record<string, unknown> = {}) =>
  registerDevice({
    ctx: t.ctx,
    actor,
    input: {
      kind: 'body_camera',
      serialNumber: `DSJ-${Date.now().toString(36)}-${(serial += 1)}`,
      model: 'DSJ-V9',
      name: `执法记录仪${serial}号`,
      procuredOn: '2026-03-01',
      ...overrides,
    },
  });

const change = (deviceId: string, input: Parameters<typeof changeDevice>[0]['input'], actor: UserActor = keeper) => {
  t.clock.advance(60_000);

  return changeDevice({ ctx: t.ctx, actor, deviceId, input });
};

const READY = { batteryPercent: 85, freeStorageMb: 60_000, clockOffsetSeconds: 2 };

const check = (deviceId: string, actor: UserActor, input: Partial<typeof READY> & Record<string, unknown> = {}) => {
  t.clock.advance(60_000);

  return checkDevice({ ctx: t.ctx, actor, deviceId, input: { ...READY, ...input } });
};

const stateOf = async (deviceId: string, actor: UserActor = keeper) =>
  (await getDevice({ ctx: t.ctx, actor, deviceId })).status.state;

/** Device rows and ledger entries, to prove a refusal wrote nothing. */
const written = async () => ({ ...(await countDeviceRows(t.ctx.db)), ledger: await countLedgerEntries(t.ctx.db) });

const ledgerTypesAbout = async (subjectId: string): Promise<{ type: string; case: string | null }[]> => {
  await t.settle();

  return (await listLedgerEntries(t.ctx.db, officer1.agencyId))
    .map(
      (e) =>
        JSON.parse(new TextDecoder().decode(e.leaf)) as { type: string; case: string | null; subject: { id: string } },
    )
    .filter((leaf) => leaf.subject.id === subjectId)
    .map((leaf) => ({ type: leaf.type, case: leaf.case }));
};

describe('the device register (DEV-1)', () => {
  it('registers a device with its registration event and ledger entry, in stock', async () => {
    const device = await register(keeper, { serialNumber: ' dsj-reg-001 ', kind: 'fixed_surveillance' });
    expect(device).toMatchObject({
      serialNumber: 'DSJ-REG-001',
      kind: 'fixed_surveillance',
      agencyId: keeper.agencyId,
    });
    const detail = await getDevice({ ctx: t.ctx, actor: keeper, deviceId: device.id });
    expect(detail.status).toMatchObject({ state: 'in_stock', holder: null, lastEventType: 'registered' });
    expect(detail.events.map((e) => [e.type, e.actorName])).toEqual([['registered', '吴涛']]);
    expect(await ledgerTypesAbout(device.id)).toEqual([{ type: 'device.registered', case: null }]);
  });

  it('refuses a serial number the agency already registered, in any case, and writes nothing', async () => {
    await register(keeper, { serialNumber: 'DSJ-DUP-1' });
    const before = await written();
    const refusal = await refusalOf(register(head1, { serialNumber: 'dsj-dup-1 ' }));
    expect(refusal).toEqual({ code: 'DEVICE_SERIAL_TAKEN', details: { serialNumber: 'DSJ-DUP-1' } });
    expect(await written()).toEqual(before);
    // Another agency keeps its own register.
    expect((await register(otherAgency.keeper, { serialNumber: 'DSJ-DUP-1' })).agencyId).toBe(otherAgency.id);
  });

  it('lists every problem of a registration at once and writes nothing', async () => {
    const before = await written();
    const refusal = await refusalOf(
      register(keeper, { kind: 'drone', serialNumber: '', model: ' ', name: '记录仪', procuredOn: '2027-01-01' }),
    );
    expect(refusal.code).toBe('VALIDATION_FAILED');
    expect((refusal.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual([
      'kind',
      'serialNumber',
      'model',
      'procuredOn',
    ]);
    expect(await written()).toEqual(before);
  });

  it('walks the lifecycle: issue to a person, return, issue to a section, maintenance, retirement (S1 第二十七条、第二十八条)', async () => {
    const { id } = await register();
    await change(id, { type: 'assigned', assigneeUserId: officer1.userId });
    let detail = await getDevice({ ctx: t.ctx, actor: keeper, deviceId: id });
    expect(detail.status.state).toBe('assigned');
    expect(detail.holder).toMatchObject({ userId: officer1.userId, userName: '王明', sectionId: null });

    await change(id, { type: 'returned', note: '下班归还' });
    expect(await stateOf(id)).toBe('in_stock');
    await change(id, { type: 'assigned', assigneeSectionId: officer1.sectionId });
    detail = await getDevice({ ctx: t.ctx, actor: keeper, deviceId: id });
    expect(detail.holder).toMatchObject({
      userId: null,
      sectionId: officer1.sectionId,
      sectionName: expect.any(String),
    });
    const moved = await change(id, { type: 'maintenance_started', note: '镜头进水' });
    expect([moved.from, moved.to]).toEqual(['assigned', 'in_maintenance']);
    expect((await getDevice({ ctx: t.ctx, actor: keeper, deviceId: id })).holder).toBeNull();
    await change(id, { type: 'maintenance_ended' });
    expect(await stateOf(id)).toBe('in_stock');
    await change(id, { type: 'retired', note: '主板损坏，无维修价值' });

    detail = await getDevice({ ctx: t.ctx, actor: head1, deviceId: id });
    expect(detail.status.state).toBe('retired');
    expect(detail.allowedChanges).toEqual([]);
    expect(detail.events.map((e) => [e.type, e.actorName])).toEqual([
      ['registered', '吴涛'],
      ['assigned', '吴涛'],
      ['returned', '吴涛'],
      ['assigned', '吴涛'],
      ['maintenance_started', '吴涛'],
      ['maintenance_ended', '吴涛'],
      ['retired', '吴涛'],
    ]);
    expect(detail.events[1]!.assignee).toMatchObject({ userName: '王明' });
    expect(detail.events.at(-1)!.note).toBe('主板损坏，无维修价值');
    const ledger = await ledgerTypesAbout(id);
    expect(ledger.map((e) => e.type)).toEqual(['device.registered', ...Array<string>(6).fill('device.changed')]);

    // Retirement is final.
    const before = await written();
    for (const type of ['assigned', 'returned', 'maintenance_started', 'maintenance_ended', 'retired']) {
      const input = type === 'assigned' ? { type, assigneeUserId: officer1.userId } : { type, note: '再试' };
      expect(await codeOf(change(id, input)), type).toBe('DEVICE_CHANGE_NOT_ALLOWED');
    }
    expect(await written()).toEqual(before);
  });

  it('refuses what the lifecycle forbids, saying why, and writes nothing', async () => {
    const { id } = await register();
    const before = await written();
    expect(await refusalOf(change(id, { type: 'returned' }))).toMatchObject({
      code: 'DEVICE_CHANGE_NOT_ALLOWED',
      details: { state: 'in_stock', allowed: ['assigned', 'maintenance_started', 'retired'] },
    });
    expect(await written()).toEqual(before);

    await change(id, { type: 'assigned', assigneeUserId: officer1.userId });
    const issued = await written();
    expect(await refusalOf(change(id, { type: 'assigned', assigneeUserId: officer2.userId }))).toMatchObject({
      code: 'DEVICE_CHANGE_NOT_ALLOWED',
      details: { reason: '设备已发放，须先办理归还才能再次发放' },
    });
    expect(await refusalOf(change(id, { type: 'retired', note: '丢失' }))).toMatchObject({
      details: { reason: '设备仍在使用中，须先办理归还才能报废' },
    });
    expect(await written()).toEqual(issued);

    await change(id, { type: 'maintenance_started' });
    const inMaintenance = await written();
    expect(await refusalOf(change(id, { type: 'assigned', assigneeUserId: officer2.userId }))).toMatchObject({
      details: { reason: '设备正在维修，维修完成后方可发放' },
    });
    // A retirement states why.
    expect(await refusalOf(change(id, { type: 'retired', note: '  ' }))).toEqual({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'note', code: 'VALIDATION_FAILED' }] },
    });
    expect(await written()).toEqual(inMaintenance);
  });

  it('issues only to active staff of the agency who use devices, or to a section of the agency', async () => {
    const { id } = await register();
    const before = await written();
    for (const assigneeUserId of [otherAgency.officerId, sysadmin1.userId, legal1.userId, t.ctx.newId(), 'nobody']) {
      expect(await refusalOf(change(id, { type: 'assigned', assigneeUserId }))).toEqual({
        code: 'INVALID_OFFICER',
        details: { fields: [{ field: 'assigneeUserId', code: 'INVALID_OFFICER' }] },
      });
    }
    for (const assigneeSectionId of [otherAgency.sectionId, t.ctx.newId()]) {
      expect(await codeOf(change(id, { type: 'assigned', assigneeSectionId }))).toBe('VALIDATION_FAILED');
    }
    // Both a person and a section, or neither: one holder answers for it.
    expect(
      await codeOf(
        change(id, { type: 'assigned', assigneeUserId: officer1.userId, assigneeSectionId: officer1.sectionId }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(await codeOf(change(id, { type: 'assigned' }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(change(id, { type: 'registered' }))).toBe('VALIDATION_FAILED');
    expect(await written()).toEqual(before);

    const assignees = await listDeviceAssignees({ ctx: t.ctx, actor: keeper });
    const names = assignees.users.map((u) => u.displayName);
    expect(names).toEqual(expect.arrayContaining(['王明', '李华', '吴涛']));
    expect(names).not.toContain('钱伟');
    expect(names).not.toContain('陈静');
    expect(assignees.sections.length).toBeGreaterThanOrEqual(3);
    expect(await codeOf(listDeviceAssignees({ ctx: t.ctx, actor: officer1 }))).toBe('FORBIDDEN');
  });

  it('leaves registering and issuing to device keepers and the agency head (ORG-4)', async () => {
    const { id } = await register(head1);
    const before = await written();
    expect(await codeOf(register(officer1))).toBe('FORBIDDEN');
    expect(await codeOf(register(sysadmin1))).toBe('FORBIDDEN');
    expect(await codeOf(change(id, { type: 'assigned', assigneeUserId: officer1.userId }, officer1))).toBe('FORBIDDEN');
    expect(await codeOf(change(id, { type: 'retired', note: '报废' }, sectionhead1))).toBe('FORBIDDEN');
    // The administrator triad reads neither cases nor the register.
    expect(await codeOf(listDevices({ ctx: t.ctx, actor: sysadmin1, query: {} }))).toBe('FORBIDDEN');
    expect(await codeOf(getDevice({ ctx: t.ctx, actor: sysadmin1, deviceId: id }))).toBe('FORBIDDEN');
    expect(await written()).toEqual(before);
  });

  it("reports another agency's device as not found, whatever is asked of it", async () => {
    const theirs = await register(otherAgency.keeper);
    const before = await written();
    expect(await codeOf(getDevice({ ctx: t.ctx, actor: keeper, deviceId: theirs.id }))).toBe('DEVICE_NOT_FOUND');
    expect(await codeOf(change(theirs.id, { type: 'assigned', assigneeUserId: officer1.userId }))).toBe(
      'DEVICE_NOT_FOUND',
    );
    expect(await codeOf(check(theirs.id, keeper))).toBe('DEVICE_NOT_FOUND');
    expect(await codeOf(getDevice({ ctx: t.ctx, actor: keeper, deviceId: 'not-a-uuid' }))).toBe('DEVICE_NOT_FOUND');
    expect((await listDevices({ ctx: t.ctx, actor: keeper, query: {} })).devices.map((d) => d.device.id)).not.toContain(
      theirs.id,
    );
    expect(await written()).toEqual(before);
  });

  it('refuses UPDATE and DELETE on devices, their events and checks (append-only)', async () => {
    const { id } = await register();
    await check(id, keeper);
    const errorOf = async (statement: ReturnType<typeof sql>): Promise<string> => {
      try {
        await t.database.db.execute(statement);
      } catch (error) {
        return String((error as { cause?: Error }).cause?.message ?? (error as Error).message);
      }

      return 'no error';
    };
    expect(await errorOf(sql`update devices set name = '改名' where id = ${id}`)).toMatch(/append-only/);
    expect(await errorOf(sql`delete from devices where id = ${id}`)).toMatch(/append-only/);
    expect(await errorOf(sql`update device_events set type = 'retired' where device_id = ${id}`)).toMatch(
      /append-only/,
    );
    expect(await errorOf(sql`delete from device_events where device_id = ${id}`)).toMatch(/append-only/);
    expect(await errorOf(sql`update device_checks set is_ready = false where device_id = ${id}`)).toMatch(
      /append-only/,
    );
    expect(await errorOf(sql`delete from device_checks where device_id = ${id}`)).toMatch(/append-only/);
    expect(await stateOf(id)).toBe('in_stock');
  });
});

describe('the check before field work (AV-5)', () => {
  it("logs the holder's check as ready, and a failed check with each item at fault", async () => {
    const { id } = await register();
    await change(id, { type: 'assigned', assigneeUserId: officer1.userId });

    const ok = await check(id, officer1);
    expect(ok.check).toMatchObject({ isReady: true, checkedBy: officer1.userId, caseId: null });
    expect(ok.result.failed).toEqual([]);

    const bad = await check(id, officer1, { batteryPercent: 12, freeStorageMb: 800, clockOffsetSeconds: 3600 });
    expect(bad.check.isReady).toBe(false);
    expect(bad.result.failed.map((f) => [f.id, f.message])).toEqual([
      ['battery', '电量 12%，低于出勤要求的 30%，请充电或更换电池'],
      ['storage', '剩余存储空间 800 MB，低于出勤要求的 2 GB，请先上传并清理'],
      ['clock', '设备时间快 3600 秒，超过允许的 60 秒，请校准日期时间'],
    ]);
    expect(bad.result.failed[0]!.citations.map((c) => `${c.source} ${c.article}`)).toContain('S2 第十四条');

    const detail = await getDevice({ ctx: t.ctx, actor: keeper, deviceId: id });
    expect(detail.checkCount).toBe(2);
    expect(detail.lastCheck).toMatchObject({ id: bad.check.id, isReady: false, checkedByName: '王明' });
    expect(detail.checks.map((c) => c.isReady)).toEqual([false, true]);
    expect((await ledgerTypesAbout(id)).filter((e) => e.type === 'device.checked')).toHaveLength(2);
  });

  it('ties a check to the case it is for, in that case’s ledger chain', async () => {
    const { id } = await register();
    await change(id, { type: 'assigned', assigneeUserId: officer1.userId });
    const { id: caseId } = await createCase({ ctx: t.ctx, actor: officer1, input: newCaseInput() });
    const { check: row } = await check(id, officer1, { caseId });
    expect(row.caseId).toBe(caseId);
    expect((await ledgerTypesAbout(id)).at(-1)).toEqual({ type: 'device.checked', case: caseId });
    expect((await getDevice({ ctx: t.ctx, actor: officer1, deviceId: id })).checks[0]!.caseNumber).toMatch(/〔2026〕/);
  });

  it('lets a section check a device issued to it, and the keeper any in stock, but nobody else', async () => {
    const { id } = await register();
    const before = await written();
    // In stock: only the keeper (or agency head) answers for it.
    expect(await codeOf(check(id, officer1))).toBe('FORBIDDEN');
    expect(await written()).toEqual(before);
    expect((await check(id, keeper)).check.isReady).toBe(true);

    await change(id, { type: 'assigned', assigneeSectionId: officer1.sectionId });
    expect((await check(id, officer2)).check.checkedBy).toBe(officer2.userId);
    expect((await check(id, sectionhead1)).check.checkedBy).toBe(sectionhead1.userId);
    expect((await check(id, head1)).check.checkedBy).toBe(head1.userId);
    const issued = await written();
    expect(await codeOf(check(id, otherSectionOfficer))).toBe('FORBIDDEN');
    // Legal reviewers do not take devices out (no device.check).
    expect(await codeOf(check(id, legal1))).toBe('FORBIDDEN');
    expect(await written()).toEqual(issued);

    await change(id, { type: 'returned' });
    await change(id, { type: 'assigned', assigneeUserId: officer1.userId });
    const personal = await written();
    expect(await codeOf(check(id, officer2))).toBe('FORBIDDEN');
    expect(await written()).toEqual(personal);
  });

  it('refuses a check of a device in maintenance or retired, bad readings, and a case of another agency', async () => {
    const { id } = await register();
    await change(id, { type: 'assigned', assigneeUserId: officer1.userId });
    const theirCase = await createCase({ ctx: t.ctx, actor: otherAgency.officer, input: newCaseInput() });
    const before = await written();
    const refusal = await refusalOf(
      check(id, officer1, {
        batteryPercent: 101,
        freeStorageMb: -5,
        clockOffsetSeconds: 90_000,
        note: 'x'.repeat(501),
      }),
    );
    expect(refusal.code).toBe('VALIDATION_FAILED');
    expect((refusal.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual([
      'batteryPercent',
      'freeStorageMb',
      'clockOffsetSeconds',
      'note',
    ]);
    expect(await codeOf(check(id, officer1, { batteryPercent: 50.5 }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(check(id, officer1, { caseId: 'x' }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(check(id, officer1, { caseId: t.ctx.newId() }))).toBe('CASE_NOT_FOUND');
    expect(await codeOf(check(id, officer1, { caseId: theirCase.id }))).toBe('CASE_NOT_FOUND');
    expect(await written()).toEqual(before);

    await change(id, { type: 'maintenance_started', note: '电池鼓包' });
    const inMaintenance = await written();
    expect(await refusalOf(check(id, keeper))).toMatchObject({
      code: 'DEVICE_CHANGE_NOT_ALLOWED',
      details: { state: 'in_maintenance', reason: '设备维修中，不能用于执法，无须进行使用前检查' },
    });
    expect(await written()).toEqual(inMaintenance);
  });
});

describe('what a device recorded, and who held it then (DEV-2)', () => {
  it('lists the files recorded with a device with their holder at the time, case, uploader and delay', async () => {
    const { id } = await register();
    await change(id, { type: 'assigned', assigneeUserId: officer1.userId });
    const recordedAt = t.clock.now();
    t.clock.advance(60 * 60_000);
    await change(id, { type: 'returned' });
    await change(id, { type: 'assigned', assigneeUserId: officer2.userId });
    const { id: caseId, number } = await createCase({ ctx: t.ctx, actor: officer1, input: newCaseInput() });

    const sha256 = 'ab'.repeat(32);
    await t.ctx.db.insert(blobs).values({
      sha256,
      sm3: null,
      size: 1024,
      mediaType: 'video/mp4',
      store: 'fs',
      storedAt: t.clock.now(),
    });
    const uploadedAt = t.clock.now();
    await t.ctx.db.insert(evidenceItems).values({
      id: t.ctx.newId(),
      agencyId: officer1.agencyId,
      caseId,
      stage: 'source',
      recordId: null,
      kind: 'video',
      blobSha256: sha256,
      filename: '现场检查.mp4',
      mediaType: 'video/mp4',
      size: 1024,
      recordedStartedAt: recordedAt,
      recordedEndedAt: new Date(recordedAt.getTime() + 10 * 60_000),
      place: null,
      latitude: null,
      longitude: null,
      officers: [{ userId: officer1.userId, name: '王明' }],
      partyName: null,
      deviceId: id,
      focusItems: [],
      providedBy: 'agency',
      providerName: null,
      note: null,
      mediaTiming: { hasTiming: false },
      uploadedBy: officer1.userId,
      uploadedAt,
      // Due 20 minutes after the recording ended (AV-6 leaves the limit to the agency).
      uploadDueAt: new Date(recordedAt.getTime() + 30 * 60_000),
    });

    // From the end of the recording (10 minutes after it started) to the upload, over an hour later.
    const delay = (uploadedAt.getTime() - recordedAt.getTime()) / 1000 - 10 * 60;
    expect(delay).toBeGreaterThan(50 * 60);
    const detail = await getDevice({ ctx: t.ctx, actor: officer1, deviceId: id });
    expect(detail.evidenceCount).toBe(1);
    expect(detail.holder).toMatchObject({ userName: '李华' });
    expect(detail.files[0]).toMatchObject({
      caseNumber: number,
      filename: '现场检查.mp4',
      uploadedByName: '王明',
      holderAtRecording: { userId: officer1.userId, userName: '王明' },
      uploadDelaySeconds: delay,
      lateBySeconds: delay - 20 * 60,
    });
    expect(detail.canSeeCases).toBe(true);
    // The keeper traces who used the device when, but does not read case content (ORG-4).
    expect((await getDevice({ ctx: t.ctx, actor: keeper, deviceId: id })).canSeeCases).toBe(false);

    const register_ = await listDevices({ ctx: t.ctx, actor: keeper, query: {} });
    expect(register_.devices.find((d) => d.device.id === id)).toMatchObject({ evidenceCount: 1 });
  });

  it("lists an officer's own devices and the section's for the upload form (holder=me), with the counts", async () => {
    const mine = await register();
    const ours = await register();
    const theirs = await register();
    await change(mine.id, { type: 'assigned', assigneeUserId: officer1.userId });
    await change(ours.id, { type: 'assigned', assigneeSectionId: officer1.sectionId });
    await change(theirs.id, { type: 'assigned', assigneeUserId: otherSectionOfficer.userId });

    const listed = await listDevices({ ctx: t.ctx, actor: officer1, query: { holder: 'me' } });
    const ids = listed.devices.map((d) => d.device.id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, ours.id]));
    expect(ids).not.toContain(theirs.id);
    expect(listed.devices.every((d) => d.status.state === 'assigned' && d.canCheck)).toBe(true);
    expect(listed.permissions).toEqual({ canManage: false, canCheck: true });
    expect(listed.devices.every((d) => d.allowedChanges.length === 0)).toBe(true);
    const forOther = await listDevices({ ctx: t.ctx, actor: otherSectionOfficer, query: { holder: 'me' } });
    expect(forOther.devices.map((d) => d.device.id)).toEqual([theirs.id]);

    const all = await listDevices({ ctx: t.ctx, actor: keeper, query: {} });
    const { total, ...byState } = all.counts;
    expect(total).toBe(all.devices.length);
    expect(Object.values(byState).reduce((a, b) => a + b, 0)).toBe(total);
    expect(byState.retired).toBeGreaterThanOrEqual(1);
    expect(all.permissions.canManage).toBe(true);
    expect(all.devices.find((d) => d.device.id === mine.id)!.allowedChanges).toEqual([
      'returned',
      'maintenance_started',
    ]);
  });
});
