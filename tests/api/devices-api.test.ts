import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDeviceRows } from '../../server/src/db/repos/device-repo';
import { countLedgerEntries } from '../../server/src/db/repos/ledger-repo';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { createTestApp, type TestApp } from '../support/test-context';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo({ ctx: t.ctx });
  for (const name of ['devicekeeper1', 'officer1', 'officer2', 'sectionhead1', 'head1', 'sysadmin1'])
    cookies[name] = await t.login(name);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST', url: string, as: string | null, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: {
      ...(as ? { cookie: cookies[as]! } : {}),
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(payload === undefined ? {} : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
  });

const written = async () => ({ ...(await countDeviceRows(t.ctx.db)), ledger: await countLedgerEntries(t.ctx.db) });

let serial = 0;
const registerBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'body_camera',
  serialNumber: `API-${(serial += 1)}`,
  model: 'DSJ-V9',
  name: `执法记录仪${serial}号`,
  procuredOn: '2026-03-01',
  ...overrides,
});

const registered = async (): Promise<string> => {
  const response = await call('POST', '/api/devices', 'devicekeeper1', registerBody());
  expect(response.statusCode).toBe(201);

  return response.json().id as string;
};

const userId = async (username: string): Promise<string> =>
  (await call('GET', '/api/auth/me', username)).json().id as string;

describe('GET /api/devices/catalog (DEV-1, AV-5)', () => {
  it('gives the kinds, the lifecycle and the check rules as data, each with its citation', async () => {
    const response = await call('GET', '/api/devices/catalog', 'officer1');
    expect(response.statusCode).toBe(200);
    const catalog = response.json();
    expect(catalog.kinds.map((k: { name: string }) => k.name)).toEqual([
      '执法记录仪',
      '照相机/摄像机',
      '录音设备',
      '固定监控设备',
      '其他',
    ]);
    expect(catalog.checkRules.map((r: { id: string; limit: number }) => [r.id, r.limit])).toEqual([
      ['battery', 30],
      ['storage', 2048],
      ['clock', 60],
    ]);
    for (const rule of catalog.checkRules) expect(rule.citations[0].text).toBe('S2 第十四条');
    expect(catalog.events.find((e: { type: string }) => e.type === 'retired')).toMatchObject({
      from: ['in_stock', 'in_maintenance'],
      note: 'required',
    });
    expect((await call('GET', '/api/devices/catalog', null)).statusCode).toBe(401);
  });
});

