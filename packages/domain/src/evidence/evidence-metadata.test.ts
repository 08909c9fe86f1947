import { describe, expect, it } from 'vitest';
import { validateEvidenceMetadata, type EvidenceMetadataInput } from './evidence-metadata';

const now = new Date('2026-11-20T04:00:00Z');
const bodyCam: EvidenceMetadataInput = {
  kind: 'video',
  filename: 'ZF03_20261120_093000.MP4',
  size: 1_500_000_000,
  recordedStartedAt: '2026-11-20T09:30:00+08:00',
  recordedEndedAt: '2026-11-20T10:05:00+08:00',
  place: '示范市新城区建设路18号',
  officerIds: ['u1', 'u2'],
  deviceId: 'd1',
  focusItems: [],
  providedBy: 'agency',
};
const check = (input: Partial<EvidenceMetadataInput>) =>
  validateEvidenceMetadata({ input: { ...bodyCam, ...input }, now, maxBytes: 20 * 1024 ** 3 });
const fields = (input: Partial<EvidenceMetadataInput>) => check(input).problems.map((p) => `${p.field}:${p.code}`);

describe('what is said about a file before it is sent (AV-3, AV-8, SEC-3)', () => {
  it('accepts a body-camera recording with time, place, officers and device, normalizing the times to UTC', () => {
    const { metadata, problems } = check({ place: '  示范市新城区建设路18号 ' });
    expect(problems).toEqual([]);
    expect(metadata).toMatchObject({
      recordedStartedAt: '2026-11-20T01:30:00.000Z',
      place: '示范市新城区建设路18号',
      providerName: null,
    });
  });

  it('refuses the agency’s own audio-video without time, place, officers or device, all at once', () => {
    expect(fields({ recordedStartedAt: '', place: ' ', officerIds: [], deviceId: null })).toEqual([
      'recordedStartedAt:INVALID_DATE',
      'officerIds:VALIDATION_FAILED',
      'place:VALIDATION_FAILED',
      'deviceId:VALIDATION_FAILED',
    ]);
  });

  it('asks who provided a party’s or bystander’s file, and not for the agency’s device', () => {
    expect(fields({ providedBy: 'party', officerIds: [], deviceId: null })).toEqual(['providerName:VALIDATION_FAILED']);
    expect(check({ providedBy: 'bystander', providerName: '路人甲', deviceId: null }).metadata?.providedBy).toBe(
      'bystander',
    );
  });

  it('refuses empty and oversize files, unsafe names, future times, an end before the start, and unknown items', () => {
    expect(fields({ size: 0 })).toEqual(['size:EMPTY_FILE']);
    expect(fields({ size: 30 * 1024 ** 3 })).toEqual(['size:UPLOAD_TOO_LARGE']);
    expect(fields({ filename: '../etc/passwd' })).toEqual(['filename:VALIDATION_FAILED']);
    expect(fields({ recordedStartedAt: '2026-11-21T09:30:00+08:00', recordedEndedAt: null })).toEqual([
      'recordedStartedAt:DATE_IN_FUTURE',
    ]);
    expect(fields({ recordedEndedAt: '2026-11-20T09:00:00+08:00' })).toEqual(['recordedEndedAt:VALIDATION_FAILED']);
    expect(fields({ focusItems: ['selfie'] })).toEqual(['focusItems:VALIDATION_FAILED']);
    expect(fields({ kind: 'movie', latitude: 95, longitude: 10 })).toEqual([
      'kind:VALIDATION_FAILED',
      'latitude:VALIDATION_FAILED',
    ]);
  });
});
