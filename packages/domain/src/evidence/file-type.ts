import type { Citation } from '../procedures/citation';
import { cite } from '../procedures/citation';

// AV-1: what an uploaded evidence file really is, read from its first bytes rather than from its name or the
// browser's claim, and whether that fits the kind the officer declared. Pure: the caller reads the head of the file.

/** Ask for at most this many bytes from the start of the file; every signature below lies within them. */
export const FILE_TYPE_HEAD_BYTES = 4096;

export const FILE_FAMILIES = ['video', 'audio', 'image', 'document', 'archive', 'unknown'] as const;
export type FileFamily = (typeof FILE_FAMILIES)[number];

export type TextCharset = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** What the bytes are: an IANA media type (or a de-facto x- type) and its family; text also names its charset. */
export type DetectedFileType = { mediaType: string; family: FileFamily; charset?: TextCharset };

const unknownFileType = (): DetectedFileType => ({ mediaType: 'application/octet-stream', family: 'unknown' });

export const EVIDENCE_KIND_IDS = [
  'video',
  'audio',
  'photo',
  'scan',
  'electronic_data',
  'system_operation_data',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KIND_IDS)[number];

export type EvidenceKindDefinition = { id: EvidenceKind; name: string; citations: readonly Citation[] };

/** AV-1: the evidence kinds, in display order, with the articles that name them. */
export const EVIDENCE_KINDS = [
  { id: 'video', name: '视频', citations: [cite('S2', '第九条'), cite('S4', '第八条')] },
  { id: 'audio', name: '音频', citations: [cite('S2', '第九条'), cite('S4', '第八条')] },
  { id: 'photo', name: '照片', citations: [cite('S2', '第九条'), cite('S4', '第八条')] },
  { id: 'scan', name: '纸质材料扫描件', citations: [cite('S2', '第九条'), cite('S0', '问答')] },
  { id: 'electronic_data', name: '电子数据', citations: [cite('S4', '第十五条')] },
  { id: 'system_operation_data', name: '系统操作数据', citations: [cite('S1', '第八条'), cite('S2', '第九条')] },
] as const satisfies readonly EvidenceKindDefinition[];

/** The audio-video kinds (音像记录): the ones AV-2 requires and AV-4 checks for continuity. */
export const AV_EVIDENCE_KINDS = ['video', 'audio'] as const satisfies readonly EvidenceKind[];

export const isEvidenceKind = (value: unknown): value is EvidenceKind =>
  typeof value === 'string' && (EVIDENCE_KIND_IDS as readonly string[]).includes(value);

// ---------------------------------------------------------------------------------------------------------------
// Byte helpers

const ascii = (head: Uint8Array, offset: number, length: number): string => {
  let out = '';
  for (let i = offset; i < offset + length && i < head.length; i++) out += String.fromCharCode(head[i] ?? 0);

  return out;
};

const startsWith = (head: Uint8Array, bytes: readonly number[], offset = 0): boolean =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);

const startsWithText = (head: Uint8Array, text: string, offset = 0): boolean =>
  ascii(head, offset, text.length) === text;

const u32 = (head: Uint8Array, offset: number): number =>
  (head[offset] ?? 0) * 0x1000000 +
  ((head[offset + 1] ?? 0) << 16) +
  ((head[offset + 2] ?? 0) << 8) +
  (head[offset + 3] ?? 0);

const u16le = (head: Uint8Array, offset: number): number => (head[offset] ?? 0) | ((head[offset + 1] ?? 0) << 8);

const u32le = (head: Uint8Array, offset: number): number => u16le(head, offset) + u16le(head, offset + 2) * 0x10000;

/** Whether the bytes contain an ASCII marker anywhere within the head. */
const containsText = (head: Uint8Array, text: string): boolean => {
  const first = text.charCodeAt(0);
  for (let i = head.indexOf(first); i !== -1 && i + text.length <= head.length; i = head.indexOf(first, i + 1))
    if (startsWithText(head, text, i)) return true;

  return false;
};

