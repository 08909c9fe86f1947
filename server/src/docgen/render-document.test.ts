import { DOCUMENT_TEMPLATES, DomainError } from '@liuhen/domain';
import { describe, expect, it } from 'vitest';
import { docxText, pdfFonts, pdfText, squeeze, zipEntry } from './golden/extract';
import { PENALTY_DECISION_CONTENT, inputFor } from './golden/fixtures';
import type { DocumentInput } from './model';
import { popplerMissingReason } from './poppler';
import { renderDocument } from './render-document';

// DOC-2, DOC-4: the decision's required elements, byte-for-byte determinism (the files' hashes go into the ledger),
// embedded fonts, the DOCX's Chinese runs and the printed signatures.

const skipReason = popplerMissingReason();

const refusalOf = async (promise: Promise<unknown>): Promise<{ code: string; details: unknown }> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details };
    throw error;
  }

  return { code: 'none', details: null };
};

const withContent = (input: DocumentInput, content: Record<string, unknown>): DocumentInput => ({
  ...input,
  record: { ...input.record!, content },
});

describe('renderDocument', () => {
  it('gives the same bytes for the same input (PDF and DOCX), and other bytes for another date', async () => {
    for (const templateId of [
      'penalty_decision',
      'service_receipt',
      'questioning_record',
      'case_file_catalogue',
    ] as const) {
      const input = inputFor(templateId);
      const first = await renderDocument(input);
      const second = await renderDocument(structuredClone(input));
      expect(second.pdf.equals(first.pdf), `${templateId} PDF`).toBe(true);
      expect(second.docx.equals(first.docx), `${templateId} DOCX`).toBe(true);
      const later = await renderDocument({ ...input, generatedOn: '2026-03-18' });
      expect(later.pdf.equals(first.pdf)).toBe(false);
    }
  });

  it('fixes the PDF dates and the DOCX timestamps to the generation date (China time)', async () => {
    const { pdf, docx } = await renderDocument(inputFor('penalty_decision'));
    const raw = pdf.toString('latin1');
    // pdfkit writes the info dates as indirect objects: midnight of 2026-03-16 in China is 16:00 UTC the day before.
    expect(raw.match(/\(D:20260315160000Z\)/g)).toHaveLength(2);
    expect(raw).toMatch(/<xmp:CreateDate>2026-03-15T16:00:00Z<\/xmp:CreateDate>|\/CreationDate/);
    const core = zipEntry(docx, 'docProps/core.xml')!.toString('utf8');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-15T16:00:00Z</dcterms:created>');
    // Every zip entry is dated 2026-03-16 00:00:00 (DOS date and time), whatever the clock and time zone.
    const dosDate = ((2026 - 1980) << 9) | (3 << 5) | 16;
    for (let at = docx.indexOf('PK\x01\x02'); at >= 0; at = docx.indexOf('PK\x01\x02', at + 4)) {
      expect(docx.readUInt16LE(at + 12)).toBe(0);
      expect(docx.readUInt16LE(at + 14)).toBe(dosDate);
    }
  });

  it.skipIf(skipReason !== null)('embeds the Chinese font (pdffonts: emb yes)', async () => {
    const { pdf } = await renderDocument(inputFor('penalty_decision'));
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSerifSC-(Regular|Bold)$/);
      expect(font.isEmbedded).toBe(true);
    }
  });

  it.skipIf(skipReason !== null)('prints the decision as laid out (pdftotext -layout)', async () => {
    const { pdf } = await renderDocument(inputFor('penalty_decision'));
    const lines = pdfText(pdf, true)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    expect(lines.slice(0, 4)).toEqual([
      '示范市住房和城乡建设局',
      '行政处罚决定书',
      '示住建罚决字〔2026〕12号',
      '示范市安居置业有限公司：',
    ]);
    const text = squeeze(lines.join(''));
    expect(text).toContain(squeeze(PENALTY_DECISION_CONTENT.remedies));
    expect(text).toContain(squeeze('罚款金额（元）：¥50,000.00 元'));
    expect(text).toContain(
      squeeze('（电子签名）王建国 执法证号 41060021001 2026年3月16日 9时30分，签名指纹 3f9a6c0d2b7e41a5'),
    );
    // The seal area: agency name and date, the date line last before the signatures.
    expect(lines).toContain('示范市住房和城乡建设局');
    expect(lines).toContain('2026年3月16日');
  });

  it('writes the DOCX with the Chinese runs and the official font names', async () => {
    const { docx } = await renderDocument(inputFor('penalty_decision'));
    const xml = zipEntry(docx, 'word/document.xml')!.toString('utf8');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    const text = docxText(docx);
    expect(text).toContain('行政处罚决定书');
    expect(text).toContain('示住建罚决字〔2026〕12号');
    expect(text).toContain(PENALTY_DECISION_CONTENT.remedies);
  });

  it('embeds a handwritten signature image in its slot (PDF and DOCX)', async () => {
    const { pdf, docx } = await renderDocument(inputFor('service_receipt'));
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    const media = zipEntry(docx, 'word/document.xml')!.toString('utf8');
    expect(media).toContain('<pic:pic');
  });

  it.skipIf(skipReason !== null)('prints a refused party signature with its reason', async () => {
    const input = inputFor('inspection_record');
    const refused: DocumentInput = {
      ...input,
      record: { ...input.record!, partySignature: 'refused', refusalReason: '当事人称需请示公司负责人' },
      signatures: input.signatures.filter((s) => s.role !== 'party'),
    };
    const { pdf, docx } = await renderDocument(refused);
    expect(squeeze(pdfText(pdf))).toContain('当事人拒绝签名：当事人称需请示公司负责人');
    expect(docxText(docx)).toContain('当事人拒绝签名：当事人称需请示公司负责人');
  });

  it('refuses the decision when any element of 行政处罚法 第五十九条 is missing', async () => {
    const input = inputFor('penalty_decision');
    const required = DOCUMENT_TEMPLATES.penalty_decision.requiredFields;
    expect(required).toHaveLength(15);
    for (const field of required) {
      const content: Record<string, unknown> = { ...PENALTY_DECISION_CONTENT };
      delete content[field];
      const refusal = await refusalOf(renderDocument(withContent(input, content)));
      expect(refusal.code, field).toBe('DOCUMENT_INCOMPLETE');
      expect((refusal.details as { missing: { field: string; label: string }[] }).missing).toEqual([
        { field, label: expect.stringMatching(/\p{Script=Han}/u) as unknown as string },
      ]);
    }
    const blank = await refusalOf(renderDocument(withContent(input, { ...PENALTY_DECISION_CONTENT, remedies: '  ' })));
    expect(blank.details).toEqual({
      missing: [{ field: 'remedies', label: '申请行政复议、提起行政诉讼的途径和期限' }],
    });
  });

  it('refuses an unknown template, a record of another kind, and a catalogue without items', async () => {
    expect((await refusalOf(renderDocument({ ...inputFor('penalty_decision'), templateId: 'nope' }))).code).toBe(
      'DOCUMENT_NOT_AVAILABLE',
    );
    expect(
      (await refusalOf(renderDocument({ ...inputFor('advance_notice'), templateId: 'penalty_decision' }))).code,
    ).toBe('DOCUMENT_NOT_AVAILABLE');
    const catalogue = await refusalOf(renderDocument({ ...inputFor('case_file_catalogue'), items: [] }));
    expect(catalogue).toEqual({
      code: 'DOCUMENT_INCOMPLETE',
      details: { missing: [{ field: 'items', label: '卷内文件' }] },
    });
  });
});
