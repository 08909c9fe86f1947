import { createHash } from 'node:crypto';
import {
  AlignmentType,
  Document,
  Footer,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { DOCX_FONTS } from './fonts';
import type { DocumentModel, ModelBlock, ModelRow, SignatureLine } from './model';

// DOC-2: the editable copy of a document model (same content as the PDF). Runs name 仿宋_GB2312 for the body and
// 方正小标宋简体 for the title, as Word users on government PCs have them.
//
// Deterministic bytes, because the file's SHA-256 goes into the ledger:
// - docx draws relationship and element ids from nanoid, i.e. Math.random. Building and packing run synchronously
//   (Packer.pack's generator has no await before the zip is made), so Math.random is replaced by a PRNG seeded from
//   the model for exactly that span and restored in `finally`; nothing else can run in between.
// - docProps/core.xml carries `new Date()` as created/modified: it is overridden with the generation date.
// - the zip entries carry Date.now() in local time: their DOS date/time fields are rewritten afterwards.
// - drawings are numbered per document (see `image`), not from docx's process-wide counter.

const twip = (points: number): number => Math.round(points * 20);
const BODY_SIZE = 16;
const FORM_SIZE = 12;

const font = (eastAsia: string): IRunOptions['font'] => ({
  ascii: DOCX_FONTS.latin,
  hAnsi: DOCX_FONTS.latin,
  eastAsia,
});

const run = (text: string, size: number, options: { bold?: boolean; title?: boolean } = {}): TextRun =>
  new TextRun({
    text,
    size: size * 2,
    bold: options.bold ?? false,
    font: font(options.title ? DOCX_FONTS.title : DOCX_FONTS.body),
  });

/** Width and height of a PNG from its IHDR chunk. */
const pngSize = (png: Buffer): { width: number; height: number } =>
  png.length >= 24 ? { width: png.readUInt32BE(16), height: png.readUInt32BE(20) } : { width: 1, height: 1 };

// docx numbers drawings (wp:docPr id) from one counter shared by the whole process, so a document's ids would
// depend on what was generated before it: each document numbers its own, from 1 (reset when a document is built).
let drawingCount = 0;

const image = (png: Buffer): ImageRun => {
  const { width, height } = pngSize(png);
  const scale = Math.min(180 / width, 60 / height, 1);
  drawingCount += 1;

  return new ImageRun({
    type: 'png',
    data: png,
    altText: { id: String(drawingCount), name: `签名${drawingCount}`, description: '手写签名' },
    transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
  });
};

/** Paragraphs of a text with line breaks, one per line. */
const lines = (text: string, size: number, indent = 0): Paragraph[] =>
  text.split('\n').map(
    (line) =>
      new Paragraph({
        children: [run(line, size)],
        indent: indent > 0 ? { firstLine: twip(indent) } : undefined,
        alignment: AlignmentType.JUSTIFIED,
      }),
  );

const cell = (children: Paragraph[], widthPercent: number, center = false): TableCell =>
  new TableCell({
    children,
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    verticalAlign: center ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
  });

const rowsTable = (rows: readonly ModelRow[]): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell([new Paragraph({ children: [run(row.label, FORM_SIZE)], alignment: AlignmentType.CENTER })], 24, true),
            cell(
              [...(row.image ? [new Paragraph({ children: [image(row.image)] })] : []), ...lines(row.value, FORM_SIZE)],
              76,
            ),
          ],
        }),
    ),
  });

const gridTable = (block: Extract<ModelBlock, { kind: 'grid' }>): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: block.header.map((h, i) =>
          cell(
            [new Paragraph({ children: [run(h, FORM_SIZE, { bold: true })], alignment: AlignmentType.CENTER })],
            Math.round((block.widths[i] ?? 0) * 100),
            true,
          ),
        ),
      }),
      ...block.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((value, i) => cell(lines(value, FORM_SIZE - 1), Math.round((block.widths[i] ?? 0) * 100))),
          }),
      ),
    ],
  });

const titleParagraphs = (model: DocumentModel): Paragraph[] => [
  new Paragraph({
    children: [run(model.agencyName, model.layout === 'notice' ? 22 : 18, { bold: true, title: true })],
    alignment: AlignmentType.CENTER,
  }),
  new Paragraph({
    children: [run(model.title, 22, { bold: true, title: true })],
    alignment: AlignmentType.CENTER,
    spacing: { after: twip(12) },
  }),
];

const signatureRows = (signatures: readonly SignatureLine[]): ModelRow[] =>
  signatures.map((s) => ({ label: `${s.label}签名`, value: s.text, image: s.image }));

const formChildren = (model: DocumentModel): (Paragraph | Table)[] => {
  const signatures = signatureRows(model.signatures);
  const hasRows = model.blocks.some((b) => b.kind === 'rows');
  const number = model.number ? `\u3000\u3000${model.number}` : '';

  return [
    ...titleParagraphs(model),
    new Paragraph({ children: [run(`案号：${model.caseNumber}${number}`, FORM_SIZE)], spacing: { after: twip(6) } }),
    ...model.blocks.map((block) => {
      switch (block.kind) {
        case 'rows':
          return rowsTable([...block.rows, ...signatures]);
        case 'grid':
          return gridTable(block);
        case 'heading':
          return new Paragraph({ children: [run(block.text, FORM_SIZE + 1, { bold: true })] });
        case 'paragraph':
          return new Paragraph({ children: [run(block.text, FORM_SIZE)] });
      }
    }),
    ...(hasRows || signatures.length === 0 ? [] : [new Paragraph({}), rowsTable(signatures)]),
  ];
};