const type = (mediaType: string, family: FileFamily, charset?: TextCharset): DetectedFileType =>
  charset ? { mediaType, family, charset } : { mediaType, family };

// ---------------------------------------------------------------------------------------------------------------
// ISO base media (MP4, MOV, 3GP, M4A, HEIF) by the brands of the ftyp box

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis']);
const HEIC_SEQUENCE_BRANDS = new Set(['hevc', 'hevx', 'hevm', 'hevs']);
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B ']);

const isoBrands = (head: Uint8Array): string[] => {
  const size = u32(head, 0);
  const end = Math.min(head.length, size >= 16 ? size : 16);
  const brands = [ascii(head, 8, 4)];
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(head, offset, 4));

  return brands;
};

const isoBaseMediaType = (head: Uint8Array): DetectedFileType => {
  const brands = isoBrands(head);
  const major = brands[0] ?? '';
  const has = (set: Set<string>) => brands.some((b) => set.has(b));

  if (major === 'qt  ') return type('video/quicktime', 'video');
  if (AUDIO_BRANDS.has(major)) return type('audio/mp4', 'audio');
  if (HEIC_BRANDS.has(major) || (major === 'mif1' && has(HEIC_BRANDS))) return type('image/heic', 'image');
  if (HEIC_SEQUENCE_BRANDS.has(major) || (major === 'msf1' && has(HEIC_SEQUENCE_BRANDS)))
    return type('image/heic-sequence', 'image');
  if (major === 'avif' || (major === 'mif1' && brands.includes('avif'))) return type('image/avif', 'image');
  if (major === 'avis') return type('image/avif', 'image');
  if (major === 'mif1') return type('image/heif', 'image');
  if (major === 'msf1') return type('image/heif-sequence', 'image');
  if (major === 'crx ') return type('image/x-canon-cr3', 'image');
  if (major.startsWith('3g2')) return type('video/3gpp2', 'video');
  if (major.startsWith('3gp') || major.startsWith('3ge') || major.startsWith('3gg')) return type('video/3gpp', 'video');

  // isom, iso2…iso9, mp41, mp42, avc1, f4v, dash, XAVC, MSNV and the brands of body cameras: MPEG-4 video.
  return type('video/mp4', 'video');
};

// Atoms a QuickTime movie from before ftyp existed may open with.
const QUICKTIME_FIRST_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

const isQuickTimeWithoutFtyp = (head: Uint8Array): boolean => {
  if (head.length < 8 || !QUICKTIME_FIRST_ATOMS.has(ascii(head, 4, 4))) return false;
  const size = u32(head, 0);

  // size 0 means "to the end of the file", 1 means a 64-bit size follows; otherwise at least the header.
  return size === 0 || size === 1 || size >= 8;
};

// ---------------------------------------------------------------------------------------------------------------
// MPEG audio (MP3) and AAC ADTS by frame sync, confirmed by the next frame where the head reaches it

