// Documents benchmark (issue 6, DOC-2): rendering every standard document as PDF (embedded Noto Serif SC subset) and
// DOCX, warm, in one process; time per document, sizes, and the process's memory.
// Usage: npx tsx bench/documents.ts [--rounds 3]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { DOCUMENT_TEMPLATE_IDS } from '@liuhen/domain';
import { inputFor } from '../server/src/docgen/golden/fixtures';
import { renderDocument } from '../server/src/docgen/render-document';
import { rssMiB, summary } from './support';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Number(values.rounds);

const rssBefore = rssMiB();
const coldStart = performance.now();
await renderDocument(inputFor('penalty_decision'));
const coldMs = performance.now() - coldStart;

const samples: number[] = [];
const wallStart = performance.now();
const perTemplate: Record<string, { ms: number; pdfKiB: number; docxKiB: number }> = {};
let peakRss = rssMiB();
for (let round = 0; round < rounds; round++) {
  for (const id of DOCUMENT_TEMPLATE_IDS) {
    const started = performance.now();
    const { pdf, docx } = await renderDocument(inputFor(id));
    const ms = performance.now() - started;
    samples.push(ms);
    perTemplate[id] = {
      ms: Math.round(ms),
      pdfKiB: Math.round(pdf.length / 1024),
      docxKiB: Math.round(docx.length / 1024),
    };
    peakRss = Math.max(peakRss, rssMiB());
  }
}

const decision = perTemplate.penalty_decision!;
process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'documents',
      machine: { cpus: os.cpus().length, node: process.version },
      templates: DOCUMENT_TEMPLATE_IDS.length,
      rounds,
      firstRenderMs: Math.round(coldMs),
      renderMs: summary(samples, performance.now() - wallStart),
      penaltyDecision: decision,
      serviceReceipt: perTemplate.service_receipt,
      largestPdfKiB: Math.max(...Object.values(perTemplate).map((t) => t.pdfKiB)),
      rssMiB: { before: rssBefore, peak: peakRss },
    },
    null,
    2,
  )}\n`,
);
