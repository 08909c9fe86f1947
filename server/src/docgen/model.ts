import {
  DOCUMENT_TEMPLATES,
  DomainError,
  RECORD_KINDS,
  SIGNATURE_SLOT_LABELS,
  assertDocumentComplete,
  chineseDate,
  chineseDateTime,
  documentField,
  formatFieldValue,
  isBlankValue,
  isDocumentTemplateId,
  isFieldShown,
  type DocumentTemplate,
  type SignatureSlot,
} from '@liuhen/domain';

// DOC-2, DOC-4: one document as a layout-neutral model (title block, body blocks, seal area, signatures). The PDF and
// the DOCX are both drawn from this model, so the two carry the same content.

export type DocumentSignature = {
  role: SignatureSlot;
  name: string;
  signedAt: string;
  method: 'electronic' | 'handwritten' | 'paper_scan';
  imagePng: Buffer | null;
  fingerprint: string | null;
};

export type DocumentInput = {
  templateId: string;
  agency: { name: string };
  /** The case number, e.g. 示住建罚〔2026〕12号. */
  caseNumber: string;
  /** Printed under the title when the template has a number prefix. */
  documentNumber: string | null;
  /** YYYY-MM-DD: printed in the seal area when the document has no date of its own; also the PDF's dates. */
  generatedOn: string;
  record: {
    kind: string;
    recordedAt: string;
    place: string | null;
    content: Readonly<Record<string, unknown>>;
    officers: readonly { name: string; credentialNumber: string | null }[];
    witnesses: readonly { name: string }[];
    partySignature: 'signed' | 'refused' | 'pending' | 'not_required';
    refusalReason: string | null;
    approvals: readonly {
      label: string;
      opinion: string;
      name: string;
      at: string;
      decision: 'approved' | 'returned';
    }[];
  } | null;
  items?: readonly {
    seq: number;
    title: string;
    documentNumber: string | null;
    date: string;
    pages: number;
    note: string | null;
  }[];
  notes?: {
    itemCount: number;
    pageCount: number;
    archivist: string;
    checker: string | null;
    archivedOn: string;
    remarks: string | null;
  };
  signatures: readonly DocumentSignature[];
};

export type ModelRow = { label: string; value: string; image?: Buffer | null };
export type ModelBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'rows'; rows: readonly ModelRow[] }
  | { kind: 'grid'; header: readonly string[]; widths: readonly number[]; rows: readonly (readonly string[])[] };
export type SignatureLine = { label: string; text: string; image: Buffer | null };

export type DocumentModel = {
  templateId: string;
  layout: 'notice' | 'form';
  agencyName: string;
  title: string;
  /** Notice: the document number under the title; form: null. */
  number: string | null;
  /** Form: 案号 line. */
  caseNumber: string;
  /** Notice: 「当事人：」 salutation, without the colon. */
  addressee: string | null;
  blocks: readonly ModelBlock[];
  closing: string | null;
  /** Notice: agency name and Chinese date at the lower right. */
  seal: { agency: string; date: string } | null;
  signatures: readonly SignatureLine[];
  generatedOn: string;
};

const incomplete = (field: string, label: string): DomainError =>
  new DomainError('DOCUMENT_INCOMPLETE', { missing: [{ field, label }] });

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The fields of the template's sections that have something to print, with their labels and printed values. */
const fieldRows = (template: DocumentTemplate, content: Readonly<Record<string, unknown>>, names: readonly string[]) =>
  names.flatMap((name): ModelRow[] => {
    const field = documentField(template, name);
    if (!field || !isFieldShown(field, content) || isBlankValue(content[name])) return [];

    return [{ label: field.label, value: formatFieldValue(field, content[name]) }];
  });

const credential = (officers: NonNullable<DocumentInput['record']>['officers'], name: string): string | null =>
  officers.find((o) => o.name === name)?.credentialNumber ?? null;

/** One printed signature: electronic ones state name, credential, time and fingerprint; images go in the slot. */
const signatureText = (signature: DocumentSignature, credentialNumber: string | null): string => {
  const at = chineseDateTime(signature.signedAt);
  if (signature.method === 'electronic') {
    const cred = credentialNumber ? ` 执法证号 ${credentialNumber}` : '';
    const fingerprint = signature.fingerprint ? `，签名指纹 ${signature.fingerprint.slice(0, 16)}` : '';

    return `（电子签名）${signature.name}${cred} ${at}${fingerprint}`;
  }
  const how = signature.method === 'paper_scan' ? '（纸质签名扫描件）' : '（手写签名）';

  return `${how}${signature.name} ${at}`;
};

