import { deflateSync } from 'node:zlib';
import {
  DOCUMENT_TEMPLATES,
  RECORD_KINDS,
  isFieldShown,
  type DocumentTemplateId,
  type FieldDefinition,
  type RecordKindId,
} from '@liuhen/domain';
import type { DocumentInput, DocumentSignature } from '../model';

// Test inputs for every document template: a housing-construction penalty case of 示范市住房和城乡建设局 (a party
// that built without a construction permit). The twenty DOC-2 documents have hand-written content; the other record
// kinds get sample content made from their catalog labels.

export const AGENCY = '示范市住房和城乡建设局';
export const CASE_NUMBER = '示住建罚〔2026〕12号';
export const PARTY = '示范市安居置业有限公司';
export const PARTY_ADDRESS = '示范市新城区九州路66号';
const SITE = '示范市新城区华山路与黄河路交叉口东北角“安居·华庭”3号楼施工现场';

const OFFICERS = [
  { name: '王建国', credentialNumber: '41060021001' },
  { name: '李明', credentialNumber: '41060021002' },
] as const;

// ——— a tiny PNG encoder, for a handwritten signature image ———

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;

  return c >>> 0;
});
const crc32 = (data: Buffer): number => {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);

  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));

  return Buffer.concat([length, body, crc]);
};

