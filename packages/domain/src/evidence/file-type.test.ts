import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAW_SOURCES } from '../procedures/citation';
import {
  AV_EVIDENCE_KINDS,
  checkDeclaredKind,
  detectFileType,
  EVIDENCE_KIND_IDS,
  EVIDENCE_KINDS,
  evidenceKindsFitting,
  FILE_FAMILIES,
  FILE_TYPE_HEAD_BYTES,
  isEvidenceKind,
  type EvidenceKind,
} from './file-type';

// Fixtures: the first bytes of each format, built by hand.

type Part = string | readonly number[] | Uint8Array;

/** Concatenates parts; a string is taken as Latin-1 (one byte per character). */
const bytes = (...parts: Part[]): Uint8Array => {
  const arrays = parts.map((p) =>
    typeof p === 'string' ? Uint8Array.from(p, (c) => c.charCodeAt(0)) : Uint8Array.from(p),
  );
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }

  return out;
};

const zeros = (n: number): number[] => new Array<number>(n).fill(0);
const u32be = (n: number): number[] => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const u16le = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff];
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** An ftyp box with its brands, followed by the start of an mdat or moov box. */
const ftyp = (major: string, ...compatible: string[]): Uint8Array =>
  bytes(
    u32be(16 + 4 * compatible.length),
    'ftyp',
    major,
    zeros(4),
    ...compatible,
    u32be(8),
    'free',
    u32be(1024),
    'mdat',
  );

/** A zip whose first local file header names `name`. */
const zip = (name: string): Uint8Array =>
  bytes([0x50, 0x4b, 0x03, 0x04], zeros(22), u16le(name.length), u16le(0), name, zeros(64));

/** MPEG-1 layer III, 128 kbit/s, 44.1 kHz, no padding: 417-byte frames. */
const MP3_FRAME = bytes([0xff, 0xfb, 0x90, 0x64], zeros(413));

/** An AAC ADTS frame (LC, 44.1 kHz, stereo) of `length` bytes. */
const adtsFrame = (length: number): Uint8Array =>
  bytes(
    [0xff, 0xf1, 0x50, 0x80 | ((length >> 11) & 3), (length >> 3) & 0xff, ((length & 7) << 5) | 0x1f, 0xfc],
    zeros(length - 7),
  );

const tsPacket = bytes([0x47, 0x40, 0x00, 0x10], zeros(184));

const GB18030_CSV = [
  208, 213, 195, 251, 44, 202, 177, 188, 228, 10, 213, 197, 200, 253, 44, 50, 48, 50, 54, 10, 192, 238, 203, 196, 44,
  50, 48, 50, 53, 10,
]; // 姓名,时间 / 张三,2026 / 李四,2025

const ELF = bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], zeros(56));
const PE = bytes(
  'MZ',
  [0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00],
  zeros(50),
  [0x80, 0, 0, 0],
  zeros(64),
  'PE',
  [0, 0],
);

