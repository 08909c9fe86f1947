import { cite, type Citation } from '../procedures/citation';
import { RECORD_KINDS } from '../records/catalog';
import { RECORD_KIND_IDS, isRecordKindId, type RecordKindDefinition, type RecordKindId } from '../records/record-kinds';

// DOC-2: the standard-format documents (格式文书) as data. Every record kind has a document: the twenty of DOC-2
// have a layout of their own (sections, number prefix, signature slots); the other kinds use the generic layout
// driven by their catalog fields. The case file's 卷内目录 and 备考表 are made from the case-file items, not a record.

export const CASE_FILE_TEMPLATE_IDS = ['case_file_catalogue', 'case_file_notes'] as const;
export type CaseFileTemplateId = (typeof CASE_FILE_TEMPLATE_IDS)[number];
export type DocumentTemplateId = RecordKindId | CaseFileTemplateId;
export const DOCUMENT_TEMPLATE_IDS: readonly DocumentTemplateId[] = [...RECORD_KIND_IDS, ...CASE_FILE_TEMPLATE_IDS];

export const SIGNATURE_SLOTS = ['officer', 'party', 'witness', 'server', 'recipient', 'reviewer', 'approver'] as const;
export type SignatureSlot = (typeof SIGNATURE_SLOTS)[number];

/** The printed label of each signature slot. */
export const SIGNATURE_SLOT_LABELS: { readonly [K in SignatureSlot]: string } = {
  officer: '执法人员',
  party: '当事人',
  witness: '见证人',
  server: '送达人',
  recipient: '受送达人（签收人）',
  reviewer: '审核人',
  approver: '审批人',
};

/** A run of fields under an optional heading; `lead` is fixed text printed before the fields. */
export type DocumentSection = { heading: string | null; lead?: string; fields: readonly string[] };

export type DocumentTemplate = {
  id: DocumentTemplateId;
  title: string;
  recordKind: RecordKindId | null;
  /** notice (书): prose paragraphs addressed to the party; form (表/笔录): a bordered table of label/value rows. */
  layout: 'notice' | 'form';
  /** Number prefix of the agency's register, e.g. 罚决字 in 示住建罚决字〔2026〕12号. */
  numberPrefix?: string;
  /** Notice layout: the field whose value is the salutation line (「当事人名称：」). */
  addresseeField?: string;
  sections: readonly DocumentSection[];
  /** Fields that must be non-empty to generate (a field shown only under a condition counts only when shown). */
  requiredFields: readonly string[];
  signatureSlots: readonly SignatureSlot[];
  citations: readonly Citation[];
  /** Fixed closing sentence of a notice, e.g. 特此通知。 */
  closing?: string;
  /** Fields printed in the seal area (agency name and date) instead of the body. */
  seal?: { agencyField?: string; dateField?: string };
  /** True for the DOC-2 documents with a layout of their own; false for the generic layout of a record kind. */
  isStandard: boolean;
};

// A numbered document prints its own number under the title (input.documentNumber), not as a body field; other
// documentNumber fields (the number of the document served, signed off, …) stay in the body.
const OWN_NUMBER = 'documentNumber';

const fieldNames = (kind: RecordKindDefinition, omit: readonly string[] = []): string[] =>
  kind.fields.map((f) => f.name).filter((name) => !omit.includes(name));

const requiredOf = (kind: RecordKindDefinition, isNumbered: boolean): string[] =>
  kind.fields.filter((f) => f.isRequired && !(isNumbered && f.name === OWN_NUMBER)).map((f) => f.name);

const defaultSlots = (kind: RecordKindDefinition): SignatureSlot[] => [
  'officer',
  ...(kind.partySignature === 'required' ? (['party'] as const) : []),
  ...(kind.witnesses === 'none' ? [] : (['witness'] as const)),
  ...(kind.approvalSteps.length > 0 ? (['approver'] as const) : []),
];

type Overrides = Partial<Omit<DocumentTemplate, 'id' | 'recordKind' | 'isStandard'>>;

