import { describe, expect, it } from 'vitest';
import { normalizeSerialNumber, validateNewDevice } from './new-device';

const input = { kind: 'body_camera', serialNumber: ' dsj-2026-001 ', model: 'DSJ-V9', name: '执法记录仪 1 号' };

describe('registering a device (DEV-1)', () => {
  it('keeps the serial number trimmed and in upper case, so one device is not registered twice', () => {
    expect(normalizeSerialNumber(' sn-1/a ')).toBe('SN-1/A');
    expect(validateNewDevice({ ...input, procuredOn: '2026-03-01' }, '2026-11-20')).toEqual({
      device: {
        kind: 'body_camera',
        serialNumber: 'DSJ-2026-001',
        model: 'DSJ-V9',
        name: '执法记录仪 1 号',
        procuredOn: '2026-03-01',
      },
      problems: [],
    });
    expect(validateNewDevice({ ...input, procuredOn: '' }, '2026-11-20').device?.procuredOn).toBeNull();
  });

  it('lists every problem at once: kind, serial, model, name and procurement date', () => {
    expect(
      validateNewDevice({ kind: 'drone', serialNumber: '序列 号', model: ' ', name: 'x'.repeat(51) }, '2026-11-20')
        .problems,
    ).toEqual([
      { field: 'kind', code: 'VALIDATION_FAILED' },
      { field: 'serialNumber', code: 'VALIDATION_FAILED' },
      { field: 'model', code: 'VALIDATION_FAILED' },
      { field: 'name', code: 'VALIDATION_FAILED' },
    ]);
    expect(validateNewDevice({ ...input, procuredOn: '2026-02-30' }, '2026-11-20').problems).toEqual([
      { field: 'procuredOn', code: 'INVALID_DATE' },
    ]);
    expect(validateNewDevice({ ...input, procuredOn: '2026-11-21' }, '2026-11-20').problems).toEqual([
      { field: 'procuredOn', code: 'DATE_IN_FUTURE' },
    ]);
    expect(validateNewDevice({ ...input, serialNumber: 'A'.repeat(65) }, '2026-11-20').problems).toEqual([
      { field: 'serialNumber', code: 'VALIDATION_FAILED' },
    ]);
  });
});