const FIXTURES: [string, Uint8Array, string, string][] = [
  ['MP4 (isom)', ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'), 'video/mp4', 'video'],
  ['MP4 (mp42)', ftyp('mp42', 'mp42', 'isom'), 'video/mp4', 'video'],
  ['MOV', ftyp('qt  ', 'qt  '), 'video/quicktime', 'video'],
  ['MOV without ftyp', bytes(u32be(8), 'wide', u32be(4096), 'mdat'), 'video/quicktime', 'video'],
  ['3GP', ftyp('3gp4', 'isom', '3gp4'), 'video/3gpp', 'video'],
  ['3G2', ftyp('3g2a', '3g2a'), 'video/3gpp2', 'video'],
  ['M4A', ftyp('M4A ', 'M4A ', 'mp42', 'isom'), 'audio/mp4', 'audio'],
  ['HEIC', ftyp('heic', 'mif1', 'heic'), 'image/heic', 'image'],
  ['HEIF with a HEIC brand', ftyp('mif1', 'mif1', 'heic'), 'image/heic', 'image'],
  ['HEIF', ftyp('mif1', 'mif1'), 'image/heif', 'image'],
  ['AVIF', ftyp('avif', 'avif', 'mif1'), 'image/avif', 'image'],
  [
    'Matroska',
    bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1], [0x42, 0x82, 0x88], 'matroska'),
    'video/x-matroska',
    'video',
  ],
  [
    'WebM',
    bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1], [0x42, 0x82, 0x84], 'webm'),
    'video/webm',
    'video',
  ],
  ['AVI', bytes('RIFF', zeros(4), 'AVI LIST'), 'video/x-msvideo', 'video'],
  ['MPEG-TS', bytes(tsPacket, tsPacket, tsPacket), 'video/mp2t', 'video'],
  ['M2TS', bytes(zeros(4), tsPacket, zeros(4), tsPacket), 'video/mp2t', 'video'],
  ['MPEG-PS', bytes([0, 0, 1, 0xba, 0x44], zeros(20)), 'video/mpeg', 'video'],
  ['FLV', bytes('FLV', [1, 5, 0, 0, 0, 9]), 'video/x-flv', 'video'],
  ['MP3 with ID3', bytes('ID3', [4, 0, 0, 0, 0, 0, 0]), 'audio/mpeg', 'audio'],
  ['MP3 frames', bytes(MP3_FRAME, MP3_FRAME, MP3_FRAME), 'audio/mpeg', 'audio'],
  ['WAV', bytes('RIFF', zeros(4), 'WAVEfmt '), 'audio/wav', 'audio'],
  ['AAC ADTS', bytes(adtsFrame(300), adtsFrame(280), adtsFrame(310)), 'audio/aac', 'audio'],
  ['AMR', bytes('#!AMR\n', [0x3c]), 'audio/amr', 'audio'],
  ['AMR-WB', bytes('#!AMR-WB\n', [0x04]), 'audio/amr-wb', 'audio'],
  ['Ogg Opus', bytes('OggS', zeros(24), 'OpusHead'), 'audio/ogg; codecs=opus', 'audio'],
  ['Ogg Vorbis', bytes('OggS', zeros(24), [1], 'vorbis'), 'audio/ogg', 'audio'],
  ['FLAC', bytes('fLaC', [0, 0, 0, 34]), 'audio/flac', 'audio'],
  ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'), 'image/jpeg', 'image'],
  ['JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1, 0, 16], 'Exif'), 'image/jpeg', 'image'],
  ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], u32be(13), 'IHDR'), 'image/png', 'image'],
  ['GIF', bytes('GIF89a', [1, 0, 1, 0]), 'image/gif', 'image'],
  ['WebP', bytes('RIFF', zeros(4), 'WEBPVP8 '), 'image/webp', 'image'],
  ['TIFF (little-endian)', bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), 'image/tiff', 'image'],
  ['TIFF (big-endian)', bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]), 'image/tiff', 'image'],
  ['BMP', bytes('BM', [0x46, 0, 0, 0], zeros(4), [0x36, 0, 0, 0], [40, 0, 0, 0], zeros(8)), 'image/bmp', 'image'],
  ['PDF', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), 'application/pdf', 'document'],
  ['OFD whose first entry is OFD.xml', zip('OFD.xml'), 'application/ofd', 'document'],
  ['DOCX (a zip)', zip('[Content_Types].xml'), 'application/zip', 'archive'],
  ['XLSX (a zip)', zip('_rels/.rels'), 'application/zip', 'archive'],
  ['empty zip', bytes([0x50, 0x4b, 0x05, 0x06], zeros(18)), 'application/zip', 'archive'],
  ['gzip', bytes([0x1f, 0x8b, 8, 0], zeros(6)), 'application/gzip', 'archive'],
  ['7z', bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), 'application/x-7z-compressed', 'archive'],
  [
    'legacy Office',
    bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], zeros(24)),
    'application/x-ole-storage',
    'document',
  ],
  ['plain text (Chinese)', utf8('现场检查情况说明\n当事人在场。\n'), 'text/plain', 'document'],
  ['JSON', utf8('{"operator":"张三","action":"login","at":"2026-03-15T09:30:00Z"}\n'), 'application/json', 'document'],
  ['JSON array', utf8('\uFEFF[\n  {"id": 1}\n]'), 'application/json', 'document'],
  [
    'CSV',
    utf8('时间,操作人,操作\n2026-03-15 09:30,张三,登录\n2026-03-15 09:31,张三,"受理,登记"\n'),
    'text/csv',
    'document',
  ],
  ['CSV without a final newline', utf8('a,b,c\n1,2,3\n4,5,6'), 'text/csv', 'document'],
  ['tab-separated', utf8('a\tb\n1\t2\n'), 'text/tab-separated-values', 'document'],
  ['GB18030 CSV', bytes(GB18030_CSV), 'text/csv', 'document'],
  [
    'UTF-16LE text',
    bytes([0xff, 0xfe], Uint8Array.from([...'名称,值\r\n甲,1\r\n'].flatMap((c) => u16le(c.charCodeAt(0))))),
    'text/csv',
    'document',
  ],
  ['ELF executable', ELF, 'application/x-elf', 'unknown'],
  ['PE executable', PE, 'application/vnd.microsoft.portable-executable', 'unknown'],
];

