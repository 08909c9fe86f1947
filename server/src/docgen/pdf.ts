import path from 'node:path';
import pdfmake from 'pdfmake';
import { FONT_DIR, FONT_FAMILY, FONT_FILES } from './fonts';
import type { DocumentModel, ModelBlock, ModelRow, SignatureLine } from './model';

// DOC-2: the PDF of a document model, laid out after the official conventions (GB/T 9704 page margins, agency name
// and title centred in large bold, the number line under it, a body in a serif at 三号 (16 pt) with two-character
// indents, the agency name and date at the lower right where the seal goes). Forms (表/笔录) are a bordered table.
// Deterministic: the dates, producer and creator are fixed from the input, pdfkit derives the file ID from that
// info dictionary, and its font subset tags from the font's sequence number (pdfkit 0.19 EmbeddedFont), so the same
// input gives the same bytes. pdfkit only draws random bytes for encryption, which is not used.

let isConfigured = false;

const configure = (): void => {
  if (isConfigured) return;
  // No network; locally only the font folder (a document's images are passed as data, not paths).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => file.startsWith(FONT_DIR + path.sep));
  pdfmake.setFonts({
    [FONT_FAMILY]: {
      normal: FONT_FILES.regular,
      bold: FONT_FILES.bold,
      italics: FONT_FILES.regular,
      bolditalics: FONT_FILES.bold,
    },
  });
  isConfigured = true;
};

const A4_WIDTH = 595.28;
// GB/T 9704-2012 §5.2.1: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (in points).
const NOTICE_MARGINS = [79, 105, 74, 99] as const;
const FORM_MARGINS = [57, 62, 57, 62] as const;
const BODY_SIZE = 16;
const FORM_SIZE = 12;
const LABEL_WIDTH = 118;

const dataUrl = (png: Buffer): string => `data:image/png;base64,${png.toString('base64')}`;

const titleBlock = (model: DocumentModel): object[] => [
  { text: model.agencyName, fontSize: model.layout === 'notice' ? 22 : 18, bold: true, alignment: 'center' },
  { text: model.title, fontSize: 22, bold: true, alignment: 'center', characterSpacing: 2, margin: [0, 6, 0, 0] },
];

const rowCells = (row: ModelRow): object[] => [
  { text: row.label, alignment: 'center', margin: [0, 3, 0, 3] },
  row.image
    ? { stack: [{ image: dataUrl(row.image), fit: [140, 48] }, { text: row.value }], margin: [2, 3, 2, 3] }
    : { text: row.value, margin: [2, 3, 2, 3] },
];

const signatureRows = (lines: readonly SignatureLine[]): ModelRow[] =>
  lines.map((line) => ({ label: `${line.label}签名`, value: line.text, image: line.image }));

const gridWidths = (widths: readonly number[], available: number): number[] =>
  widths.map((w) => Math.floor(w * available) - 8);

/**
 * The x edges (points) of the table columns of a document's PDF, left page edge to right: the golden tests read the
 * text of each column apart, since plain text extraction interleaves wrapped cells that sit side by side.
 */
export const pdfColumnEdges = (model: DocumentModel): number[] => {
  if (model.layout === 'notice') return [0, A4_WIDTH];
  const grid = model.blocks.find((b) => b.kind === 'grid');
  const left = FORM_MARGINS[0];
  // Each column takes its width, the cell padding (4 pt a side) and a rule.
  const columns = grid ? gridWidths(grid.widths, A4_WIDTH - FORM_MARGINS[0] - FORM_MARGINS[2]) : [LABEL_WIDTH];
  const edges = columns.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w + 8], [left]);

  return [0, ...edges.slice(1), A4_WIDTH];
};

const formBlock = (block: ModelBlock, width: number, extraRows: readonly ModelRow[]): object => {
  switch (block.kind) {
    case 'rows':
      return {
        table: { widths: [LABEL_WIDTH, '*'], body: [...block.rows, ...extraRows].map(rowCells), dontBreakRows: true },
        fontSize: FORM_SIZE,
        lineHeight: 1.25,
      };
    case 'grid':
      return {
        table: {
          headerRows: 1,
          widths: gridWidths(block.widths, width),
          body: [
            block.header.map((h) => ({ text: h, bold: true, alignment: 'center' })),
            ...block.rows.map((r) => r.map((cell) => ({ text: cell }))),
          ],
        },
        fontSize: FORM_SIZE - 1,
        lineHeight: 1.2,
      };
    case 'heading':
      return { text: block.text, bold: true, fontSize: FORM_SIZE + 1, margin: [0, 8, 0, 4] };
    case 'paragraph':
      return { text: block.text, fontSize: FORM_SIZE };
  }
};