/** A 160×50 grey-scale PNG with a wavy pen stroke, standing in for a signature drawn on a tablet. */
export const signaturePng = (): Buffer => {
  const width = 160;
  const height = 50;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(width + 1, 255);
    row[0] = 0;
    for (let x = 0; x < width; x += 1) {
      const curve = 25 + 15 * Math.sin(x / 9) * Math.cos(x / 23);
      if (Math.abs(y - curve) < 2) row[x + 1] = 20;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grey-scale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

// ——— signatures ———

export const officerSignature = (name: string, fingerprint: string): DocumentSignature => ({
  role: 'officer',
  name,
  signedAt: '2026-03-16T09:30:00+08:00',
  method: 'electronic',
  imagePng: null,
  fingerprint,
});

const handwritten = (role: DocumentSignature['role'], name: string): DocumentSignature => ({
  role,
  name,
  signedAt: '2026-03-17T10:05:00+08:00',
  method: 'handwritten',
  imagePng: signaturePng(),
  fingerprint: null,
});

const FINGERPRINT_1 = '3f9a6c0d2b7e41a58c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d';
const FINGERPRINT_2 = 'a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';

// ——— content of the DOC-2 documents ———

const TRANSCRIPT = [
  '问：我们是示范市住房和城乡建设局的执法人员，这是我们的执法证件，请过目。你是否看清楚？',
  '答：看清楚了。',
  '问：“安居·华庭”3号楼是否已取得建筑工程施工许可证？',
  '答：还没有取得，施工许可证正在办理中，因为工期紧张，1月10日就先开工了。',
  '问：以上所说是否属实？',
  '答：属实。',
].join('\n');

export const PENALTY_DECISION_CONTENT = {
  documentNumber: '示住建罚决字〔2026〕12号',
  party: PARTY,
  partyAddress: PARTY_ADDRESS,
  partyIdentifier: '91410611MA9K2Q7L3C',
  factsAndEvidence:
    '经查，当事人作为建设单位，在未取得建筑工程施工许可证的情况下，于2026年1月10日擅自开工建设“安居·华庭”3号住宅楼项目，建筑面积12580平方米，工程合同价款360万元。至2026年2月26日检查时，该项目已施工至主体第五层。\n' +
    '上述事实有现场检查笔录及现场照片、对当事人项目负责人的询问笔录、建设工程施工合同复印件、当事人营业执照复印件等证据证实。',
  reasons:
    '当事人未取得施工许可证擅自施工，违法事实清楚，证据确凿。当事人在陈述申辩中称已申请办理施工许可证，经复核不构成不予处罚的法定情形，不予采纳；鉴于当事人积极配合调查并已停止施工，依照本机关行政处罚裁量基准，按工程合同价款的百分之一点四处以罚款。',
  violatedProvisions: '《中华人民共和国建筑法》第七条第一款',
  penaltyBasis:
    '《中华人民共和国建筑法》第六十四条；《建设工程质量管理条例》第五十七条：建设单位未取得施工许可证擅自施工的，责令停止施工，限期改正，处工程合同价款百分之一以上百分之二以下的罚款。',
  penaltyKinds: ['fine'],
  penaltyContent: '责令停止施工，限期改正，并处罚款人民币伍万元整。',
  fineAmount: '50000.00',
  performanceMethod: '持本决定书到中国建设银行示范分行各营业网点缴纳罚款，缴入示范市非税收入财政专户。',
  performanceDeadline: '自收到本决定书之日起十五日内',
  reconsiderationBody: '示范市人民政府',
  litigationCourt: '示范市新城区人民法院',
  remedies:
    '如不服本决定，可以在收到本决定书之日起六十日内向示范市人民政府申请行政复议，也可以在六个月内依法向示范市新城区人民法院提起行政诉讼。',
  defaultConsequences:
    '逾期不缴纳罚款的，每日按罚款数额的百分之三加处罚款；当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行的，本机关将依法申请人民法院强制执行。',
  agencyName: AGENCY,
  decidedOn: '2026-03-16',
};

const STANDARD_CONTENT: { readonly [K in RecordKindId]?: Record<string, unknown> } = {
  filing_approval: {
    caseSource: 'inspection',
    caseCause: '示范市安居置业有限公司未取得施工许可证擅自施工案',
    partySummary: `${PARTY}，统一社会信用代码91410611MA9K2Q7L3C，住所${PARTY_ADDRESS}，法定代表人张海涛。`,
    filingReason: '2026年2月26日日常巡查发现“安居·华庭”3号楼未取得施工许可证已开工建设。',
    violationSummary: '当事人未取得施工许可证，擅自开工建设“安居·华庭”3号楼，已施工至主体第五层。',
    legalBasis: '《中华人民共和国行政处罚法》第五十四条；《中华人民共和国建筑法》第六十四条',
    isMajorCase: false,
  },
  questioning_record: {
    startedAt: '2026-02-27T09:00:00+08:00',
    endedAt: '2026-02-27T10:10:00+08:00',
    place: '示范市住房和城乡建设局三楼询问室',
    intervieweeName: '陈志刚',
    intervieweeGender: 'male',
    intervieweeIdNumber: '410611198503120031',
    intervieweePhone: '13903920000',
    intervieweeWorkUnit: `${PARTY}项目负责人`,
    relationToParty: 'employee',
    recorder: '李明',
    rightsNotified: ['statement', 'defence', 'recusal'],
    rightsNoticeMethod: 'written_and_oral',
    isTruthfulnessDutyNotified: true,
    isRecusalRequested: false,
    transcript: TRANSCRIPT,
    isReadBackConfirmed: true,
  },
  inspection_record: {
    inspectionKind: 'inspection',
    startedAt: '2026-02-26T14:30:00+08:00',
    endedAt: '2026-02-26T15:40:00+08:00',
    place: SITE,
    inspectedParty: PARTY,
    presentPersons: '陈志刚（项目负责人）',
    findings:
      '现场正在进行主体第五层模板支设作业，现场未公示建筑工程施工许可证。\n项目负责人陈志刚称施工许可证尚未办理。',
    sceneMaterials: '现场拍摄照片12张，执法记录仪录像2段。',
    rightsNotified: ['statement', 'defence', 'recusal'],
    rightsNoticeMethod: 'oral',
    isReadBackConfirmed: true,
  },
  sampling_notice: {
    party: PARTY,
    sampledAt: '2026-02-26T15:00:00+08:00',
    place: SITE,
    legalBasis: '《中华人民共和国行政处罚法》第五十六条',
    items: '1. HRB400E热轧带肋钢筋Φ20，3根，每根长0.5米\n2. C30商品混凝土试块，1组3块',
    samplingMethod: '随机抽样',
    testingAgency: '示范市建设工程质量检测中心',
    sampleHandling: '样品当场封存，由双方签字确认后送检。',
  },
  evidence_call_up_notice: {
    recipient: PARTY,
    caseCause: '未取得施工许可证擅自施工案',
    legalBasis: '《中华人民共和国行政处罚法》第五十五条',
    evidenceForms: ['documentary'],
    evidenceRequested: '1. 建设工程施工合同\n2. 营业执照复印件\n3. 工程开工以来的施工日志',
    deliveryDeadline: '2026-03-03',
    deliveryPlace: '示范市住房和城乡建设局法规科（建设大道300号）',
    contact: '李明 0392-3300000',
  },
  evidence_preservation_notice: {
    party: PARTY,
    reason: '施工日志和监理日志可能被篡改或者销毁，以后难以取得。',
    legalBasis: '《中华人民共和国行政处罚法》第五十六条',
    items: '1. 施工日志2本\n2. 监理日志1本',
    storageMethod: 'agency_custody',
    storagePlace: '示范市住房和城乡建设局证据保管室',
    preservedOn: '2026-02-27',
    storageEndOn: '2026-03-05',
  },
  sealing_seizure_decision: {
    documentNumber: '示住建封扣字〔2026〕3号',
    measure: 'sealing',
    party: PARTY,
    partyAddress: PARTY_ADDRESS,
    reason: '当事人未取得施工许可证擅自施工，经责令停止施工后仍继续施工。',
    legalBasis: '《中华人民共和国行政强制法》第二十四条',
    items: '“安居·华庭”3号楼施工现场塔吊1台、施工电梯1部',
    startOn: '2026-02-28',
    termDays: 30,
    remedies:
      '如不服本决定，可以在收到本决定书之日起六十日内向示范市人民政府申请行政复议，也可以在六个月内依法向示范市新城区人民法院提起行政诉讼。',
    decidedOn: '2026-02-28',
  },
  rights_notice: {
    party: PARTY,
    noticeStage: 'investigation',
    notifiedAt: '2026-02-26T14:35:00+08:00',
    rightsNotified: ['statement', 'defence', 'recusal'],
    rightsNoticeMethod: 'written',
    noticeContent: '执法人员与当事人有直接利害关系的，当事人有权申请回避。',
    remediesNotified: '对行政处罚决定不服的，可以依法申请行政复议或者提起行政诉讼。',
  },
  advance_notice: {
    documentNumber: '示住建罚告字〔2026〕12号',
    party: PARTY,
    partyAddress: PARTY_ADDRESS,
    facts: '当事人未取得建筑工程施工许可证，于2026年1月10日擅自开工建设“安居·华庭”3号楼。',
    reasons: '当事人的行为违反了《中华人民共和国建筑法》第七条第一款的规定。',
    legalBasis: '《中华人民共和国建筑法》第六十四条；《建设工程质量管理条例》第五十七条',
    proposedPenalty: '责令停止施工，限期改正，处罚款人民币伍万元整。',
    isHearingApplicable: true,
    rightsNotified: ['statement', 'defence', 'hearing'],
    rightsNoticeMethod: 'written',
    statementMethods: ['written', 'oral'],
    statementDeadlineDays: 5,
    hearingRequestNote: '自收到本告知书之日起五日内向本机关书面或者口头提出听证申请',
    contact: '李明 0392-3300000',
    issuedOn: '2026-03-02',
  },
  hearing_notice: {
    procedure: 'penalty',
    documentNumber: '示住建听通字〔2026〕2号',
    party: PARTY,
    hearingAt: '2026-03-10T09:00:00+08:00',
    place: '示范市住房和城乡建设局五楼听证室',
    isPublic: true,
    host: '刘洋',
    hearingOfficers: '孙丽、周强',
    recorder: '吴敏',
    investigators: '王建国、李明',
    rightsNotified: ['statement', 'defence', 'recusal'],
    rightsNoticeMethod: 'written',
    attendanceNote: '当事人应当按时参加听证，无正当理由拒不出席的，视为放弃听证权利。',
    issuedOn: '2026-03-05',
  },
  statement_defence_record: {
    stage: 'before_penalty',
    recordedAt: '2026-03-04T10:00:00+08:00',
    place: '示范市住房和城乡建设局三楼询问室',
    speaker: '陈志刚（项目负责人，受当事人委托）',
    relationToParty: 'agent',
    method: 'oral',
    statements: '我公司已于2026年2月20日申请办理施工许可证，因工期紧张先行施工，请求从轻处罚。',
    reviewOpinion: '当事人所述不构成不予处罚的法定情形。',
    reviewOutcome: 'not_adopted',
  },
  hearing_record: {
    procedure: 'penalty',
    caseCause: '未取得施工许可证擅自施工案',
    startedAt: '2026-03-10T09:00:00+08:00',
    endedAt: '2026-03-10T10:30:00+08:00',
    place: '示范市住房和城乡建设局五楼听证室',
    isPublic: true,
    host: '刘洋',
    recorder: '吴敏',
    investigators: '王建国、李明',
    partyAttendees: '张海涛（法定代表人）、陈志刚（委托代理人）',
    isRecusalRequested: false,
    investigatorsCase: '调查人员陈述了当事人未取得施工许可证擅自施工的事实、证据和处罚建议。',
    partyDefence: '当事人对事实无异议，请求从轻处罚。',
    finalStatements: '请求从轻处罚。',
    isReadBackConfirmed: true,
  },
  investigation_report: {
    caseCause: '未取得施工许可证擅自施工案',
    partySummary: `${PARTY}，住所${PARTY_ADDRESS}，法定代表人张海涛。`,
    caseSource: 'inspection',
    investigationProcess: '2026年2月26日现场检查，2月27日询问项目负责人，调取施工合同等书证。',
    factsAndEvidence: '当事人未取得施工许可证擅自开工建设“安居·华庭”3号楼，有现场检查笔录、询问笔录等证据证实。',
    discretionFactors: '当事人积极配合调查，已停止施工。',
    proposedHandling: 'penalty',
    proposedPenalty: '责令停止施工，限期改正，处罚款人民币伍万元整。',
    handlingReasons: '违法事实清楚，证据确凿，适用法律正确。',
    legalBasis: '《中华人民共和国建筑法》第六十四条；《建设工程质量管理条例》第五十七条',
  },
  legal_review_opinion: {
    reviewers: '孙丽、周强',
    receivedOn: '2026-03-11',
    materialsReceived: ['investigation_report', 'draft_decision', 'basis_and_evidence'],
    pointsReviewed: ['subject', 'facts', 'procedure', 'law'],
    conclusion: 'approve',
    reviewOpinion: '主体合法，事实清楚，证据确凿，程序合法，适用法律正确，裁量适当，同意作出行政处罚决定。',
    reviewedOn: '2026-03-12',
  },
  collective_discussion_record: {
    meetingAt: '2026-03-13T15:00:00+08:00',
    place: '示范市住房和城乡建设局二楼会议室',
    host: '局长 赵国强',
    attendees: '赵国强、钱文、孙丽、王建国',
    recorder: '吴敏',
    caseSummary: '承办人汇报了案件事实、证据和拟处罚意见。',
    legalReviewConclusion: 'approve',
    discussionOpinions: '与会人员一致同意承办人的处罚意见。',
    conclusion: '同意给予当事人罚款人民币伍万元整的行政处罚。',
  },
  penalty_decision: PENALTY_DECISION_CONTENT,
  order_to_correct: {
    documentNumber: '示住建责改字〔2026〕7号',
    party: PARTY,
    problems: '“安居·华庭”3号楼未取得施工许可证擅自施工。',
    legalBasis: '《中华人民共和国建筑法》第六十四条',
    requirements: '立即停止施工，依法办理建筑工程施工许可证。',
    deadline: '2026-03-20',
    issuedOn: '2026-02-26',
  },
  service_receipt: {
    documentKind: 'penalty_decision',
    documentTitle: '行政处罚决定书',
    documentNumber: '示住建罚决字〔2026〕12号',
    recipient: PARTY,
    method: 'direct',
    serviceAddress: PARTY_ADDRESS,
    servedOn: '2026-03-17',
    signer: '陈志刚',
    signerRelation: 'organization_receiver',
  },
  demand_notice: {
    documentNumber: '示住建催告字〔2026〕4号',
    party: PARTY,
    partyAddress: PARTY_ADDRESS,
    decisionNumber: '示住建罚决字〔2026〕12号',
    obligation: '缴纳罚款人民币伍万元整。',
    deadline: '2026-05-10',
    performanceMethod: '到中国建设银行示范分行各营业网点缴纳。',
    isMonetary: true,
    amount: '50000.00',
    paymentMethod: '缴入示范市非税收入财政专户。',
    rightsNotified: ['statement', 'defence'],
    rightsNoticeMethod: 'written',
    issuedOn: '2026-04-30',
  },
  closing_approval: {
    caseCause: '未取得施工许可证擅自施工案',
    party: PARTY,
    closingReason: 'performed',
    closingReasonDetail: '当事人已于2026年3月25日缴纳罚款人民币伍万元整，并已办理施工许可证。',
    enforcementStatus: '行政处罚决定已履行完毕。',
  },
};

// ——— sample content of the other record kinds, made from their catalog labels ———

const sampleValue = (field: FieldDefinition): unknown => {
  switch (field.type) {
    case 'text':
      return `${field.label.replace(/（.*?）/g, '')}示例`;
    case 'textarea':
      return `${field.label.replace(/（.*?）/g, '')}第一项\n第二项`;
    case 'date':
      return '2026-03-05';
    case 'datetime':
      return '2026-03-05T09:30:00+08:00';
    case 'boolean':
      return true;
    case 'integer':
      return 3;
    case 'money':
      return '1200.50';
    case 'select':
      return field.options?.[0]?.value ?? '';
    case 'multiselect':
      return field.options?.slice(0, 2).map((o) => o.value) ?? [];
  }
};

const sampleContent = (kind: RecordKindId): Record<string, unknown> => {
  const content: Record<string, unknown> = {};
  for (const field of RECORD_KINDS[kind].fields) content[field.name] = sampleValue(field);
  for (const field of RECORD_KINDS[kind].fields) if (!isFieldShown(field, content)) delete content[field.name];

  return content;
};

export const contentFor = (kind: RecordKindId): Record<string, unknown> =>
  STANDARD_CONTENT[kind] ?? sampleContent(kind);

// ——— inputs ———

const documentNumberOf = (templateId: DocumentTemplateId, content: Record<string, unknown>): string | null => {
  const prefix = DOCUMENT_TEMPLATES[templateId].numberPrefix;
  if (!prefix) return null;

  return typeof content.documentNumber === 'string' ? content.documentNumber : `示住建${prefix}〔2026〕12号`;
};

const signaturesFor = (templateId: DocumentTemplateId, officers: readonly { name: string }[]): DocumentSignature[] => {
  const slots = DOCUMENT_TEMPLATES[templateId].signatureSlots;
  const fingerprints = [FINGERPRINT_1, FINGERPRINT_2];

  return [
    ...(slots.includes('officer') ? officers.map((o, i) => officerSignature(o.name, fingerprints[i % 2]!)) : []),
    ...(slots.includes('party') ? [handwritten('party', '张海涛')] : []),
    ...(slots.includes('server') ? [{ ...officerSignature('王建国', FINGERPRINT_1), role: 'server' as const }] : []),
    ...(slots.includes('recipient') ? [handwritten('recipient', '陈志刚')] : []),
    ...(slots.includes('reviewer') ? [{ ...officerSignature('孙丽', FINGERPRINT_2), role: 'reviewer' as const }] : []),
  ];
};

export const inputFor = (templateId: DocumentTemplateId): DocumentInput => {
  const base = {
    templateId,
    agency: { name: AGENCY },
    caseNumber: CASE_NUMBER,
    generatedOn: '2026-03-16',
  };
  if (templateId === 'case_file_catalogue')
    return {
      ...base,
      documentNumber: null,
      record: null,
      signatures: [],
      items: [
        { seq: 1, title: '立案审批表', documentNumber: null, date: '2026-02-26', pages: 1, note: null },
        {
          seq: 2,
          title: '现场检查（勘验）笔录',
          documentNumber: null,
          date: '2026-02-26',
          pages: 2,
          note: '附照片12张',
        },
        {
          seq: 3,
          title: '行政处罚事先告知书',
          documentNumber: '示住建罚告字〔2026〕12号',
          date: '2026-03-02',
          pages: 2,
          note: null,
        },
        {
          seq: 4,
          title: '行政处罚决定书',
          documentNumber: '示住建罚决字〔2026〕12号',
          date: '2026-03-16',
          pages: 3,
          note: null,
        },
        { seq: 5, title: '送达回证', documentNumber: null, date: '2026-03-17', pages: 1, note: null },
      ],
    };
  if (templateId === 'case_file_notes')
    return {
      ...base,
      documentNumber: null,
      record: null,
      signatures: [],
      notes: {
        itemCount: 5,
        pageCount: 9,
        archivist: '吴敏',
        checker: '孙丽',
        archivedOn: '2026-04-02',
        remarks: '现场执法记录仪录像2段另行存储于音像资料库。',
      },
    };
  const kind = DOCUMENT_TEMPLATES[templateId].recordKind!;
  const content = contentFor(kind);
  const definition = RECORD_KINDS[kind];
  const officers = definition.officers.min > 1 ? OFFICERS : [OFFICERS[0]];

  return {
    ...base,
    documentNumber: documentNumberOf(templateId, content),
    record: {
      kind,
      recordedAt: '2026-02-26T15:40:00+08:00',
      place: definition.officers.min > 1 ? SITE : null,
      content,
      officers,
      witnesses: definition.witnesses === 'none' ? [] : [{ name: '赵伟' }],
      partySignature: definition.partySignature === 'required' ? 'signed' : 'not_required',
      refusalReason: null,
      approvals: definition.approvalSteps.slice(0, 1).map((step) => ({
        label: step.label,
        opinion: '建议立案调查。',
        name: '王建国',
        at: '2026-02-26T16:00:00+08:00',
        decision: 'approved' as const,
      })),
    },
    signatures: signaturesFor(templateId, officers),
  };
};