const fromKind = (id: RecordKindId, isStandard: boolean, overrides: Overrides = {}): DocumentTemplate => {
  const kind = RECORD_KINDS[id];
  const seal = overrides.seal;
  const isNumbered = overrides.numberPrefix !== undefined;
  const omit = [seal?.agencyField, seal?.dateField, isNumbered ? OWN_NUMBER : undefined].filter(
    (f): f is string => f !== undefined,
  );

  return {
    id,
    title: kind.name,
    recordKind: id,
    layout: 'form',
    sections: [{ heading: null, fields: fieldNames(kind, omit) }],
    requiredFields: requiredOf(kind, isNumbered),
    signatureSlots: defaultSlots(kind),
    citations: kind.citations,
    isStandard,
    ...overrides,
  };
};

/**
 * A notice addressed to the party named by `addressee`; its issue date (when it has one) goes to the seal area,
 * otherwise the seal area carries the date the document is generated.
 */
const notice = (
  id: RecordKindId,
  numberPrefix: string,
  addressee: string,
  dateField: string | null,
  extra: Overrides = {},
): DocumentTemplate =>
  fromKind(id, true, {
    layout: 'notice',
    numberPrefix,
    addresseeField: addressee,
    sections: [{ heading: null, fields: fieldNames(RECORD_KINDS[id], [addressee, OWN_NUMBER, dateField ?? '']) }],
    seal: dateField ? { dateField } : {},
    ...extra,
  });

const STANDARD: { readonly [K in RecordKindId]?: DocumentTemplate } = {
  filing_approval: fromKind('filing_approval', true),
  questioning_record: fromKind('questioning_record', true),
  inspection_record: fromKind('inspection_record', true),
  sampling_notice: notice('sampling_notice', '抽样字', 'party', null, {
    closing: '请对抽取的样品及物品清单予以核对确认。',
  }),
  evidence_preservation_notice: notice('evidence_preservation_notice', '登保字', 'party', 'preservedOn', {
    closing: '在登记保存期间，当事人或者有关人员不得销毁或者转移证据。',
  }),
  evidence_call_up_notice: notice('evidence_call_up_notice', '调证字', 'recipient', null, {
    closing: '请按上述期限和地点提供证据。',
  }),
  sealing_seizure_decision: notice('sealing_seizure_decision', '封扣字', 'party', 'decidedOn'),
  rights_notice: notice('rights_notice', '权告字', 'party', null, { closing: '特此告知。' }),
  advance_notice: notice('advance_notice', '罚告字', 'party', 'issuedOn', {
    sections: [
      { heading: null, fields: ['partyAddress'] },
      { heading: '一、拟处罚的违法事实、理由和依据', fields: ['facts', 'reasons', 'legalBasis'] },
      { heading: '二、拟作出的行政处罚', fields: ['proposedPenalty'] },
      {
        heading: '三、当事人依法享有的权利',
        fields: [
          'isHearingApplicable',
          'rightsNotified',
          'rightsNoticeMethod',
          'statementMethods',
          'statementDeadlineDays',
          'hearingRequestNote',
          'contact',
        ],
      },
    ],
    closing: '逾期未提出陈述、申辩或者听证申请的，视为放弃上述权利。',
  }),
  hearing_notice: notice('hearing_notice', '听通字', 'party', 'issuedOn', { closing: '特此通知。' }),
  statement_defence_record: fromKind('statement_defence_record', true),
  hearing_record: fromKind('hearing_record', true),
  investigation_report: fromKind('investigation_report', true),
  legal_review_opinion: fromKind('legal_review_opinion', true, {
    numberPrefix: '法审字',
    signatureSlots: ['reviewer'],
  }),
  collective_discussion_record: fromKind('collective_discussion_record', true),
  // 行政处罚法 第五十九条: the decision states (一) the party, (二) the facts and evidence, (三) the kind and basis of
  // the penalty, (四) the manner and time limit of performance, (五) the remedies and their time limits, (六) the
  // agency and the date. Each is required: the document is not generated without it.
  penalty_decision: fromKind('penalty_decision', true, {
    layout: 'notice',
    numberPrefix: '罚决字',
    addresseeField: 'party',
    sections: [
      { heading: null, fields: ['partyAddress', 'partyIdentifier'] },
      { heading: '一、违法事实和证据', fields: ['factsAndEvidence'] },
      { heading: '二、理由', fields: ['reasons'] },
      { heading: '三、违反的法律条款和处罚依据', fields: ['violatedProvisions', 'penaltyBasis'] },
      {
        heading: '四、处罚决定',
        lead: '本机关依据上述事实和法律规定，决定给予当事人如下行政处罚：',
        fields: ['penaltyKinds', 'penaltyContent', 'fineAmount', 'illegalGainsAmount'],
      },
      { heading: '五、履行方式和期限', fields: ['performanceMethod', 'performanceDeadline', 'defaultConsequences'] },
      { heading: '六、救济途径和期限', fields: ['reconsiderationBody', 'litigationCourt', 'remedies'] },
    ],
    requiredFields: [
      'party',
      'partyAddress',
      'factsAndEvidence',
      'reasons',
      'violatedProvisions',
      'penaltyBasis',
      'penaltyKinds',
      'penaltyContent',
      'performanceMethod',
      'performanceDeadline',
      'reconsiderationBody',
      'litigationCourt',
      'remedies',
      'agencyName',
      'decidedOn',
    ],
    signatureSlots: ['officer'],
    seal: { agencyField: 'agencyName', dateField: 'decidedOn' },
  }),
  order_to_correct: notice('order_to_correct', '责改字', 'party', 'issuedOn', {
    closing: '逾期不改正的，本机关将依法处理。',
  }),
  service_receipt: fromKind('service_receipt', true, { signatureSlots: ['server', 'recipient', 'witness'] }),
  demand_notice: notice('demand_notice', '催告字', 'party', 'issuedOn', {
    closing: '当事人收到本催告书后有权进行陈述和申辩。逾期仍不履行的，本机关将依法申请人民法院强制执行。',
  }),
  closing_approval: fromKind('closing_approval', true),
};