// U+3000 (ideographic space) leaves room to write by hand, as printed forms do.
const SPACE = '\u3000';
const BLANK = `签名：${SPACE.repeat(8)}日期：${SPACE.repeat(2)}年${SPACE.repeat(2)}月${SPACE.repeat(2)}日`;

const signatureLines = (template: DocumentTemplate, input: DocumentInput): SignatureLine[] => {
  const record = input.record;
  const officers = record?.officers ?? [];

  return template.signatureSlots.flatMap((slot): SignatureLine[] => {
    const label = SIGNATURE_SLOT_LABELS[slot];
    const signed = input.signatures
      .filter((s) => s.role === slot)
      .map((s) => ({
        label,
        text: signatureText(s, credential(officers, s.name)),
        image: s.imagePng ? Buffer.from(s.imagePng) : null,
      }));
    switch (slot) {
      case 'party':
        if (record?.partySignature === 'not_required' && signed.length === 0) return [];
        if (record?.partySignature === 'refused')
          return [{ label, text: `当事人拒绝签名：${record.refusalReason ?? ''}`, image: null }];
        break;
      case 'officer': {
        // Officers of the record who have not signed yet get a line each, to sign on paper.
        const unsigned = officers
          .filter((o) => !input.signatures.some((s) => s.role === 'officer' && s.name === o.name))
          .map((o) => ({
            label,
            text: `${o.name}${o.credentialNumber ? ` 执法证号 ${o.credentialNumber}` : ''}${SPACE}${BLANK}`,
            image: null,
          }));

        return [...signed, ...unsigned].length > 0 ? [...signed, ...unsigned] : [{ label, text: BLANK, image: null }];
      }
      case 'witness': {
        const unsigned = (record?.witnesses ?? [])
          .filter((w) => !input.signatures.some((s) => s.role === 'witness' && s.name === w.name))
          .map((w) => ({ label, text: `${w.name}${SPACE}${BLANK}`, image: null }));

        return [...signed, ...unsigned];
      }
      case 'approver':
        // Approvals are printed in the approval rows; only separate approver signatures get a line.
        return signed;
      default:
        break;
    }

    return signed.length > 0 ? signed : [{ label, text: BLANK, image: null }];
  });
};

/** Approval rows of a form: each catalog step with the approval given under its label, or blank to fill in. */
const approvalRows = (template: DocumentTemplate, input: DocumentInput): ModelRow[] => {
  if (!template.recordKind || !input.record) return [];
  const steps = RECORD_KINDS[template.recordKind].approvalSteps;
  const approvals = input.record.approvals;
  const printed = (a: (typeof approvals)[number]): string =>
    `${a.opinion}${a.decision === 'returned' ? '（退回）' : ''}\n签名：${a.name}${SPACE}${chineseDateTime(a.at)}`;
  const rows: ModelRow[] = steps.map((step) => {
    const approval = approvals.find((a) => a.label === step.label);

    return { label: step.label, value: approval ? printed(approval) : BLANK };
  });
  const extra = approvals.filter((a) => !steps.some((s) => s.label === a.label));

  return [...rows, ...extra.map((a) => ({ label: a.label, value: printed(a) }))];
};

/** The people and place of a record, printed at the top of a form (笔录 names its officers and their credentials). */
const recordRows = (template: DocumentTemplate, input: DocumentInput): ModelRow[] => {
  const record = input.record;
  if (!record) return [];
  const names = new Set(template.sections.flatMap((s) => s.fields));
  const rows: ModelRow[] = [];
  if (record.place && !names.has('place')) rows.push({ label: '地点', value: record.place });
  if (record.officers.length > 0)
    rows.push({
      label: '执法人员及执法证号',
      value: record.officers
        .map((o) => (o.credentialNumber ? `${o.name}（${o.credentialNumber}）` : o.name))
        .join('、'),
    });
  if (record.witnesses.length > 0)
    rows.push({ label: '见证人', value: record.witnesses.map((w) => w.name).join('、') });

  return rows;
};