const formContent = (model: DocumentModel): object[] => {
  const width = A4_WIDTH - FORM_MARGINS[0] - FORM_MARGINS[2];
  const signatures = signatureRows(model.signatures);
  const hasRows = model.blocks.some((b) => b.kind === 'rows');
  const body = model.blocks.map((block) => formBlock(block, width, block.kind === 'rows' ? signatures : []));
  const standalone =
    hasRows || signatures.length === 0
      ? []
      : [formBlock({ kind: 'rows', rows: [] }, width, signatures) as object & { margin?: number[] }];

  return [
    ...titleBlock(model),
    {
      columns: [
        { text: `案号：${model.caseNumber}`, alignment: 'left' },
        { text: model.number ?? '', alignment: 'right' },
      ],
      fontSize: FORM_SIZE,
      margin: [0, 14, 0, 6],
    },
    ...body,
    ...standalone.map((table) => ({ ...table, margin: [0, 10, 0, 0] })),
  ];
};

const noticeContent = (model: DocumentModel): object[] => {
  const indent = BODY_SIZE * 2;
  const paragraphs = model.blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return { text: block.text, bold: true, leadingIndent: indent, margin: [0, 4, 0, 0] };
      case 'paragraph':
        return { text: block.text, leadingIndent: indent };
      default:
        return formBlock(block, A4_WIDTH - NOTICE_MARGINS[0] - NOTICE_MARGINS[2], []);
    }
  });
  const signatures = model.signatures.map((line) => ({
    stack: [
      { text: `${line.label}：${line.text}` },
      ...(line.image ? [{ image: dataUrl(line.image), fit: [140, 48], margin: [BODY_SIZE * 5, 2, 0, 0] }] : []),
    ],
    fontSize: 12,
    margin: [0, 6, 0, 0],
    unbreakable: true,
  }));

  return [
    ...titleBlock(model),
    ...(model.number ? [{ text: model.number, alignment: 'right', margin: [0, 12, 0, 0] }] : []),
    ...(model.addressee ? [{ text: `${model.addressee}：`, margin: [0, 14, 0, 0] }] : [{ text: '', margin: [0, 8] }]),
    ...paragraphs,
    ...(model.closing ? [{ text: model.closing, leadingIndent: indent }] : []),
    ...(model.seal
      ? [
          {
            stack: [{ text: model.seal.agency }, { text: model.seal.date }],
            alignment: 'center',
            // Right-aligned block, about four characters in from the right margin (GB/T 9704 §7.3.5.1).
            margin: [(A4_WIDTH - NOTICE_MARGINS[0] - NOTICE_MARGINS[2]) / 2, 44, BODY_SIZE * 2, 0],
            unbreakable: true,
          },
        ]
      : []),
    ...(signatures.length > 0 ? [{ text: '', margin: [0, 18, 0, 0] }, ...signatures] : []),
  ];
};

/** The PDF's fixed dates: midnight China time of the day the document was generated. */
const documentDate = (generatedOn: string): Date => new Date(`${generatedOn.slice(0, 10)}T00:00:00+08:00`);

export const renderPdf = async (model: DocumentModel): Promise<Buffer> => {
  configure();
  const isNotice = model.layout === 'notice';
  const date = documentDate(model.generatedOn);
  const definition = {
    pageSize: 'A4',
    pageMargins: isNotice ? NOTICE_MARGINS : FORM_MARGINS,
    info: {
      title: model.number ? `${model.title} ${model.number}` : model.title,
      subject: model.caseNumber,
      author: model.agencyName,
      creator: '留痕 Liuhen',
      producer: '留痕 Liuhen',
      creationDate: date,
      modDate: date,
    },
    defaultStyle: {
      font: FONT_FAMILY,
      fontSize: isNotice ? BODY_SIZE : FORM_SIZE,
      lineHeight: isNotice ? 1.3 : 1.25,
    },
    footer: (page: number, count: number) => ({
      text: isNotice ? `— ${page} —` : `第 ${page} 页\u3000共 ${count} 页`,
      alignment: 'center',
      fontSize: isNotice ? 14 : 10,
      margin: [0, 30, 0, 0],
    }),
    content: isNotice ? noticeContent(model) : formContent(model),
  };

  return pdfmake.createPdf(definition).getBuffer();
};
