import { describe, expect, it } from 'vitest';
import { laterTerm, retentionTermFor } from './retention';

describe('retention terms from the case facts (RET-1, RET-2)', () => {
  it('keeps audio-video of an inspection six months from the recording', () => {
    const term = retentionTermFor({ kind: 'video', recordedOn: '2026-08-31', procedureType: 'inspection', facts: [] });
    expect(term).toMatchObject({ retentionClass: 'av_minimum', retainUntil: '2027-02-28' });
    expect(term.reasons[0]!.citations.map((c) => c.source)).toContain('S2');
  });

  it('keeps it as long as the case file once a listed fact appears, and names the fact', () => {
    const term = retentionTermFor({
      kind: 'video',
      recordedOn: '2026-08-31',
      procedureType: 'inspection',
      facts: ['violence', 'violence', 'lawsuit'],
    });
    expect(term.retentionClass).toBe('case_file');
    // Ten years for an inspection file, counted from 1 January of the next year.
    expect(term.retainUntil).toBe('2036-12-31');
    expect(term.reasons.map((r) => r.id)).toEqual(['violence', 'lawsuit']);
  });

  it('treats audio-video of a penalty case as its evidence, and photos or scans always as case material', () => {
    expect(
      retentionTermFor({ kind: 'audio', recordedOn: '2026-11-20', procedureType: 'penalty', facts: [] }),
    ).toMatchObject({
      retentionClass: 'case_file',
      retainUntil: '2056-12-31',
    });
    expect(
      retentionTermFor({ kind: 'photo', recordedOn: '2026-11-20', procedureType: 'licensing', facts: [] }).reasons[0]!
        .id,
    ).toBe('case_material');
  });

  it('never shortens a term', () => {
    const short = retentionTermFor({ kind: 'video', recordedOn: '2026-01-10', procedureType: 'inspection', facts: [] });
    const long = retentionTermFor({
      kind: 'video',
      recordedOn: '2026-01-10',
      procedureType: 'inspection',
      facts: ['complaint'],
    });
    expect(laterTerm(short, long)).toBe(long);
    expect(laterTerm(long, short)).toBe(long);
    expect(laterTerm(null, short)).toBe(short);
  });
});