const catalogueBlocks = (input: DocumentInput): ModelBlock[] => {
  const items = input.items;
  if (!items || items.length === 0) throw incomplete('items', '卷内文件');
  let page = 1;
  const rows = items.map((item) => {
    const first = page;
    page += Math.max(item.pages, 1);
    const range = item.pages > 1 ? `${first}—${page - 1}` : String(first);

    return [String(item.seq), item.title, item.documentNumber ?? '', chineseDate(item.date), range, item.note ?? ''];
  });

  return [
    {
      kind: 'grid',
      header: ['序号', '题名', '文号', '日期', '页号', '备注'],
      widths: [0.07, 0.28, 0.25, 0.19, 0.09, 0.12],
      rows,
    },
  ];
};

const notesBlocks = (input: DocumentInput): ModelBlock[] => {
  const notes = input.notes;
  if (!notes) throw incomplete('notes', '备考表内容');
  const statement = `本卷共有文件材料${notes.itemCount}件，共${notes.pageCount}页。`;

  return [
    {
      kind: 'rows',
      rows: [
        { label: '本卷情况说明', value: notes.remarks ? `${statement}\n${notes.remarks}` : statement },
        { label: '立卷人', value: notes.archivist },
        { label: '检查人', value: notes.checker ?? '' },
        { label: '立卷时间', value: chineseDate(notes.archivedOn) },
      ],
    },
  ];
};

/** Record content blocks: a notice prints headings and 「标签：值」 paragraphs; a form prints one table. */
const contentBlocks = (template: DocumentTemplate, input: DocumentInput): ModelBlock[] => {
  const content = input.record?.content ?? {};
  if (template.layout === 'form') {
    const rows = [
      ...recordRows(template, input),
      ...template.sections.flatMap((s) => fieldRows(template, content, s.fields)),
      ...approvalRows(template, input),
    ];

    return [{ kind: 'rows', rows }];
  }

  return template.sections.flatMap((section): ModelBlock[] => {
    const rows = fieldRows(template, content, section.fields);
    if (rows.length === 0 && !section.lead) return [];
    const paragraphs = rows.flatMap((row): ModelBlock[] => {
      const [first = '', ...rest] = row.value.split('\n');

      return [
        { kind: 'paragraph', text: `${row.label}：${first}` },
        ...rest.filter((line) => line.trim() !== '').map((line): ModelBlock => ({ kind: 'paragraph', text: line })),
      ];
    });

    return [
      ...(section.heading ? [{ kind: 'heading', text: section.heading } as const] : []),
      ...(section.lead ? [{ kind: 'paragraph', text: section.lead } as const] : []),
      ...paragraphs,
    ];
  });
};

/**
 * The model of one document, after checking it is complete (DOCUMENT_NOT_AVAILABLE for an unknown template or a
 * record of another kind, DOCUMENT_INCOMPLETE naming each missing element).
 */
export const buildDocumentModel = (input: DocumentInput): DocumentModel => {
  const { templateId, record } = input;
  if (!isDocumentTemplateId(templateId)) throw new DomainError('DOCUMENT_NOT_AVAILABLE', { templateId });
  const template: DocumentTemplate = DOCUMENT_TEMPLATES[templateId];
  if (template.recordKind !== null) {
    if (!record) throw incomplete('record', '记录');
    if (record.kind !== template.recordKind)
      throw new DomainError('DOCUMENT_NOT_AVAILABLE', { templateId, recordKind: record.kind });
    assertDocumentComplete({ templateId, content: record.content });
  }
  const content = record?.content ?? {};
  const blocks =
    templateId === 'case_file_catalogue'
      ? catalogueBlocks(input)
      : templateId === 'case_file_notes'
        ? notesBlocks(input)
        : contentBlocks(template, input);
  const sealAgency = template.seal?.agencyField ? text(content[template.seal.agencyField]) : '';
  const sealDate = template.seal?.dateField ? text(content[template.seal.dateField]) : '';
  const isNotice = template.layout === 'notice';

  return {
    templateId,
    layout: template.layout,
    agencyName: input.agency.name,
    title: template.title,
    number: template.numberPrefix && input.documentNumber ? input.documentNumber : null,
    caseNumber: input.caseNumber,
    addressee: template.addresseeField ? text(content[template.addresseeField]) || null : null,
    blocks,
    closing: template.closing ?? null,
    seal: isNotice
      ? { agency: sealAgency || input.agency.name, date: chineseDate((sealDate || input.generatedOn).slice(0, 10)) }
      : null,
    signatures: signatureLines(template, input),
    generatedOn: input.generatedOn,
  };
};
