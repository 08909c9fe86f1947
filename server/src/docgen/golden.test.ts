import { DOCUMENT_TEMPLATE_IDS } from '@liuhen/domain';
import { describe, expect, it } from 'vitest';
import { docxText, goldenLines, missingLines, pdfColumnsText, pdfText } from './golden/extract';
import { inputFor } from './golden/fixtures';
import { buildDocumentModel } from './model';
import { pdfColumnEdges } from './pdf';
import { popplerMissingReason } from './poppler';
import { renderDocument } from './render-document';

// DOC-2: every template renders, and its PDF and DOCX carry the lines of its golden file (golden/<template>.txt).

const skipReason = popplerMissingReason();

describe('golden documents', () => {
  for (const templateId of DOCUMENT_TEMPLATE_IDS) {
    it(`${templateId}: PDF and DOCX carry the expected lines`, async () => {
      const input = inputFor(templateId);
      const { pdf, docx } = await renderDocument(input);
      const lines = goldenLines(templateId);
      expect(missingLines(lines, docxText(docx))).toEqual([]);
      if (skipReason) return;
      // A line is found in the page's text or in the text of one table column (wrapped cells interleave otherwise).
      const columns = pdfColumnsText(pdf, pdfColumnEdges(buildDocumentModel(input)));
      const missing = missingLines(lines, pdfText(pdf));
      expect(missing.filter((line) => missingLines([line], columns.join('\n\n')).length > 0)).toEqual([]);
    });
  }

  it.skipIf(skipReason === null)(`PDF text checks skipped: ${skipReason ?? ''}`, () => {});
});