const noticeChildren = (model: DocumentModel): (Paragraph | Table)[] => {
  const indent = BODY_SIZE * 2;

  return [
    ...titleParagraphs(model),
    ...(model.number
      ? [new Paragraph({ children: [run(model.number, BODY_SIZE)], alignment: AlignmentType.RIGHT })]
      : []),
    new Paragraph({ children: [run(model.addressee ? `${model.addressee}：` : '', BODY_SIZE)] }),
    ...model.blocks.flatMap((block): (Paragraph | Table)[] => {
      switch (block.kind) {
        case 'heading':
          return [
            new Paragraph({
              children: [run(block.text, BODY_SIZE, { bold: true })],
              indent: { firstLine: twip(indent) },
            }),
          ];
        case 'paragraph':
          return lines(block.text, BODY_SIZE, indent);
        case 'rows':
          return [rowsTable(block.rows)];
        case 'grid':
          return [gridTable(block)];
      }
    }),
    ...(model.closing ? lines(model.closing, BODY_SIZE, indent) : []),
    ...(model.seal
      ? [model.seal.agency, model.seal.date].map(
          (text, i) =>
            new Paragraph({
              children: [run(text, BODY_SIZE)],
              alignment: AlignmentType.RIGHT,
              indent: { right: twip(BODY_SIZE * 2) },
              spacing: i === 0 ? { before: twip(44) } : undefined,
            }),
        )
      : []),
    ...model.signatures.flatMap((s, i) => [
      new Paragraph({
        children: [run(`${s.label}：${s.text}`, FORM_SIZE)],
        spacing: i === 0 ? { before: twip(24) } : undefined,
      }),
      ...(s.image ? [new Paragraph({ children: [image(s.image)] })] : []),
    ]),
  ];
};

/** mulberry32: a small seeded PRNG, enough to stand in for docx's non-cryptographic ids. */
const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

const coreXml = (model: DocumentModel, instant: string): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
  'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  `<dc:title>${escapeXml(model.title)}</dc:title><dc:subject>${escapeXml(model.caseNumber)}</dc:subject>` +
  `<dc:creator>${escapeXml(model.agencyName)}</dc:creator><cp:lastModifiedBy>留痕 Liuhen</cp:lastModifiedBy>` +
  '<cp:revision>1</cp:revision>' +
  `<dcterms:created xsi:type="dcterms:W3CDTF">${instant}</dcterms:created>` +
  `<dcterms:modified xsi:type="dcterms:W3CDTF">${instant}</dcterms:modified></cp:coreProperties>`;

/** Sets every entry's DOS modification date and time (local and central headers) to `day`, 00:00:00. */
const fixZipTimes = (zip: Buffer, day: string): Buffer => {
  const [year = 1980, month = 1, date = 1] = day.split('-').map(Number);
  const dosDate = ((Math.max(year, 1980) - 1980) << 9) | (month << 5) | date;
  const out = Buffer.from(zip);
  let end = out.length - 22;
  while (end >= 0 && out.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('docx: no end of central directory');
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i += 1) {
    if (out.readUInt32LE(at) !== 0x02014b50) throw new Error('docx: bad central directory');
    out.writeUInt16LE(0, at + 12);
    out.writeUInt16LE(dosDate, at + 14);
    const local = out.readUInt32LE(at + 42);
    out.writeUInt16LE(0, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }

  return out;
};

export const renderDocx = async (model: DocumentModel, seed: Buffer): Promise<Buffer> => {
  const isNotice = model.layout === 'notice';
  const margins = isNotice ? [79, 105, 74, 99] : [57, 62, 57, 62];
  const day = model.generatedOn.slice(0, 10);
  const instant = new Date(`${day}T00:00:00+08:00`).toISOString().replace('.000Z', 'Z');
  const random = Math.random;
  Math.random = seededRandom(createHash('sha256').update(seed).digest().readUInt32LE(0));
  let packed: Promise<Buffer>;
  try {
    drawingCount = 0;
    const document = new Document({
      creator: model.agencyName,
      title: model.title,
      styles: {
        default: { document: { run: { font: font(DOCX_FONTS.body), size: (isNotice ? BODY_SIZE : FORM_SIZE) * 2 } } },
      },
      sections: [
        {
          properties: {
            page: {
              margin: {
                left: twip(margins[0]!),
                top: twip(margins[1]!),
                right: twip(margins[2]!),
                bottom: twip(margins[3]!),
              },
            },
          },
          footers: {
            default: new Footer({
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [
                    new TextRun({
                      children: isNotice
                        ? ['— ', PageNumber.CURRENT, ' —']
                        : ['第 ', PageNumber.CURRENT, ' 页\u3000共 ', PageNumber.TOTAL_PAGES, ' 页'],
                      font: font(DOCX_FONTS.body),
                      size: isNotice ? 28 : 20,
                    }),
                  ],
                }),
              ],
            }),
          },
          children: isNotice ? noticeChildren(model) : formChildren(model),
        },
      ],
    });
    // Synchronous up to the finished zip (see above): the seeded Math.random covers every id docx draws.
    packed = Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: coreXml(model, instant) }]);
  } finally {
    Math.random = random;
  }

  return fixZipTimes(await packed, day);
};
