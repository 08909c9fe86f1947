import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import {
  allowedDeviceChanges,
  assertDeviceChangeAllowed,
  DEVICE_EVENTS,
  DEVICE_EVENT_TYPES,
  DEVICE_STATE_IDS,
  deviceStateOf,
  holderAt,
  validateDeviceChange,
  type DeviceEventFact,
  type DeviceEventType,
} from './device-lifecycle';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 1, minutes));
const event = (type: DeviceEventType, minutes: number, holder: Partial<DeviceEventFact> = {}): DeviceEventFact => ({
  type,
  at: at(minutes),
  assigneeUserId: null,
  assigneeSectionId: null,
  ...holder,
});

const refusal = (fn: () => void): { code: string; details: unknown } | null => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details };
    throw error;
  }

  return null;
};

describe('the device lifecycle as data (DEV-1)', () => {
  it('cites its basis for every event and reaches every state from registration', () => {
    for (const type of DEVICE_EVENT_TYPES) expect(DEVICE_EVENTS[type].citations.length, type).toBeGreaterThan(0);
    const reached = new Set(['in_stock']);
    for (let round = 0; round < DEVICE_STATE_IDS.length; round++) {
      for (const definition of Object.values(DEVICE_EVENTS)) {
        if (definition.from.some((s) => reached.has(s))) reached.add(definition.to);
      }
    }
    expect([...reached].sort()).toEqual([...DEVICE_STATE_IDS].sort());
  });

  it('issues from stock only, returns what is issued, maintains anything not retired, and ends with retirement', () => {
    expect(allowedDeviceChanges('in_stock')).toEqual(['assigned', 'maintenance_started', 'retired']);
    expect(allowedDeviceChanges('assigned')).toEqual(['returned', 'maintenance_started']);
    expect(allowedDeviceChanges('in_maintenance')).toEqual(['maintenance_ended', 'retired']);
    expect(allowedDeviceChanges('retired')).toEqual([]);
  });

  it('refuses a second issue, an issue in maintenance and anything after retirement, saying why', () => {
    expect(refusal(() => assertDeviceChangeAllowed('in_stock', 'assigned'))).toBeNull();
    expect(refusal(() => assertDeviceChangeAllowed('assigned', 'assigned'))).toEqual({
      code: 'DEVICE_CHANGE_NOT_ALLOWED',
      details: {
        state: 'assigned',
        type: 'assigned',
        allowed: ['returned', 'maintenance_started'],
        reason: '设备已发放，须先办理归还才能再次发放',
      },
    });
    expect(refusal(() => assertDeviceChangeAllowed('in_maintenance', 'assigned'))?.details).toMatchObject({
      reason: '设备正在维修，维修完成后方可发放',
    });
    expect(refusal(() => assertDeviceChangeAllowed('assigned', 'retired'))?.details).toMatchObject({
      reason: '设备仍在使用中，须先办理归还才能报废',
    });
    for (const type of ['returned', 'maintenance_started', 'maintenance_ended', 'retired'] as const) {
      expect(refusal(() => assertDeviceChangeAllowed('retired', type))?.code, type).toBe('DEVICE_CHANGE_NOT_ALLOWED');
    }
    expect(refusal(() => assertDeviceChangeAllowed('in_stock', 'returned'))?.details).toMatchObject({
      reason: '设备当前在库，不能归还',
    });
  });
});

describe('the state and holder derived from the events (DEV-1, DEV-2)', () => {
  const history = [
    event('registered', 0),
    event('assigned', 10, { assigneeUserId: 'officer-1' }),
    event('returned', 20),
    event('assigned', 30, { assigneeSectionId: 'section-1' }),
    event('maintenance_started', 40),
    event('maintenance_ended', 50),
    event('retired', 55),
  ];

  it('follows the last event: a person or a section holds an issued device, nobody one in stock', () => {
    expect(deviceStateOf([])).toEqual({ state: 'in_stock', holder: null, since: null, lastEventType: null });
    expect(deviceStateOf(history.slice(0, 2))).toEqual({
      state: 'assigned',
      holder: { userId: 'officer-1', sectionId: null },
      since: at(10),
      lastEventType: 'assigned',
    });
    expect(deviceStateOf(history.slice(0, 3))).toMatchObject({ state: 'in_stock', holder: null });
    expect(deviceStateOf(history.slice(0, 4)).holder).toEqual({ userId: null, sectionId: 'section-1' });
    expect(deviceStateOf(history.slice(0, 5))).toMatchObject({ state: 'in_maintenance', holder: null });
    expect(deviceStateOf(history.slice(0, 6))).toMatchObject({ state: 'in_stock', holder: null });
    expect(deviceStateOf(history)).toMatchObject({ state: 'retired', lastEventType: 'retired', since: at(55) });
  });

  it('traces who held the device when a file was recorded (DEV-2)', () => {
    expect(holderAt(history, at(5))).toBeNull();
    expect(holderAt(history, at(10))).toEqual({ userId: 'officer-1', sectionId: null });
    expect(holderAt(history, at(19))).toEqual({ userId: 'officer-1', sectionId: null });
    expect(holderAt(history, at(25))).toBeNull();
    expect(holderAt(history, at(35))).toEqual({ userId: null, sectionId: 'section-1' });
    expect(holderAt(history, at(45))).toBeNull();
  });
});

describe('validating a change (DEV-1)', () => {
  it('issues to exactly one person or one section', () => {
    expect(validateDeviceChange({ type: 'assigned', assigneeUserId: ' u-1 ', note: '  ' })).toEqual({
      change: { type: 'assigned', assigneeUserId: 'u-1', assigneeSectionId: null, note: null },
      problems: [],
    });
    expect(validateDeviceChange({ type: 'assigned', assigneeSectionId: 's-1' }).change?.assigneeSectionId).toBe('s-1');
    expect(validateDeviceChange({ type: 'assigned' }).problems).toEqual([
      { field: 'assigneeUserId', code: 'VALIDATION_FAILED' },
    ]);
    expect(validateDeviceChange({ type: 'assigned', assigneeUserId: 'u', assigneeSectionId: 's' }).problems).toEqual([
      { field: 'assigneeSectionId', code: 'VALIDATION_FAILED' },
    ]);
  });

  it('names nobody on other changes, requires a note to retire, and lists every problem at once', () => {
    expect(validateDeviceChange({ type: 'returned', assigneeUserId: 'u', note: 'x'.repeat(501) }).problems).toEqual([
      { field: 'note', code: 'VALIDATION_FAILED' },
      { field: 'assigneeUserId', code: 'VALIDATION_FAILED' },
    ]);
    expect(validateDeviceChange({ type: 'retired', note: ' ' }).problems).toEqual([
      { field: 'note', code: 'VALIDATION_FAILED' },
    ]);
    expect(validateDeviceChange({ type: 'retired', note: ' 镜头损坏，无法修复 ' }).change?.note).toBe(
      '镜头损坏，无法修复',
    );
    // Registration is written by registering, never as a change.
    expect(validateDeviceChange({ type: 'registered' }).problems).toEqual([
      { field: 'type', code: 'VALIDATION_FAILED' },
    ]);
    expect(validateDeviceChange({ type: 'lost' }).problems).toEqual([{ field: 'type', code: 'VALIDATION_FAILED' }]);
  });
});