const MPEG1_BITRATES: Record<number, readonly number[]> = {
  3: [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
};
const MPEG2_BITRATES: Record<number, readonly number[]> = {
  3: [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  1: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES: Record<number, readonly number[]> = {
  3: [44100, 48000, 32000], // MPEG-1
  2: [22050, 24000, 16000], // MPEG-2
  0: [11025, 12000, 8000], // MPEG-2.5
};

/** The length of the MPEG audio frame whose header starts at `offset`, or null when it is no valid header. */
const mpegAudioFrameLength = (head: Uint8Array, offset: number): number | null => {
  const b1 = head[offset + 1] ?? 0;
  const b2 = head[offset + 2] ?? 0;
  if (head[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5, 1 reserved
  const layer = (b1 >> 1) & 3; // 3 = layer I, 2 = layer II, 1 = layer III, 0 reserved (ADTS)
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (version === 1 || layer === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const bitrate = (version === 3 ? MPEG1_BITRATES : MPEG2_BITRATES)[layer]?.[bitrateIndex] ?? 0;
  const sampleRate = SAMPLE_RATES[version]?.[rateIndex] ?? 0;
  if (bitrate === 0 || sampleRate === 0) return null;
  const padding = (b2 >> 1) & 1;
  if (layer === 3) return (Math.floor((12 * bitrate * 1000) / sampleRate) + padding) * 4;
  const perFrame = layer === 1 && version !== 3 ? 72 : 144;

  return Math.floor((perFrame * bitrate * 1000) / sampleRate) + padding;
};

const adtsFrameLength = (head: Uint8Array, offset: number): number | null => {
  const b1 = head[offset + 1] ?? 0;
  if (head[offset] !== 0xff || (b1 & 0xf6) !== 0xf0 || offset + 7 > head.length) return null;
  const rateIndex = ((head[offset + 2] ?? 0) >> 2) & 0xf;
  if (rateIndex > 12) return null;
  const length =
    (((head[offset + 3] ?? 0) & 0x03) << 11) | ((head[offset + 4] ?? 0) << 3) | ((head[offset + 5] ?? 0) >> 5);

  return length >= 7 ? length : null;
};

/** A frame header at 0 and, if the head holds it, a second one right after the first frame. */
const isFrameStream = (head: Uint8Array, frameLength: (head: Uint8Array, offset: number) => number | null) => {
  const first = frameLength(head, 0);
  if (first === null) return false;

  return first + 4 > head.length || frameLength(head, first) !== null;
};

// ---------------------------------------------------------------------------------------------------------------
// Text: UTF-8 (or UTF-16 with a byte-order mark, or GB18030 as Chinese systems export it), no binary control bytes

const isTextControl = (byte: number): boolean =>
  byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b;

/** Valid UTF-8 without binary control bytes; a multi-byte character cut off by the end of the head is allowed. */
const isUtf8Text = (head: Uint8Array): boolean => {
  let i = 0;
  while (i < head.length) {
    const byte = head[i] ?? 0;
    if (byte < 0x80) {
      if (isTextControl(byte) || byte === 0x7f) return false;
      i += 1;
      continue;
    }
    const extra = byte >= 0xf0 && byte <= 0xf4 ? 3 : byte >= 0xe0 ? (byte <= 0xef ? 2 : -1) : byte >= 0xc2 ? 1 : -1;
    if (extra < 0) return false;
    for (let k = 1; k <= extra; k++) {
      if (i + k >= head.length) return true;
      if (((head[i + k] ?? 0) & 0xc0) !== 0x80) return false;
    }
    i += extra + 1;
  }

  return true;
};

/** GB18030 (a superset of GBK and GB2312): one-, two- and four-byte sequences, no binary control bytes. */
const isGb18030Text = (head: Uint8Array): boolean => {
  let i = 0;
  let multiByte = 0;
  while (i < head.length) {
    const byte = head[i] ?? 0;
    if (byte < 0x80) {
      if (isTextControl(byte) || byte === 0x7f) return false;
      i += 1;
      continue;
    }
    if (byte === 0x80 || byte === 0xff) return false;
    if (i + 1 >= head.length) return true;
    const second = head[i + 1] ?? 0;
    if (second >= 0x30 && second <= 0x39) {
      if (i + 3 >= head.length) return true;
      const third = head[i + 2] ?? 0;
      const fourth = head[i + 3] ?? 0;
      if (third < 0x81 || third > 0xfe || fourth < 0x30 || fourth > 0x39) return false;
      i += 4;
    } else {
      if (second < 0x40 || second > 0xfe || second === 0x7f) return false;
      i += 2;
    }
    multiByte += 1;
  }

  return multiByte > 0;
};

/** UTF-16 text after its byte-order mark: no unpaired surrogates and no binary control characters. */
const isUtf16Text = (head: Uint8Array, isLittleEndian: boolean): boolean => {
  for (let i = 2; i + 1 < head.length; i += 2) {
    const unit = isLittleEndian ? u16le(head, i) : ((head[i] ?? 0) << 8) | (head[i + 1] ?? 0);
    if (unit < 0x20 ? isTextControl(unit) : unit === 0x7f) return false;
  }

  return true;
};

const textMediaType = (text: string): string => {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (/^[[{]/.test(trimmed)) return 'application/json';
  if (trimmed.startsWith('<?xml')) return 'application/xml';
  if (/^<(!doctype html|html)/i.test(trimmed)) return 'text/html';
  // CSV: two lines or more with the same number (≥ 1) of commas or tabs outside quotes; the last line may have been
  // cut off by the end of the head, so it may have fewer.
  const all = trimmed.split(/\r?\n/);
  if (all.at(-1) === '') all.pop();
  const lines = all.slice(0, 20);
  if (lines.length >= 2) {
    for (const separator of [',', '\t']) {
      const counts = lines.map((line) => line.replace(/"[^"]*"/g, '').split(separator).length - 1);
      const first = counts[0] ?? 0;
      const whole = all.length > lines.length ? counts : counts.slice(0, -1);
      if (first > 0 && whole.every((c) => c === first) && (counts.at(-1) ?? 0) <= first)
        return separator === ',' ? 'text/csv' : 'text/tab-separated-values';
    }
  }

  return 'text/plain';
};

/** The ASCII the text heuristics look at; other bytes (never ASCII in UTF-8 nor in GB18030 lead bytes) become '·'. */
const asciiView = (head: Uint8Array): string => {
  let out = '';
  for (const byte of head) out += byte < 0x80 ? String.fromCharCode(byte) : '·';

  return out;
};

const utf16View = (head: Uint8Array, isLittleEndian: boolean): string => {
  let out = '';
  for (let i = 2; i + 1 < head.length; i += 2)
    out += String.fromCharCode(isLittleEndian ? u16le(head, i) : ((head[i] ?? 0) << 8) | (head[i + 1] ?? 0));

  return out;
};

const detectText = (head: Uint8Array): DetectedFileType | null => {
  if (head.length === 0) return null;
  if (startsWith(head, [0xff, 0xfe]) && isUtf16Text(head, true))
    return type(textMediaType(utf16View(head, true)), 'document', 'utf-16le');
  if (startsWith(head, [0xfe, 0xff]) && isUtf16Text(head, false))
    return type(textMediaType(utf16View(head, false)), 'document', 'utf-16be');
  if (isUtf8Text(head)) {
    const text = startsWith(head, [0xef, 0xbb, 0xbf]) ? head.subarray(3) : head;

    return type(textMediaType(asciiView(text)), 'document', 'utf-8');
  }
  if (isGb18030Text(head)) return type(textMediaType(asciiView(head)), 'document', 'gb18030');

  return null;
};

// ---------------------------------------------------------------------------------------------------------------
// The signatures, tried in order

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

/** The name of the first entry of a zip file (its local file header is at offset 0). */
const firstZipEntryName = (head: Uint8Array): string => ascii(head, 30, Math.min(u16le(head, 26), 256));

const detectZip = (head: Uint8Array): DetectedFileType | null => {
  if (startsWith(head, ZIP_LOCAL_HEADER)) {
    const first = firstZipEntryName(head);
    // An OFD document (GB/T 33190) is a zip whose root is OFD.xml; when it happens to come first, say so.
    if (first === 'OFD.xml') return type('application/ofd', 'document');

    return type('application/zip', 'archive');
  }
  if (startsWith(head, [0x50, 0x4b, 0x05, 0x06]) || startsWith(head, [0x50, 0x4b, 0x07, 0x08]))
    return type('application/zip', 'archive');

  return null;
};

const detectRiff = (head: Uint8Array): DetectedFileType | null => {
  if (!startsWithText(head, 'RIFF') && !startsWithText(head, 'RF64')) return null;
  const form = ascii(head, 8, 4);
  if (form === 'AVI ' || form === 'AVIX') return type('video/x-msvideo', 'video');
  if (form === 'WAVE') return type('audio/wav', 'audio');
  if (form === 'WEBP') return type('image/webp', 'image');

  return type('application/x-riff', 'unknown');
};

const detectOgg = (head: Uint8Array): DetectedFileType => {
  if (containsText(head, 'OpusHead')) return type('audio/ogg; codecs=opus', 'audio');
  if (containsText(head, 'theora')) return type('video/ogg', 'video');
  if (containsText(head, 'fLaC')) return type('audio/ogg; codecs=flac', 'audio');

  return type('audio/ogg', 'audio');
};

const isMpegTransportStream = (head: Uint8Array, packet: number, offset: number): boolean => {
  if (head[offset] !== 0x47) return false;
  let seen = 0;
  for (let at = offset; at < head.length; at += packet) {
    if (head[at] !== 0x47) return false;
    seen += 1;
  }

  // Packets hold binary headers and payloads; a text that happens to have a 'G' every 188 bytes is still text.
  return seen >= 2 && !isUtf8Text(head);
};

const isBmp = (head: Uint8Array): boolean =>
  startsWithText(head, 'BM') &&
  head.length >= 18 &&
  u32le(head, 6) === 0 && // reserved
  [12, 40, 52, 56, 64, 108, 124].includes(u32le(head, 14)); // DIB header size

const isIsoBaseMedia = (head: Uint8Array): boolean => startsWithText(head, 'ftyp', 4);

/**
 * AV-1: the type of a file from its first bytes (pass at most {@link FILE_TYPE_HEAD_BYTES}). Unknown bytes give
 * `application/octet-stream` in the family `unknown`; executables are named (ELF, PE, Mach-O) but stay `unknown`.
 */
export const detectFileType = (head: Uint8Array): DetectedFileType => {
  if (head.length === 0) return unknownFileType();

  // Containers and images with unambiguous magic numbers.
  if (isIsoBaseMedia(head)) return isoBaseMediaType(head);
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3]))
    return containsText(head, 'webm') ? type('video/webm', 'video') : type('video/x-matroska', 'video');
  const riff = detectRiff(head);
  if (riff) return riff;
  if (startsWithText(head, 'FLV') && head[3] === 0x01) return type('video/x-flv', 'video');
  if (startsWith(head, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) return type('video/x-ms-asf', 'video');
  if (startsWith(head, [0x00, 0x00, 0x01, 0xba]) || startsWith(head, [0x00, 0x00, 0x01, 0xb3]))
    return type('video/mpeg', 'video');
  if (isMpegTransportStream(head, 188, 0)) return type('video/mp2t', 'video');
  if (isMpegTransportStream(head, 192, 4)) return type('video/mp2t', 'video'); // M2TS: 4-byte timecode first

  if (startsWithText(head, 'ID3')) return type('audio/mpeg', 'audio');
  if (startsWithText(head, '#!AMR-WB\n')) return type('audio/amr-wb', 'audio');
  if (startsWithText(head, '#!AMR\n')) return type('audio/amr', 'audio');
  if (startsWithText(head, 'OggS')) return detectOgg(head);
  if (startsWithText(head, 'fLaC')) return type('audio/flac', 'audio');
  if (startsWithText(head, 'FORM') && ['AIFF', 'AIFC'].includes(ascii(head, 8, 4))) return type('audio/aiff', 'audio');

  if (startsWith(head, [0xff, 0xd8, 0xff])) return type('image/jpeg', 'image');
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return type('image/png', 'image');
  if (startsWithText(head, 'GIF87a') || startsWithText(head, 'GIF89a')) return type('image/gif', 'image');
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]))
    return type('image/tiff', 'image');
  if (startsWith(head, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20])) return type('image/jp2', 'image');
  if (isBmp(head)) return type('image/bmp', 'image');

  if (startsWithText(head, '%PDF-')) return type('application/pdf', 'document');
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return type('application/x-ole-storage', 'document'); // .doc, .xls, .ppt before 2007
  if (startsWithText(head, '{\\rtf')) return type('application/rtf', 'document');

  const zip = detectZip(head);
  if (zip) return zip;
  if (startsWith(head, [0x1f, 0x8b])) return type('application/gzip', 'archive');
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return type('application/x-7z-compressed', 'archive');
  if (startsWithText(head, 'Rar!\x1a\x07')) return type('application/vnd.rar', 'archive');
  if (startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return type('application/x-xz', 'archive');
  if (
    startsWithText(head, 'BZh') &&
    /^[1-9]$/.test(ascii(head, 3, 1)) &&
    ['1AY&SY', '\x17rE8P\x90'].includes(ascii(head, 4, 6))
  )
    return type('application/x-bzip2', 'archive');
  if (startsWithText(head, 'ustar', 257)) return type('application/x-tar', 'archive');

  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return type('application/x-elf', 'unknown');
  if (startsWithText(head, 'MZ') && !isUtf8Text(head))
    return type('application/vnd.microsoft.portable-executable', 'unknown');
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(u32(head, 0)))
    return type('application/x-mach-binary', 'unknown');
  if (startsWithText(head, 'SQLite format 3\0')) return type('application/vnd.sqlite3', 'unknown');

  // Weak signatures last: frame-synced audio, a QuickTime atom without ftyp, then text.
  if (isFrameStream(head, adtsFrameLength)) return type('audio/aac', 'audio');
  if (isFrameStream(head, mpegAudioFrameLength)) return type('audio/mpeg', 'audio');
  if (isQuickTimeWithoutFtyp(head)) return type('video/quicktime', 'video');

  return detectText(head) ?? unknownFileType();
};

// ---------------------------------------------------------------------------------------------------------------
// Declared kind against the bytes

// Containers that may hold sound alone (a recorder's .mp4 or .3gp, a phone's voice memo): accepted as audio.
const AUDIO_CAPABLE_CONTAINERS = new Set([
  'video/mp4',
  'video/quicktime',
  'video/3gpp',
  'video/3gpp2',
  'video/x-matroska',
  'video/webm',
  'video/x-ms-asf',
]);

const TEXT_MEDIA_TYPES = new Set([
  'text/plain',
  'text/csv',
  'text/tab-separated-values',
  'application/json',
  'application/xml',
]);

const FITS: Record<EvidenceKind, (detected: DetectedFileType) => boolean> = {
  video: (d) => d.family === 'video',
  audio: (d) => d.family === 'audio' || AUDIO_CAPABLE_CONTAINERS.has(d.mediaType),
  photo: (d) => d.family === 'image',
  scan: (d) => d.family === 'image' || d.mediaType === 'application/pdf' || d.mediaType === 'application/ofd',
  electronic_data: () => true,
  system_operation_data: (d) => TEXT_MEDIA_TYPES.has(d.mediaType) || d.family === 'archive',
};

export type DeclaredKindProblem =
  | { code: 'EMPTY_FILE'; declaredKind: EvidenceKind }
  | { code: 'TYPE_MISMATCH'; declaredKind: EvidenceKind; detected: DetectedFileType };

/**
 * AV-1: null when the file's bytes fit the kind the officer declared; otherwise the problem. An empty file is never
 * evidence; electronic data may be anything else (a seized program included); the other kinds must be what they say.
 */
export const checkDeclaredKind = ({
  declaredKind,
  head,
  size,
}: {
  declaredKind: EvidenceKind;
  head: Uint8Array;
  size: number;
}): DeclaredKindProblem | null => {
  if (size === 0) return { code: 'EMPTY_FILE', declaredKind };
  const detected = detectFileType(head);

  return FITS[declaredKind](detected) ? null : { code: 'TYPE_MISMATCH', declaredKind, detected };
};

/** The evidence kinds the bytes would fit, for suggesting the right one after a mismatch. */
export const evidenceKindsFitting = (detected: DetectedFileType): EvidenceKind[] =>
  EVIDENCE_KIND_IDS.filter((kind) => FITS[kind](detected));