// Generic documents of the other kinds: a 书 addressed to someone is a notice; the rest are forms.
const GENERIC_NOTICES: { readonly [K in RecordKindId]?: readonly [prefix: string, addressee: string, date: string] } = {
  missing_materials_notice: ['补正字', 'applicant', 'notifiedOn'],
  licensing_decision: ['许决字', 'applicant', 'decidedOn'],
  compulsion_release_decision: ['解封字', 'party', 'releasedOn'],
  court_enforcement_application: ['执申字', 'court', 'appliedOn'],
};

const forKind = (id: RecordKindId): DocumentTemplate => {
  const standard = STANDARD[id];
  if (standard) return standard;
  const generic = GENERIC_NOTICES[id];

  return generic ? { ...notice(id, ...generic), isStandard: false } : fromKind(id, false);
};

const ARCHIVE_CITATIONS = [cite('S2', '第八条')];

export const DOCUMENT_TEMPLATES: { readonly [K in DocumentTemplateId]: DocumentTemplate & { readonly id: K } } = {
  ...(Object.fromEntries(RECORD_KIND_IDS.map((id) => [id, forKind(id)])) as {
    [K in RecordKindId]: DocumentTemplate & { id: K };
  }),
  case_file_catalogue: {
    id: 'case_file_catalogue',
    title: '卷内目录',
    recordKind: null,
    layout: 'form',
    sections: [],
    requiredFields: [],
    signatureSlots: [],
    citations: ARCHIVE_CITATIONS,
    isStandard: true,
  },
  case_file_notes: {
    id: 'case_file_notes',
    title: '备考表',
    recordKind: null,
    layout: 'form',
    sections: [],
    requiredFields: [],
    signatureSlots: [],
    citations: ARCHIVE_CITATIONS,
    isStandard: true,
  },
};

export const isDocumentTemplateId = (value: string): value is DocumentTemplateId =>
  Object.hasOwn(DOCUMENT_TEMPLATES, value);

/** The document of a record kind: every record kind has one (the generic form when DOC-2 names none); null for an
 * unknown kind. */
export const templateForRecordKind = (kind: string): DocumentTemplate | null =>
  isRecordKindId(kind) ? DOCUMENT_TEMPLATES[kind] : null;