describe('detectFileType: file type by magic bytes (AV-1)', () => {
  it.each(FIXTURES)('recognises %s', (_name, head, mediaType, family) => {
    expect(detectFileType(head)).toMatchObject({ mediaType, family });
  });

  it('names the charset of text only', () => {
    expect(detectFileType(utf8('abc\n')).charset).toBe('utf-8');
    expect(detectFileType(bytes(GB18030_CSV)).charset).toBe('gb18030');
    expect(detectFileType(bytes([0xff, 0xfe], u16le(0x540d), u16le(0x0a))).charset).toBe('utf-16le');
    expect(detectFileType(ftyp('isom')).charset).toBeUndefined();
  });

  it('takes UTF-8 text cut in the middle of a character at the end of the head as text', () => {
    const text = utf8('执法记录'.repeat(400)); // 4,800 bytes: the head ends inside a character
    expect(detectFileType(text.subarray(0, FILE_TYPE_HEAD_BYTES))).toMatchObject({ mediaType: 'text/plain' });
  });

  it('calls nothing known unknown: empty, random binary, bytes with NUL or control characters', () => {
    expect(detectFileType(new Uint8Array())).toEqual({ mediaType: 'application/octet-stream', family: 'unknown' });
    expect(detectFileType(bytes([0x00, 0x01, 0x02, 0x03, 0x04, 0x05]))).toMatchObject({ family: 'unknown' });
    expect(detectFileType(bytes('hello\0world'))).toMatchObject({ family: 'unknown' });
    expect(detectFileType(bytes('abc\x07def'))).toMatchObject({ family: 'unknown' });
  });

  it('does not take weak signatures from text: "MZ", "BM", "G" every 188 bytes, a lone frame sync', () => {
    expect(detectFileType(utf8('MZ is a plain note\n'))).toMatchObject({ mediaType: 'text/plain' });
    expect(detectFileType(utf8('BM: bench mark\n'))).toMatchObject({ mediaType: 'text/plain' });
    expect(detectFileType(utf8(`G${'x'.repeat(187)}G${'y'.repeat(40)}\n`))).toMatchObject({ mediaType: 'text/plain' });
    // One MP3 header followed by something that is not the next frame.
    expect(detectFileType(bytes([0xff, 0xfb, 0x90, 0x64], zeros(413), 'not a frame'))).toMatchObject({
      family: 'unknown',
    });
  });

  it('never throws and always answers a known family, whatever the bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: FILE_TYPE_HEAD_BYTES }), (head) => {
        const detected = detectFileType(head);
        expect(FILE_FAMILIES).toContain(detected.family);
        expect(detected.mediaType).toMatch(/^[a-z]+\/[\w.+-]+/);
      }),
      { numRuns: 500 },
    );
  });

  it('needs no more than the first 4 KiB: the head of a file and its first 4 KiB agree', () => {
    for (const [, head] of FIXTURES) {
      const long = bytes(head, zeros(10_000));
      expect(detectFileType(long.subarray(0, FILE_TYPE_HEAD_BYTES)).mediaType).toBe(
        detectFileType(bytes(head, zeros(FILE_TYPE_HEAD_BYTES))).mediaType,
      );
    }
  });
});

describe('evidence kinds (AV-1)', () => {
  it('lists the six kinds with their Chinese names and citations from the seeds', () => {
    expect(EVIDENCE_KINDS.map((k) => [k.id, k.name])).toEqual([
      ['video', '视频'],
      ['audio', '音频'],
      ['photo', '照片'],
      ['scan', '纸质材料扫描件'],
      ['electronic_data', '电子数据'],
      ['system_operation_data', '系统操作数据'],
    ]);
    expect(EVIDENCE_KINDS.map((k) => k.id)).toEqual([...EVIDENCE_KIND_IDS]);
    for (const kind of EVIDENCE_KINDS) {
      expect(kind.citations.length).toBeGreaterThan(0);
      for (const c of kind.citations) expect(LAW_SOURCES).toContain(c.source);
    }
  });

  it('marks video and audio as the audio-video kinds', () => {
    expect([...AV_EVIDENCE_KINDS]).toEqual(['video', 'audio']);
  });

  it('recognises kind ids and nothing else', () => {
    expect(isEvidenceKind('scan')).toBe(true);
    expect(isEvidenceKind('Scan')).toBe(false);
    expect(isEvidenceKind('document')).toBe(false);
    expect(isEvidenceKind(1)).toBe(false);
  });
});