describe('the device register through HTTP (DEV-1, DEV-2, AV-5)', () => {
  it('registers, issues, checks and returns a device, each step a 201 with the device as it now is', async () => {
    const created = await call('POST', '/api/devices', 'devicekeeper1', registerBody({ serialNumber: 'api-walk-1' }));
    expect(created.statusCode).toBe(201);
    const device = created.json();
    expect(device).toMatchObject({
      serialNumber: 'API-WALK-1',
      kindName: '执法记录仪',
      state: 'in_stock',
      stateName: '在库',
      holder: null,
      allowedChanges: ['assigned', 'maintenance_started', 'retired'],
      events: [{ type: 'registered', name: '登记入库', actor: { displayName: '吴涛' } }],
    });

    const officer1 = await userId('officer1');
    const issued = await call('POST', `/api/devices/${device.id}/events`, 'devicekeeper1', {
      type: 'assigned',
      assigneeUserId: officer1,
      note: '日常执法',
    });
    expect(issued.statusCode).toBe(201);
    expect(issued.json()).toMatchObject({ state: 'assigned', holder: { userId: officer1, userName: '王明' } });

    const checked = await call('POST', `/api/devices/${device.id}/checks`, 'officer1', {
      batteryPercent: 20,
      freeStorageMb: 30_000,
      clockOffsetSeconds: -5,
    });
    expect(checked.statusCode).toBe(201);
    expect(checked.json()).toMatchObject({
      isReady: false,
      failed: [{ id: 'battery', name: '电量', message: '电量 20%，低于出勤要求的 30%，请充电或更换电池' }],
    });
    expect(checked.json().items).toHaveLength(3);

    const mine = await call('GET', '/api/devices?holder=me', 'officer1');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().devices.map((d: { id: string }) => d.id)).toContain(device.id);
    expect(mine.json().devices.find((d: { id: string }) => d.id === device.id)).toMatchObject({
      canCheck: true,
      lastCheck: { isReady: false, checkedBy: { displayName: '王明' } },
    });
    // officer2 holds only the demo camera issued to him, not this one.
    const others = (await call('GET', '/api/devices?holder=me', 'officer2')).json().devices;
    expect(others.map((d: { serialNumber: string }) => d.serialNumber)).toEqual(['DEMO-ZFY-0002']);

    const returned = await call('POST', `/api/devices/${device.id}/events`, 'devicekeeper1', { type: 'returned' });
    expect(returned.json()).toMatchObject({ state: 'in_stock', holder: null });

    const detail = await call('GET', `/api/devices/${device.id}`, 'head1');
    expect(detail.statusCode).toBe(200);
    expect(detail.json().events.map((e: { type: string }) => e.type)).toEqual(['registered', 'assigned', 'returned']);
    expect(detail.json().checks[0]).toMatchObject({
      batteryPercent: 20,
      isReady: false,
      checkedBy: { displayName: '王明' },
    });
    // Presenters name every field: nothing internal leaks.
    expect(JSON.stringify(detail.json())).not.toMatch(/agencyId|createdBy|passwordHash/);
  });

  it('refuses a taken serial (409), an illegal change (409) and bad input (400), in Chinese, writing nothing', async () => {
    const id = await registered();
    const before = await written();

    const taken = await call('POST', '/api/devices', 'devicekeeper1', registerBody({ serialNumber: `api-${serial}` }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'DEVICE_SERIAL_TAKEN', message: '本机关已登记该序列号的设备' });

    const illegal = await call('POST', `/api/devices/${id}/events`, 'devicekeeper1', { type: 'returned' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json()).toMatchObject({
      code: 'DEVICE_CHANGE_NOT_ALLOWED',
      message: '设备当前状态下不能进行该操作',
      details: { state: 'in_stock', reason: '设备当前在库，不能归还' },
    });

    const noNote = await call('POST', `/api/devices/${id}/events`, 'devicekeeper1', { type: 'retired' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'note', code: 'VALIDATION_FAILED', message: '此项必填或格式不正确' }] },
    });

    const invalid = await call('POST', '/api/devices', 'devicekeeper1', {
      ...registerBody({ kind: 'drone', procuredOn: '2026-02-30' }),
      isRetired: true,
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('VALIDATION_FAILED');
    expect(invalid.json().details.fields.map((f: { field: string }) => f.field)).toContain('isRetired');

    const badReading = await call('POST', `/api/devices/${id}/checks`, 'devicekeeper1', {
      batteryPercent: '80',
      freeStorageMb: 1,
      clockOffsetSeconds: 0,
    });
    expect(badReading.statusCode).toBe(400);
    const outOfRange = await call('POST', `/api/devices/${id}/checks`, 'devicekeeper1', {
      batteryPercent: 180,
      freeStorageMb: -1,
      clockOffsetSeconds: 0,
    });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().details.fields.map((f: { field: string }) => f.field)).toEqual([
      'batteryPercent',
      'freeStorageMb',
    ]);
    expect((await call('GET', '/api/devices?holder=everyone', 'devicekeeper1')).statusCode).toBe(400);
    expect(await written()).toEqual(before);
  });

  it('refuses those without the permission (403) and answers 404 for a device that is not there', async () => {
    const id = await registered();
    const before = await written();
    expect((await call('POST', '/api/devices', 'officer1', registerBody())).statusCode).toBe(403);
    expect(
      (await call('POST', `/api/devices/${id}/events`, 'sectionhead1', { type: 'retired', note: '报废' })).statusCode,
    ).toBe(403);
    const notHolder = await call('POST', `/api/devices/${id}/checks`, 'officer2', {
      batteryPercent: 90,
      freeStorageMb: 9000,
      clockOffsetSeconds: 0,
    });
    expect(notHolder.statusCode).toBe(403);
    expect(notHolder.json()).toEqual({ code: 'FORBIDDEN', message: '您没有执行此操作的权限' });
    expect((await call('GET', '/api/devices', 'sysadmin1')).statusCode).toBe(403);
    expect((await call('GET', '/api/devices/assignees', 'officer1')).statusCode).toBe(403);
    expect((await call('GET', '/api/devices', null)).statusCode).toBe(401);

    const missing = await call('GET', `/api/devices/${t.ctx.newId()}`, 'devicekeeper1');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'DEVICE_NOT_FOUND', message: '设备不存在' });
    expect((await call('GET', '/api/devices/not-a-uuid', 'devicekeeper1')).statusCode).toBe(400);
    expect(await written()).toEqual(before);
  });

  it('lists the register with states, holders and counts, and whom a keeper may issue to', async () => {
    const assignees = await call('GET', '/api/devices/assignees', 'devicekeeper1');
    expect(assignees.statusCode).toBe(200);
    const sectionId = assignees.json().sections[0].id as string;
    const id = await registered();
    const issued = await call('POST', `/api/devices/${id}/events`, 'devicekeeper1', {
      type: 'assigned',
      assigneeSectionId: sectionId,
    });
    expect(issued.statusCode).toBe(201);
    expect(issued.json().holder).toMatchObject({ userId: null, sectionId, sectionName: expect.any(String) });

    const list = await call('GET', '/api/devices', 'devicekeeper1');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.permissions).toEqual({ canManage: true, canCheck: true });
    expect(body.counts.total).toBe(body.devices.length);
    expect(body.counts.assigned).toBeGreaterThanOrEqual(1);
    expect(body.devices.find((d: { id: string }) => d.id === id)).toMatchObject({ state: 'assigned', checkCount: 0 });
  });
});
