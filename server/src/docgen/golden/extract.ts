import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

// Test helpers: the text of a PDF (poppler's pdftotext) and of a DOCX (its word/document.xml), and the golden lines.

const run = (tool: string, args: string[]): string => {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new Error(`${tool} failed: ${result.error?.message ?? result.stderr}`);

  return result.stdout;
};

const withFile = <T>(pdf: Buffer, use: (file: string) => T): T => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docgen-'));
  try {
    const file = path.join(dir, 'document.pdf');
    fs.writeFileSync(file, pdf);

    return use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

/** Page footers (— 1 —, 第 1 页 共 2 页) cut a paragraph that runs over a page break: they are left out. */
const withoutFooters = (text: string): string =>
  text.replace(/—\s*\d+\s*—/g, '').replace(/第\s*\d+\s*页\s*共\s*\d+\s*页/g, '');

/** pdftotext in reading order, or with -layout; without page footers. */
export const pdfText = (pdf: Buffer, isLayout = false): string =>
  withoutFooters(
    withFile(pdf, (file) => run('pdftotext', [...(isLayout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'])),
  );

type Word = { page: number; x: number; y: number; text: string };

const pdfWords = (pdf: Buffer): Word[] => {
  const html = withFile(pdf, (file) => run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']));
  const words: Word[] = [];
  let page = -1;
  for (const m of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
    if (m[0] === '<page ') page += 1;
    else words.push({ page, x: Number(m[1]), y: Number(m[2]), text: m[3]! });
  }

  return words;
};

/**
 * The text of each vertical strip of the pages (between consecutive x edges), read top to bottom: the text of a table
 * column, whose wrapped cells plain extraction interleaves with the cells beside them.
 */
export const pdfColumnsText = (pdf: Buffer, edges: readonly number[]): string[] => {
  const words = pdfWords(pdf);

  return edges
    .slice(0, -1)
    .map((left, i) =>
      words
        .filter((w) => w.x >= left && w.x < edges[i + 1]!)
        .sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x)
        .map((w) => w.text)
        .join(''),
    )
    .map(withoutFooters);
};

/** pdffonts rows: font name and whether it is embedded. */
export const pdfFonts = (pdf: Buffer): { name: string; isEmbedded: boolean }[] =>
  withFile(pdf, (file) =>
    run('pdffonts', [file])
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const columns = line.trim().split(/\s+/);

        // name type... encoding emb sub uni object ID: emb is the fifth column from the end.
        return { name: columns[0]!, isEmbedded: columns[columns.length - 5] === 'yes' };
      }),
  );

/** One entry of a zip file, read through its central directory. */
export const zipEntry = (zip: Buffer, name: string): Buffer | null => {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i += 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + zip.readUInt32LE(at + 20));

      return zip.readUInt16LE(at + 10) === 8 ? inflateRawSync(data) : Buffer.from(data);
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }

  return null;
};

/** The text runs of a DOCX's body, concatenated. */
export const docxText = (docx: Buffer): string => {
  const xml = zipEntry(docx, 'word/document.xml')?.toString('utf8') ?? '';

  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
};

/** Text without any whitespace, which PDF extraction puts wherever a line wraps. */
export const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** The expected lines of a golden file (comments start with #). */
export const goldenLines = (templateId: string): string[] =>
  fs
    .readFileSync(path.join(import.meta.dirname, `${templateId}.txt`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));

/** The golden lines not found in a text. */
export const missingLines = (lines: readonly string[], text: string): string[] => {
  const haystack = squeeze(text);

  return lines.filter((line) => !haystack.includes(squeeze(line)));
};