describe('checkDeclaredKind: the declared kind against the bytes (AV-1)', () => {
  const fixture = (name: string): Uint8Array => {
    const found = FIXTURES.find(([n]) => n === name);
    if (!found) throw new Error(name);

    return found[1];
  };
  const check = (declaredKind: EvidenceKind, head: Uint8Array, size = 1_000_000) =>
    checkDeclaredKind({ declaredKind, head, size });

  it('refuses an empty file whatever its kind', () => {
    for (const declaredKind of EVIDENCE_KIND_IDS)
      expect(check(declaredKind, new Uint8Array(), 0)).toEqual({ code: 'EMPTY_FILE', declaredKind });
  });

  it('refuses a JPEG declared as video and names what it is', () => {
    expect(check('video', fixture('JPEG'))).toEqual({
      code: 'TYPE_MISMATCH',
      declaredKind: 'video',
      detected: { mediaType: 'image/jpeg', family: 'image' },
    });
  });

  it('refuses an executable declared as video, audio, photo, scan or system data', () => {
    for (const head of [ELF, PE])
      for (const kind of ['video', 'audio', 'photo', 'scan', 'system_operation_data'] as const)
        expect(check(kind, head)).toMatchObject({ code: 'TYPE_MISMATCH', detected: { family: 'unknown' } });
  });

  it.each<[EvidenceKind, string[]]>([
    ['video', ['MP4 (isom)', 'MOV', 'MOV without ftyp', '3GP', 'Matroska', 'WebM', 'AVI', 'MPEG-TS', 'FLV']],
    ['audio', ['M4A', 'MP3 with ID3', 'MP3 frames', 'WAV', 'AAC ADTS', 'AMR', 'Ogg Opus', 'FLAC', 'MP4 (isom)', '3GP']],
    ['photo', ['JPEG', 'PNG', 'GIF', 'WebP', 'HEIC', 'HEIF', 'TIFF (little-endian)', 'BMP']],
    ['scan', ['PDF', 'JPEG', 'PNG', 'TIFF (big-endian)', 'OFD whose first entry is OFD.xml']],
    ['electronic_data', FIXTURES.map(([name]) => name)],
    ['system_operation_data', ['plain text (Chinese)', 'JSON', 'CSV', 'GB18030 CSV', 'DOCX (a zip)', 'gzip']],
  ])('accepts for %s: %j', (kind, names) => {
    for (const name of names) expect(check(kind, fixture(name)), name).toBeNull();
  });

  it.each<[EvidenceKind, string[]]>([
    ['video', ['M4A', 'MP3 frames', 'WAV', 'JPEG', 'HEIC', 'PDF', 'CSV', 'DOCX (a zip)']],
    ['audio', ['JPEG', 'PDF', 'AVI', 'CSV']],
    ['photo', ['MP4 (isom)', 'PDF', 'DOCX (a zip)', 'plain text (Chinese)']],
    ['scan', ['MP4 (isom)', 'M4A', 'DOCX (a zip)', 'CSV', 'legacy Office']],
    ['system_operation_data', ['JPEG', 'MP4 (isom)', 'PDF', 'WAV']],
  ])('refuses for %s: %j', (kind, names) => {
    for (const name of names) expect(check(kind, fixture(name)), name).toMatchObject({ code: 'TYPE_MISMATCH' });
  });

  it('suggests the kinds the bytes would fit', () => {
    expect(evidenceKindsFitting(detectFileType(fixture('JPEG')))).toEqual(['photo', 'scan', 'electronic_data']);
    expect(evidenceKindsFitting(detectFileType(fixture('MP4 (isom)')))).toEqual(['video', 'audio', 'electronic_data']);
    expect(evidenceKindsFitting(detectFileType(ELF))).toEqual(['electronic_data']);
  });
});
