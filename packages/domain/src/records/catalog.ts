import { ENFORCEMENT_FIELDS } from '../review/major-catalog';
import { cite } from '../procedures/citation';
import type { ApprovalStepDefinition, FieldDefinition, RecordKindDefinition, RecordKindId } from './record-kinds';

// DOC-1, DOC-2: the text record kinds as data. `fields` hold the form's own content; the officers who made the
// record (names, credential numbers, whether shown), the signatures and the witnesses are attached to the record
// itself as `officers`, `partySignature` and `witnesses` require, so no form repeats them as free text.

type FieldExtras = Partial<Pick<FieldDefinition, 'isRequired' | 'maxLength' | 'showWhen' | 'help'>>;
type Options = NonNullable<FieldDefinition['options']>;

/** Single-line text; 200 characters unless a field says otherwise. */
const text = (name: string, label: string, extras: FieldExtras = {}): FieldDefinition => ({
  name,
  label,
  type: 'text',
  isRequired: true,
  maxLength: 200,
  ...extras,
});

/** Multi-line text; lists are entered one item per line. */
const textarea = (name: string, label: string, extras: FieldExtras = {}): FieldDefinition => ({
  name,
  label,
  type: 'textarea',
  isRequired: true,
  maxLength: 5000,
  ...extras,
});

const field =
  (type: 'date' | 'datetime' | 'boolean' | 'integer' | 'money') =>
  (name: string, label: string, extras: FieldExtras = {}): FieldDefinition => ({
    name,
    label,
    type,
    isRequired: true,
    ...extras,
  });

const date = field('date');
const datetime = field('datetime');
const flag = field('boolean');
const integer = field('integer');
const money = field('money');

const select = (name: string, label: string, options: Options, extras: FieldExtras = {}): FieldDefinition => ({
  name,
  label,
  type: 'select',
  isRequired: true,
  options,
  ...extras,
});

const multiselect = (name: string, label: string, options: Options, extras: FieldExtras = {}): FieldDefinition => ({
  name,
  label,
  type: 'multiselect',
  isRequired: true,
  options,
  ...extras,
});

/** Option list from value → label pairs, in display order. */
const options = (pairs: Record<string, string>): Options =>
  Object.entries(pairs).map(([value, label]) => ({ value, label }));

const OPTIONAL = { isRequired: false } as const;
const LONG = 20000;

const when = (controller: string, ...equals: (string | boolean)[]): FieldExtras => ({
  showWhen: { field: controller, equals },
});

const step = (
  role: ApprovalStepDefinition['role'],
  label: string,
  citation: ApprovalStepDefinition['citation'],
  isOnlyForMajorCases?: boolean,
): ApprovalStepDefinition =>
  isOnlyForMajorCases ? { role, label, citation, isOnlyForMajorCases } : { role, label, citation };

// ORG-3 (S2 §5, S4 §13, §41, 行政处罚法 第四十二条): field work is done by two or more officers who show credentials.
const FIELD_OFFICERS = { min: 2, isCredentialShownRecorded: true } as const;
// Internal, drafting and issued documents are made by at least one named officer; no credential is shown to anyone.
const DESK_OFFICERS = { min: 1, isCredentialShownRecorded: false } as const;
const NO_APPROVAL: readonly ApprovalStepDefinition[] = [];

// PROC-6 (S4 §14, §42, S1 §17): the rights a party may be told of, and how it was told.
export const PARTY_RIGHTS = options({ statement: '陈述', defence: '申辩', recusal: '申请回避', hearing: '申请听证' });
export const RIGHTS_NOTICE_METHODS = options({
  written: '书面告知',
  oral: '口头告知并记录在案',
  written_and_oral: '书面和口头告知',
});

const rightsNotified = (extras: FieldExtras = {}): FieldDefinition =>
  multiselect('rightsNotified', '告知的权利', PARTY_RIGHTS, extras);
const rightsNoticeMethod = (): FieldDefinition => select('rightsNoticeMethod', '告知方式', RIGHTS_NOTICE_METHODS);

const RELATION_TO_PARTY = options({
  party: '当事人本人',
  legal_representative: '法定代表人（负责人）',
  employee: '当事人的工作人员',
  agent: '委托代理人',
  witness: '证人',
  other: '其他',
});

// Same values as CASE_SOURCES (S4 §9-12), with the form's labels.
const CASE_SOURCE_OPTIONS = options({
  complaint: '举报投诉',
  inspection: '检查发现',
  transfer: '上级交办或其他部门移送',
  own_initiative: '依职权发现',
});

// S3 附件3 §4: the seven grounds that make a decision major (REVIEW-1).
const MAJOR_CASE_GROUNDS = options({
  public_interest: '涉及重大公共利益',
  social_impact: '可能造成重大社会影响或引发社会风险',
  major_rights: '直接关系行政相对人或第三人重大权益',
  hearing_held: '需经过听证程序作出决定',
  complex: '案件疑难复杂、涉及多个法律关系',
  required_by_law: '法律、法规、规章规定应当进行法制审核',
  other: '其他需要进行法制审核的情形',
});

// PROC-5 (S3 附件2 §8-9): the compulsory acts this platform records.
const COMPULSION_MEASURES = options({
  site_sealing: '查封施工现场',
  sealing: '查封场所、设施或者财物',
  seizure: '扣押财物',
  forced_demolition: '强制拆除违法建筑',
  confiscated_goods_disposal: '罚没物品处置',
});

// REVIEW-3 (S3 附件3): the four written opinions of the legal reviewer.
const LEGAL_REVIEW_CONCLUSIONS = options({
  approve: '同意',
  correct: '纠正',
  do_not_decide: '不予作出',
  transfer: '移送司法机关',
});

// 行政处罚法 第九条 kinds; administrative detention is left out because only public security may impose it.
export const PENALTY_KINDS = options({
  warning: '警告',
  notice_of_criticism: '通报批评',
  fine: '罚款',
  confiscation_of_illegal_gains: '没收违法所得',
  confiscation_of_property: '没收非法财物',
  suspend_permit: '暂扣许可证件',
  lower_qualification: '降低资质等级',
  revoke_permit: '吊销许可证件',
  limit_activities: '限制开展生产经营活动',
  suspend_business: '责令停产停业',
  close: '责令关闭',
  restrict_employment: '限制从业',
  other: '法律、行政法规规定的其他行政处罚',
});

// REVIEW-1: the fields a catalog entry of major decisions may name, as the catalog's data has them.
const ENFORCEMENT_FIELD_OPTIONS: Options = ENFORCEMENT_FIELDS;

const PROCEDURE_OF_HEARING = options({ penalty: '行政处罚', licensing: '行政许可' });

const REMEDIES_HELP = '如：自收到本决定书之日起六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼';
const LIST_HELP = '每行一项';

type Catalog = { readonly [K in RecordKindId]: RecordKindDefinition & { readonly id: K } };

export const RECORD_KINDS = {
  // ——— 案件来源 / acceptance ———
  complaint_registration: {
    id: 'complaint_registration',
    name: '举报登记表',
    citations: [cite('S4', '第九条'), cite('S2', '第八条')],
    fields: [
      datetime('receivedAt', '举报时间'),
      select(
        'reportChannel',
        '举报方式',
        options({
          visit: '来访',
          phone: '电话',
          letter: '信函',
          online: '网络',
          hotline: '政务服务便民热线转办',
          other: '其他',
        }),
      ),
      text('complainantName', '举报人姓名', { ...OPTIONAL, maxLength: 100, help: '匿名举报可不填' }),
      text('complainantContact', '举报人联系方式', { ...OPTIONAL, maxLength: 100 }),
      text('reportedParty', '被举报人', OPTIONAL),
      text('reportedPlace', '违法行为发生地点', OPTIONAL),
      textarea('reportContent', '举报内容'),
      select('decision', '受理情况', options({ accept: '受理', reject: '不予受理' })),
      textarea('rejectionReason', '不予受理理由', when('decision', 'reject')),
      textarea('handlingOpinion', '处理意见', OPTIONAL),
    ],
    officers: DESK_OFFICERS,
    // The complainant is not the party; the registration is the agency's own record.
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  case_transfer_record: {
    id: 'case_transfer_record',
    name: '案件移送（交办）登记表',
    citations: [cite('S4', '第十一条')],
    fields: [
      select(
        'transferType',
        '来源',
        options({ assigned_from_above: '上级机关交办', transferred_by_other_body: '其他部门移送' }),
      ),
      text('transferringBody', '移送（交办）单位'),
      text('transferDocumentNumber', '移送（交办）文书文号', OPTIONAL),
      date('receivedOn', '接收日期'),
      textarea('matter', '移送（交办）的违法违规问题'),
      textarea('materials', '随附材料清单', { ...OPTIONAL, help: LIST_HELP }),
      textarea('handlingOpinion', '接收处理意见', OPTIONAL),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  application_acceptance: {
    id: 'application_acceptance',
    name: '行政许可申请受理记录',
    citations: [cite('S1', '第七条'), cite('S1', '第八条'), cite('S1', '第九条'), cite('行政许可法', '第三十二条')],
    fields: [
      text('applicant', '申请人'),
      text('applicationItem', '申请事项'),
      select('applicationChannel', '申请方式', options({ window: '窗口申请', online: '网上申请', mail: '信函申请' })),
      datetime('receivedAt', '收到申请材料时间'),
      textarea('materialsReceived', '收到的申请材料', { help: LIST_HELP }),
      textarea('onSiteCorrections', '当场更正申请材料错误的情况', OPTIONAL),
      select(
        'outcome',
        '受理情况',
        options({ accepted: '予以受理', corrections_needed: '材料不齐全，一次性告知补正', rejected: '不予受理' }),
      ),
      textarea('rejectionReason', '不予受理理由及告知事项', when('outcome', 'rejected')),
      text('receiptNumber', '书面凭证（回执）编号', {
        help: '行政许可法第三十二条：出具加盖专用印章和注明日期的书面凭证',
      }),
      // S1 §8: online applications keep the system's operation data as their record.
      flag('isOperationDataKept', '已保留网上申请系统操作数据', when('applicationChannel', 'online')),
      text('decisionTimeLimitNotified', '书面告知的决定时限', {
        ...OPTIONAL,
        help: 'S1 第九条：情况复杂不能当场作出决定的，书面告知作出决定的时限',
      }),
    ],
    officers: DESK_OFFICERS,
    // The agency issues a sealed receipt; online applications have nobody at a counter to sign.
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  missing_materials_notice: {
    id: 'missing_materials_notice',
    name: '行政许可申请材料补正告知书',
    citations: [cite('行政许可法', '第三十二条'), cite('S1', '第七条')],
    fields: [
      text('applicant', '申请人'),
      text('applicationItem', '申请事项'),
      date('materialsReceivedOn', '收到申请材料日期'),
      textarea('missingItems', '需要补正的全部内容', { help: LIST_HELP }),
      select(
        'noticeMethod',
        '告知方式',
        options({ on_the_spot: '当场一次性告知', within_five_days: '收到材料后五日内一次性告知' }),
      ),
      date('notifiedOn', '告知日期'),
    ],
    officers: DESK_OFFICERS,
    // The applicant signs for the one-time notice: without it the application counts as accepted (第三十二条).
    partySignature: 'required',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },

  // ——— 立案 and approvals ———
  filing_approval: {
    id: 'filing_approval',
    name: '立案审批表',
    citations: [cite('S4', '第十二条'), cite('S2', '第八条'), cite('行政处罚法', '第五十四条')],
    fields: [
      select('caseSource', '案件来源', CASE_SOURCE_OPTIONS),
      text('caseCause', '案由'),
      textarea('partySummary', '当事人基本情况'),
      textarea('filingReason', '立案原因'),
      textarea('violationSummary', '违法事实摘要'),
      textarea('legalBasis', '法律依据'),
      flag('isMajorCase', '是否重大案件'),
      multiselect('majorCaseGrounds', '重大案件情形', MAJOR_CASE_GROUNDS, when('isMajorCase', true)),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: [
      step('lead_officer', '承办人意见', cite('S4', '第十二条')),
      step('section_head', '承办股室意见', cite('S4', '第十二条')),
      step('legal_reviewer', '法制股室合法性审查意见', cite('S4', '第十二条'), true),
      step('agency_head', '行政机关负责人意见', cite('S4', '第十二条')),
    ],
  },
  compulsion_approval: {
    id: 'compulsion_approval',
    name: '行政强制措施审批表',
    citations: [cite('行政强制法', '第十八条'), cite('行政强制法', '第十九条'), cite('S2', '第八条')],
    fields: [
      select('measureType', '强制措施种类', COMPULSION_MEASURES),
      text('party', '当事人'),
      textarea('reason', '实施理由'),
      textarea('legalBasis', '法律依据'),
      textarea('targets', '拟实施对象（场所、设施或者财物）'),
      datetime('plannedAt', '拟实施时间', OPTIONAL),
      flag('isEmergency', '是否情况紧急、当场实施后补办批准'),
      // 行政强制法 第十九条: report to the head within 24 hours and obtain approval afterwards.
      datetime('actedAt', '当场实施时间', when('isEmergency', true)),
      datetime('emergencyReportedAt', '向机关负责人报告时间', when('isEmergency', true)),
      textarea('emergencyCircumstances', '紧急情况说明', when('isEmergency', true)),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    // 行政强制法 第十八条(一): the head approves beforehand; the section head's opinion is the internal routing.
    approvalSteps: [
      step('section_head', '科室负责人意见', cite('行政强制法', '第十八条')),
      step('agency_head', '机关负责人批准', cite('行政强制法', '第十八条')),
    ],
  },
  seizure_extension_approval: {
    id: 'seizure_extension_approval',
    name: '延长查封（扣押）期限审批表',
    citations: [cite('行政强制法', '第二十五条')],
    fields: [
      text('sealingDecisionNumber', '原查封（扣押）决定书文号'),
      text('party', '当事人'),
      date('originalStartOn', '查封（扣押）起始日期'),
      date('originalEndOn', '原期限届满日期'),
      textarea('extensionReason', '延长理由（情况复杂的具体情形）'),
      integer('extensionDays', '延长天数', { help: '不得超过三十日' }),
      date('extendedEndOn', '延长至'),
      textarea('excludedPeriods', '检测、检验、检疫或者技术鉴定期间（不计入查封扣押期限）', OPTIONAL),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: [step('agency_head', '行政机关负责人批准', cite('行政强制法', '第二十五条'))],
  },

  // ——— 调查取证 / field work ———
  questioning_record: {
    id: 'questioning_record',
    name: '询问笔录',
    citations: [
      cite('行政处罚法', '第五十五条'),
      cite('行政处罚法', '第四十三条'),
      cite('S4', '第十三条'),
      cite('S4', '第十五条'),
      cite('S2', '第八条'),
    ],
    fields: [
      datetime('startedAt', '询问开始时间'),
      datetime('endedAt', '询问结束时间'),
      text('place', '询问地点'),
      text('intervieweeName', '被询问人姓名', { maxLength: 100 }),
      select('intervieweeGender', '性别', options({ male: '男', female: '女' }), OPTIONAL),
      text('intervieweeIdNumber', '被询问人身份证件号码', { maxLength: 50 }),
      text('intervieweePhone', '联系电话', { ...OPTIONAL, maxLength: 50 }),
      text('intervieweeAddress', '住址', OPTIONAL),
      text('intervieweeWorkUnit', '工作单位及职务', OPTIONAL),
      select('relationToParty', '与当事人关系', RELATION_TO_PARTY),
      text('relationDetail', '与当事人关系说明', when('relationToParty', 'other')),
      text('recorder', '记录人', { maxLength: 100 }),
      rightsNotified({ help: '询问前告知申请回避的权利（行政处罚法第四十三条）' }),
      rightsNoticeMethod(),
      flag('isTruthfulnessDutyNotified', '已告知如实回答询问、协助调查的义务'),
      flag('isRecusalRequested', '被询问人是否申请回避'),
      textarea('recusalHandling', '回避申请及处理情况', when('isRecusalRequested', true)),
      textarea('transcript', '询问内容（问答）', { maxLength: LONG, help: '按“问：…… 答：……”逐条记录' }),
      flag('isReadBackConfirmed', '笔录已交被询问人核对或已向其宣读'),
    ],
    officers: FIELD_OFFICERS,
    partySignature: 'required',
    witnesses: 'optional',
    isRightsNoticeRecorded: true,
    approvalSteps: NO_APPROVAL,
  },
  inspection_record: {
    id: 'inspection_record',
    name: '现场检查（勘验）笔录',
    citations: [
      cite('行政处罚法', '第五十五条'),
      cite('S4', '第十三条'),
      cite('S4', '第十五条'),
      cite('S4', '第三十九条'),
      cite('S4', '第四十一条'),
      cite('S4', '第四十二条'),
      cite('S2', '第八条'),
    ],
    fields: [
      select('inspectionKind', '类别', options({ inspection: '现场检查', survey: '勘验' })),
      datetime('startedAt', '检查开始时间'),
      datetime('endedAt', '检查结束时间'),
      text('place', '检查地点'),
      text('inspectedParty', '被检查人（单位）'),
      textarea('presentPersons', '现场负责人及在场人员', { ...OPTIONAL, help: '姓名、身份或职务，每行一人' }),
      textarea('findings', '检查情况', { maxLength: LONG }),
      textarea('sceneMaterials', '现场图示、照片及音像记录情况', OPTIONAL),
      // S4 §42: rights told during a supervision inspection are recorded with their manner and content.
      rightsNotified(),
      rightsNoticeMethod(),
      flag('isReadBackConfirmed', '笔录已交当事人核对或已向其宣读'),
    ],
    officers: FIELD_OFFICERS,
    partySignature: 'required',
    witnesses: 'optional',
    isRightsNoticeRecorded: true,
    approvalSteps: NO_APPROVAL,
  },
  sampling_notice: {
    id: 'sampling_notice',
    name: '抽样取证通知书及物品清单',
    citations: [cite('行政处罚法', '第五十六条'), cite('S4', '第十五条'), cite('S4', '第十六条')],
    fields: [
      text('party', '被抽样人'),
      datetime('sampledAt', '抽样时间'),
      text('place', '抽样地点'),
      textarea('legalBasis', '抽样依据'),
      textarea('items', '抽样物品清单', { help: '每行一项：名称、规格型号、生产单位或批号、抽样数量、抽样基数' }),
      text('samplingMethod', '抽样方法', OPTIONAL),
      text('testingAgency', '检验（检测）机构', OPTIONAL),
      textarea('sampleHandling', '样品封存及送检情况', OPTIONAL),
    ],
    officers: FIELD_OFFICERS,
    partySignature: 'required',
    witnesses: 'optional',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  evidence_call_up_notice: {
    id: 'evidence_call_up_notice',
    name: '调取证据通知书',
    citations: [
      cite('行政处罚法', '第五十五条'),
      cite('S4', '第十五条'),
      cite('S4', '第三十九条'),
      cite('S2', '第十一条'),
    ],
    fields: [
      text('recipient', '被调取人（单位）'),
      text('caseCause', '案由'),
      textarea('legalBasis', '调取依据'),
      multiselect(
        'evidenceForms',
        '证据种类',
        options({ documentary: '书证', physical: '物证', audio_visual: '视听资料', electronic: '电子数据' }),
      ),
      textarea('evidenceRequested', '调取证据清单', { help: '每行一项：名称、数量、原件或复制件' }),
      date('deliveryDeadline', '提供证据期限'),
      text('deliveryPlace', '提供地点'),
      text('contact', '联系人及联系电话', OPTIONAL),
    ],
    officers: FIELD_OFFICERS,
    // The holder signs the list of what it handed over (S4 §15 last paragraph).
    partySignature: 'required',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  evidence_preservation_notice: {
    id: 'evidence_preservation_notice',
    name: '证据先行登记保存通知书及清单',
    citations: [
      cite('行政处罚法', '第五十六条'),
      cite('S4', '第十五条'),
      cite('S4', '第十七条'),
      cite('S3', '附件2 第八条'),
      cite('S2', '第八条'),
    ],
    fields: [
      text('party', '当事人'),
      textarea('reason', '先行登记保存理由（证据可能灭失或者以后难以取得的情形）'),
      textarea('legalBasis', '法律依据'),
      textarea('items', '保存物品清单', { help: '每行一项：名称、规格、数量、主要特征' }),
      select(
        'storageMethod',
        '保存方式',
        options({ on_site: '就地由当事人保存', agency_custody: '由执法机关异地保存' }),
      ),
      text('storagePlace', '保存地点'),
      date('preservedOn', '登记保存日期'),
      date('storageEndOn', '保存期限至', { help: '应当在七日内作出处理决定（行政处罚法第五十六条）' }),
    ],
    officers: FIELD_OFFICERS,
    partySignature: 'required',
    witnesses: 'optional',
    isRightsNoticeRecorded: false,
    approvalSteps: [step('agency_head', '行政机关负责人批准', cite('行政处罚法', '第五十六条'))],
  },
  sealing_seizure_decision: {
    id: 'sealing_seizure_decision',
    name: '查封（扣押）决定书及清单',
    citations: [
      cite('行政强制法', '第二十四条'),
      cite('行政强制法', '第二十五条'),
      cite('S3', '附件2 第八条'),
      cite('S3', '附件2 第九条'),
      cite('S2', '第八条'),
    ],
    fields: [
      text('documentNumber', '决定书文号'),
      select('measure', '措施', options({ sealing: '查封', seizure: '扣押' })),
      text('party', '当事人'),
      text('partyAddress', '当事人地址'),
      textarea('reason', '查封（扣押）理由'),
      textarea('legalBasis', '依据'),
      textarea('items', '查封（扣押）场所、设施或者财物清单', { help: '每行一项：名称、数量、规格、状况' }),
      text('storagePlace', '财物保管地点', OPTIONAL),
      date('startOn', '查封（扣押）起始日期'),
      integer('termDays', '期限（日）', { help: '不得超过三十日（行政强制法第二十五条）' }),
      textarea('remedies', '救济途径和期限', { help: REMEDIES_HELP }),
      date('decidedOn', '决定日期'),
    ],
    officers: FIELD_OFFICERS,
    // 行政强制法 第二十四条: the inventory is made in duplicate and kept by both sides, so the party signs it.
    partySignature: 'required',
    witnesses: 'optional',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  compulsion_site_record: {
    id: 'compulsion_site_record',
    name: '行政强制措施现场笔录',
    citations: [
      cite('行政强制法', '第十八条'),
      cite('S3', '附件2 第九条'),
      cite('S3', '附件2 第十一条'),
      cite('S2', '第八条'),
      cite('S2', '第十一条'),
    ],
    fields: [
      select('measureType', '强制措施种类', COMPULSION_MEASURES),
      datetime('startedAt', '实施开始时间'),
      datetime('endedAt', '实施结束时间'),
      text('place', '实施地点'),
      text('party', '当事人'),
      text('approvalReference', '批准情况', { help: '审批表编号，或紧急情况下报告及补办批准的情况' }),
      flag('isPartyPresent', '当事人是否到场'),
      // 行政强制法 第十八条(九): an absent party is replaced by a witness who signs the record.
      textarea('witnessDetails', '见证人（姓名、身份证件号码、工作单位）', when('isPartyPresent', false)),
      textarea('reasonAndBasisNotified', '当场告知的理由和依据'),
      rightsNotified(),
      rightsNoticeMethod(),
      textarea('remediesNotified', '告知的救济途径'),
      textarea('partyStatement', '当事人陈述和申辩', OPTIONAL),
      textarea('sceneBefore', '实施前现场情况（内部、外部）'),
      textarea('process', '实施过程', { maxLength: LONG }),
      textarea('sceneAfter', '实施后现场情况'),
      textarea('itemsHandled', '涉及物品的种类、数量、主要特征及搬离、保存情况', OPTIONAL),
      textarea('documentsPosted', '现场张贴、送达的文书', OPTIONAL),
      textarea('cooperation', '当事人及其他人员配合或抗拒执法情况', OPTIONAL),
      flag('isViolenceAnticipated', '是否为专项整治、强制拆除或预判可能暴力抗法的现场'),
      // S3 附件2 §11: such sites get a dedicated camera operator filming from several angles.
      text('dedicatedCameraOperator', '专人摄像人员', when('isViolenceAnticipated', true)),
      textarea('cameraAngles', '多角度拍摄安排（机位）', when('isViolenceAnticipated', true)),
    ],
    officers: FIELD_OFFICERS,
    partySignature: 'required',
    // Required only when the party is absent; witnessDetails enforces that case.
    witnesses: 'optional',
    isRightsNoticeRecorded: true,
    approvalSteps: NO_APPROVAL,
  },
  appraisal_opinion: {
    id: 'appraisal_opinion',
    name: '鉴定意见书',
    citations: [cite('S4', '第十五条'), cite('S2', '第八条'), cite('行政处罚法', '第四十六条')],
    fields: [
      text('appraisalBody', '鉴定机构'),
      textarea('appraisalMatter', '鉴定事项'),
      date('commissionedOn', '委托日期'),
      text('opinionNumber', '鉴定意见书编号'),
      date('issuedOn', '出具日期'),
      text('appraisers', '鉴定人', OPTIONAL),
      textarea('conclusion', '鉴定意见'),
    ],
    officers: DESK_OFFICERS,
    // S4 §15(七): the agency keeps the opinion the appraisal body signed; the party does not sign it.
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  refusal_record: {
    id: 'refusal_record',
    name: '拒绝接受调查（拒绝签字）情况记录',
    citations: [cite('S4', '第十五条'), cite('S4', '第三十九条'), cite('S1', '第十五条')],
    fields: [
      datetime('occurredAt', '发生时间'),
      text('place', '地点'),
      text('refusingPerson', '拒绝人（姓名、身份）'),
      select(
        'refusalKind',
        '拒绝情形',
        options({
          refuse_investigation: '拒绝接受调查或检查',
          refuse_evidence: '拒不提供证据',
          refuse_signature: '拒绝签字或盖章',
          obstruction: '阻挠执法',
          other: '其他',
        }),
      ),
      text('refusedDocument', '拒绝签字的文书', when('refusalKind', 'refuse_signature')),
      textarea('refusalDetail', '拒绝情况描述'),
      textarea('presentPersons', '在场人员', { help: '姓名、身份，每行一人' }),
    ],
    officers: FIELD_OFFICERS,
    // The record is the party's refusal itself; officers and those present sign it.
    partySignature: 'none',
    witnesses: 'optional',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  document_check_record: {
    id: 'document_check_record',
    name: '资料检查记录',
    citations: [cite('S4', '第三十九条'), cite('S4', '第四十一条')],
    fields: [
      datetime('checkedAt', '检查时间'),
      text('place', '检查地点'),
      text('inspectedParty', '被检查人（单位）'),
      textarea('documentsChecked', '检查的资料', { help: '每行一项：名称、份数、原件或复制件' }),
      textarea('findings', '资料检查情况'),
      flag('isEvidenceCalledUp', '是否调取书证、物证'),
      // S4 §39(三): a call-up of documents or objects also needs its own notice.
      text('callUpNoticeNumber', '调取证据通知书编号', when('isEvidenceCalledUp', true)),
    ],
    officers: FIELD_OFFICERS,
    partySignature: 'required',
    witnesses: 'optional',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  site_verification_record: {
    id: 'site_verification_record',
    name: '现场核查记录',
    citations: [
      cite('S1', '第十五条'),
      cite('S1', '第十七条'),
      cite('S1', '第十八条'),
      cite('行政许可法', '第三十四条'),
    ],
    fields: [
      datetime('startedAt', '核查开始时间'),
      datetime('endedAt', '核查结束时间'),
      text('place', '核查地点'),
      text('applicant', '申请人'),
      text('applicationItem', '许可事项'),
      textarea('verificationItems', '核查事项'),
      textarea('findings', '核查情况', { maxLength: LONG }),
      select('conclusion', '核查结论', options({ consistent: '符合', partly: '部分符合', inconsistent: '不符合' })),
      rightsNotified(),
      rightsNoticeMethod(),
      // S1 §17: the record also states the remedies the party was told of.
      textarea('remediesNotified', '告知的救济途径'),
    ],
    officers: FIELD_OFFICERS,
    partySignature: 'required',
    witnesses: 'optional',
    isRightsNoticeRecorded: true,
    approvalSteps: NO_APPROVAL,
  },
  investigation_report: {
    id: 'investigation_report',
    name: '案件调查终结报告',
    citations: [cite('S4', '第十八条'), cite('行政处罚法', '第五十七条'), cite('S3', '附件3 第五条')],
    fields: [
      text('caseCause', '案由'),
      textarea('partySummary', '当事人基本情况'),
      select('caseSource', '案件来源', CASE_SOURCE_OPTIONS),
      textarea('investigationProcess', '调查过程'),
      textarea('factsAndEvidence', '查明的事实和证据', { maxLength: LONG }),
      textarea('discretionFactors', '裁量情节（从轻、减轻、从重等）', OPTIONAL),
      select(
        'proposedHandling',
        '处理意见',
        options({
          penalty: '给予行政处罚',
          no_penalty_minor: '违法行为轻微，依法不予行政处罚',
          no_penalty_unproven: '违法事实不能成立，不予行政处罚',
          transfer_judicial: '涉嫌犯罪，移送司法机关',
        }),
      ),
      textarea('proposedPenalty', '建议给予的行政处罚', when('proposedHandling', 'penalty')),
      textarea('handlingReasons', '处理意见的理由'),
      textarea('legalBasis', '法律依据'),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },

  // ——— rights and hearing ———
  rights_notice: {
    id: 'rights_notice',
    name: '权利告知书',
    citations: [
      cite('S4', '第十四条'),
      cite('S4', '第十五条'),
      cite('S1', '第十七条'),
      cite('行政处罚法', '第四十四条'),
    ],
    fields: [
      text('party', '当事人'),
      select(
        'noticeStage',
        '告知环节',
        options({
          investigation: '调查取证',
          inspection: '监督检查',
          site_verification: '现场核查',
          before_decision: '作出决定前',
          compulsion: '行政强制',
        }),
      ),
      datetime('notifiedAt', '告知时间'),
      rightsNotified(),
      rightsNoticeMethod(),
      textarea('noticeContent', '告知内容', OPTIONAL),
      textarea('remediesNotified', '告知的救济途径'),
      textarea('partyResponse', '当事人意见', OPTIONAL),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'required',
    witnesses: 'none',
    isRightsNoticeRecorded: true,
    approvalSteps: NO_APPROVAL,
  },
  advance_notice: {
    id: 'advance_notice',
    name: '行政处罚事先告知书',
    citations: [
      cite('行政处罚法', '第四十四条'),
      cite('行政处罚法', '第四十五条'),
      cite('行政处罚法', '第六十三条'),
      cite('行政处罚法', '第六十四条'),
      cite('S4', '第十四条'),
      cite('S4', '第二十五条'),
    ],
    fields: [
      text('documentNumber', '文书编号'),
      text('party', '当事人'),
      text('partyAddress', '当事人地址'),
      textarea('facts', '拟处罚的违法事实', { maxLength: LONG }),
      textarea('reasons', '理由'),
      textarea('legalBasis', '依据'),
      textarea('proposedPenalty', '拟作出的行政处罚内容'),
      flag('isHearingApplicable', '是否属于应当告知听证权利的情形', {
        help: '行政处罚法第六十三条：较大数额罚款、没收较大数额违法所得、降低资质等级、吊销许可证件、责令停产停业等',
      }),
      rightsNotified({ help: '应告知陈述、申辩权利；属于听证情形的，还应告知申请听证的权利' }),
      rightsNoticeMethod(),
      multiselect('statementMethods', '陈述申辩的方式', options({ written: '书面', oral: '口头' })),
      integer('statementDeadlineDays', '陈述申辩期限（收到本告知书之日起，日）'),
      text('hearingRequestNote', '申请听证的期限和方式', {
        ...when('isHearingApplicable', true),
        help: '应当在告知后五日内提出（行政处罚法第六十四条）',
      }),
      text('contact', '联系人及联系方式', OPTIONAL),
      date('issuedOn', '告知日期'),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'required',
    witnesses: 'none',
    isRightsNoticeRecorded: true,
    approvalSteps: NO_APPROVAL,
  },
  statement_defence_record: {
    id: 'statement_defence_record',
    name: '陈述申辩笔录',
    citations: [
      cite('行政处罚法', '第四十五条'),
      cite('行政强制法', '第三十六条'),
      cite('S4', '第十五条'),
      cite('S4', '第三十一条'),
      cite('S2', '第八条'),
    ],
    fields: [
      select('stage', '环节', options({ before_penalty: '作出行政处罚决定前', after_demand: '收到催告书后' })),
      datetime('recordedAt', '时间'),
      text('place', '地点'),
      text('speaker', '陈述申辩人（姓名、身份）'),
      select('relationToParty', '与当事人关系', RELATION_TO_PARTY),
      select('method', '陈述申辩方式', options({ oral: '口头', written: '书面（附书面材料）' })),
      textarea('statements', '当事人陈述申辩意见（事实、理由和证据）', { maxLength: LONG }),
      // 行政处罚法 第四十五条, 行政强制法 第三十六条: every fact, reason and piece of evidence is re-examined.
      textarea('reviewOpinion', '复核意见', { ...OPTIONAL, help: '复核后填写' }),
      select(
        'reviewOutcome',
        '复核结果',
        options({ adopted: '采纳', partly_adopted: '部分采纳', not_adopted: '不予采纳' }),
        OPTIONAL,
      ),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'required',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  hearing_notice: {
    id: 'hearing_notice',
    name: '听证通知书',
    citations: [
      cite('行政处罚法', '第六十四条'),
      cite('行政许可法', '第四十八条'),
      cite('S4', '第二十五条'),
      cite('S1', '第十六条'),
    ],
    fields: [
      select('procedure', '程序', PROCEDURE_OF_HEARING),
      text('documentNumber', '文书编号'),
      text('party', '当事人'),
      datetime('hearingAt', '听证时间'),
      text('place', '听证地点'),
      flag('isPublic', '是否公开举行'),
      select(
        'nonPublicReason',
        '不公开举行的理由',
        options({ state_secret: '涉及国家秘密', commercial_secret: '涉及商业秘密', privacy: '涉及个人隐私' }),
        when('isPublic', false),
      ),
      // 行政处罚法 第六十四条(四), 行政许可法 第四十八条: hearing staff are not the case's investigators.
      text('host', '听证主持人', { maxLength: 100 }),
      text('hearingOfficers', '听证员', { ...OPTIONAL, help: '多人以顿号分隔' }),
      text('recorder', '记录员', { maxLength: 100 }),
      textarea('investigators', '本案调查人员', { maxLength: 1000, help: '每行一人' }),
      rightsNotified({ help: '告知对主持人申请回避的权利' }),
      rightsNoticeMethod(),
      textarea('attendanceNote', '参加听证须知', {
        ...OPTIONAL,
        help: '可以亲自参加，也可以委托一至二人代理；无正当理由不出席视为放弃听证权利',
      }),
      date('issuedOn', '通知日期', { help: '应当在举行听证的七日前通知' }),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'required',
    witnesses: 'none',
    isRightsNoticeRecorded: true,
    approvalSteps: NO_APPROVAL,
  },
  hearing_record: {
    id: 'hearing_record',
    name: '听证笔录',
    citations: [
      cite('行政处罚法', '第六十四条'),
      cite('行政许可法', '第四十八条'),
      cite('S4', '第十五条'),
      cite('S4', '第十六条'),
      cite('S1', '第十六条'),
      cite('S3', '附件2 第九条'),
    ],
    fields: [
      select('procedure', '程序', PROCEDURE_OF_HEARING),
      text('caseCause', '案由'),
      datetime('startedAt', '听证开始时间'),
      datetime('endedAt', '听证结束时间'),
      text('place', '听证地点'),
      flag('isPublic', '是否公开举行'),
      text('host', '听证主持人', { maxLength: 100 }),
      text('hearingOfficers', '听证员', { ...OPTIONAL, help: '多人以顿号分隔' }),
      text('recorder', '记录员', { maxLength: 100 }),
      textarea('investigators', '本案调查人员', { maxLength: 1000, help: '每行一人' }),
      textarea('partyAttendees', '当事人及委托代理人', { maxLength: 1000, help: '委托代理人不超过二人' }),
      textarea('otherAttendees', '第三人及其他参加人', OPTIONAL),
      flag('isRecusalRequested', '是否申请主持人回避'),
      textarea('recusalDecision', '回避申请及决定', when('isRecusalRequested', true)),
      textarea('investigatorsCase', '调查人员提出的违法事实、证据和处罚建议', { maxLength: LONG }),
      textarea('partyDefence', '当事人申辩和质证意见', { maxLength: LONG }),
      textarea('finalStatements', '最后陈述', OPTIONAL),
      flag('isReadBackConfirmed', '笔录已交当事人或其代理人核对'),
    ],
    // The record is made by the hearing staff named in its fields; ORG-3 governs investigation, not the hearing.
    officers: DESK_OFFICERS,
    partySignature: 'required',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },

  // ——— review and decision ———
  case_deliberation_record: {
    id: 'case_deliberation_record',
    name: '案情审议记录',
    citations: [cite('S2', '第八条')],
    fields: [
      datetime('meetingAt', '审议时间'),
      text('place', '地点'),
      text('host', '主持人', { maxLength: 100 }),
      textarea('attendees', '参加人员', { maxLength: 1000, help: '每行一人' }),
      text('recorder', '记录人', { maxLength: 100 }),
      textarea('caseSummary', '案情汇报'),
      textarea('opinions', '审议意见', { maxLength: LONG }),
      textarea('conclusion', '审议结论'),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  decision_draft: {
    id: 'decision_draft',
    name: '行政执法决定书代拟稿',
    citations: [cite('S4', '第十九条'), cite('S1', '第十一条'), cite('S3', '附件3 第五条')],
    fields: [
      select(
        'decisionKind',
        '决定类别',
        options({ penalty: '行政处罚决定', licensing: '行政许可决定', compulsion: '行政强制决定' }),
      ),
      text('drafter', '起草人', { maxLength: 100 }),
      text('draftingSection', '起草股室'),
      text('sectionReviewer', '起草股室审查人', { maxLength: 100 }),
      textarea('draftText', '决定书代拟稿正文', { maxLength: LONG }),
      textarea('legalBasis', '法律依据'),
      textarea('evidence', '证据材料', { help: LIST_HELP }),
      textarea('factorsConsidered', '应当考虑的因素（裁量情节）'),
      text('discretionStandard', '适用的裁量基准', { ...OPTIONAL, help: '行政处罚法第三十四条' }),
      // REVIEW-1: what the catalog of major decisions is matched against (category, field, kind, amount).
      select('enforcementField', '执法领域', ENFORCEMENT_FIELD_OPTIONS),
      select('partyType', '当事人类型', options({ organization: '法人或者其他组织', individual: '公民' })),
      multiselect('proposedPenaltyKinds', '拟作出的处罚种类', PENALTY_KINDS, when('decisionKind', 'penalty')),
      money('proposedAmount', '拟罚款及没收金额合计（元）', { ...OPTIONAL, ...when('decisionKind', 'penalty') }),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: [step('section_head', '起草股室审查人意见', cite('S4', '第十九条'))],
  },
  legal_review_opinion: {
    id: 'legal_review_opinion',
    name: '法制审核意见书',
    citations: [
      cite('S4', '第二十条'),
      cite('S1', '第十一条'),
      cite('S3', '附件3 第五条'),
      cite('行政处罚法', '第五十八条'),
    ],
    fields: [
      text('reviewers', '审查人员'),
      date('receivedOn', '收到送审材料日期'),
      // S3 附件3 §5: the six submission materials (REVIEW-2).
      multiselect(
        'materialsReceived',
        '送审材料',
        options({
          proposal: '决定建议及情况说明',
          investigation_report: '调查（审查）终结报告',
          draft_decision: '决定书代拟稿',
          basis_and_evidence: '法律依据和证据资料',
          hearing_or_assessment: '听证笔录或评估报告',
          other: '其他材料',
        }),
      ),
      // S3 附件3: the eight points of review (REVIEW-3).
      multiselect(
        'pointsReviewed',
        '审核内容',
        options({
          subject: '主体是否合法、执法人员是否具备执法资格',
          facts: '主要事实是否清楚、证据是否确凿',
          procedure: '程序是否合法',
          law: '适用法律是否正确、裁量基准是否适当',
          ultra_vires: '是否超越职权或滥用职权',
          documents: '执法文书是否规范、齐备',
          crime: '是否涉嫌犯罪需要移送司法机关',
          other: '其他',
        }),
      ),
      select('conclusion', '审核结论', LEGAL_REVIEW_CONCLUSIONS),
      textarea('reviewOpinion', '审查意见和建议', { maxLength: LONG }),
      textarea('correctionItems', '需纠正的事项', when('conclusion', 'correct')),
      date('reviewedOn', '审核日期'),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  expert_review_minutes: {
    id: 'expert_review_minutes',
    name: '专家论证会议纪要',
    citations: [cite('S4', '第二十一条'), cite('S1', '第十一条'), cite('S2', '第九条')],
    fields: [
      datetime('meetingAt', '论证时间'),
      text('place', '地点'),
      text('host', '主持人', { maxLength: 100 }),
      textarea('experts', '参加专家', { maxLength: 1000, help: '每行一人：姓名、单位、职称' }),
      textarea('otherAttendees', '其他参加人员', OPTIONAL),
      text('recorder', '记录人', { maxLength: 100 }),
      textarea('topic', '论证事项'),
      textarea('expertOpinions', '专家意见', { maxLength: LONG }),
      textarea('conclusion', '论证结论'),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  collective_discussion_record: {
    id: 'collective_discussion_record',
    name: '重大案件集体讨论记录',
    citations: [
      cite('行政处罚法', '第五十七条'),
      cite('S4', '第二十二条'),
      cite('S1', '第十一条'),
      cite('S3', '附件3 第五条'),
      cite('S2', '第八条'),
    ],
    fields: [
      datetime('meetingAt', '讨论时间'),
      text('place', '地点'),
      text('host', '主持人', { maxLength: 100 }),
      textarea('attendees', '参会人员', { maxLength: 1000, help: '每行一人：姓名、职务' }),
      textarea('absentees', '缺席人员及原因', OPTIONAL),
      text('recorder', '记录人', { maxLength: 100 }),
      textarea('caseSummary', '案件情况及处理建议'),
      select('legalReviewConclusion', '法制审核意见', LEGAL_REVIEW_CONCLUSIONS, OPTIONAL),
      textarea('discussionOpinions', '讨论意见', { maxLength: LONG, help: '逐人记录发表的意见' }),
      textarea('conclusion', '结论'),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  sign_off: {
    id: 'sign_off',
    name: '行政执法决定审签表',
    citations: [cite('S4', '第二十三条'), cite('S1', '第十一条')],
    fields: [
      text('documentTitle', '审签文书名称'),
      text('documentNumber', '文书编号', OPTIONAL),
      text('party', '当事人'),
      textarea('decisionSummary', '决定内容摘要'),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: [step('agency_head', '审签人意见', cite('S4', '第二十三条'))],
  },
  penalty_decision: {
    id: 'penalty_decision',
    name: '行政处罚决定书',
    citations: [cite('行政处罚法', '第五十九条'), cite('S4', '第二十四条'), cite('行政处罚法', '第九条')],
    fields: [
      text('documentNumber', '文书编号'),
      // 行政处罚法 第五十九条(一)-(六): each element is required.
      text('party', '当事人姓名或者名称'),
      text('partyAddress', '当事人地址'),
      text('partyIdentifier', '身份证件号码或统一社会信用代码', { ...OPTIONAL, maxLength: 50 }),
      textarea('factsAndEvidence', '违反法律、法规、规章的事实和证据', { maxLength: LONG }),
      textarea('reasons', '理由（含陈述申辩意见的采纳情况和裁量情节）'),
      textarea('violatedProvisions', '违反的法律、法规、规章条款'),
      textarea('penaltyBasis', '处罚依据（引用的法律条款）'),
      multiselect('penaltyKinds', '处罚种类', PENALTY_KINDS),
      textarea('penaltyContent', '处罚内容'),
      money('fineAmount', '罚款金额（元）', when('penaltyKinds', 'fine')),
      money('illegalGainsAmount', '没收违法所得金额（元）', when('penaltyKinds', 'confiscation_of_illegal_gains')),
      textarea('performanceMethod', '履行方式', { help: '缴款银行、账户等（罚缴分离，行政处罚法第六十七条）' }),
      text('performanceDeadline', '履行期限', { help: '如：自收到本决定书之日起十五日内' }),
      text('reconsiderationBody', '行政复议机关'),
      text('litigationCourt', '管辖人民法院'),
      textarea('remedies', '申请行政复议、提起行政诉讼的途径和期限', { help: REMEDIES_HELP }),
      textarea('defaultConsequences', '逾期不履行的后果', {
        ...OPTIONAL,
        help: '每日按罚款数额的百分之三加处罚款；申请人民法院强制执行（行政处罚法第七十二条）',
      }),
      text('agencyName', '作出决定的行政机关名称'),
      date('decidedOn', '作出决定的日期'),
    ],
    officers: DESK_OFFICERS,
    // The party acknowledges a decision on its service receipt (S4 §25), not on the sealed decision itself.
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  licensing_review_record: {
    id: 'licensing_review_record',
    name: '行政许可审查审批表',
    citations: [cite('S1', '第十一条'), cite('行政许可法', '第三十四条'), cite('行政许可法', '第三十七条')],
    fields: [
      text('applicant', '申请人'),
      text('applicationItem', '申请事项'),
      date('acceptedOn', '受理日期'),
      text('drafter', '起草人', { maxLength: 100 }),
      textarea('reviewFindings', '审查情况', { maxLength: LONG }),
      textarea('legalBasis', '法律依据'),
      textarea('evidence', '证据材料', { help: LIST_HELP }),
      select('proposedDecision', '拟办意见', options({ grant: '准予行政许可', deny: '不予行政许可' })),
      textarea('denialReason', '不予许可的理由', when('proposedDecision', 'deny')),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: [
      step('section_head', '审查人意见', cite('S1', '第十一条')),
      step('agency_head', '审批人意见', cite('S1', '第十一条')),
    ],
  },
  licensing_decision: {
    id: 'licensing_decision',
    name: '行政许可决定书',
    citations: [cite('S1', '第十二条'), cite('行政许可法', '第三十八条')],
    fields: [
      text('documentNumber', '文书编号'),
      text('applicant', '申请人'),
      text('applicationItem', '申请事项'),
      select('decision', '决定', options({ grant: '准予行政许可', deny: '不予行政许可' })),
      // S1 §12: the decision states its facts, reasons and basis.
      textarea('facts', '事实'),
      textarea('reasons', '理由'),
      textarea('legalBasis', '依据'),
      textarea('licenseContent', '许可内容（范围、有效期限、证件名称及编号）', when('decision', 'grant')),
      // 行政许可法 第三十八条: a refusal tells the applicant of reconsideration and litigation.
      textarea('remedies', '申请行政复议、提起行政诉讼的权利和期限', {
        ...when('decision', 'deny'),
        help: REMEDIES_HELP,
      }),
      text('agencyName', '作出决定的行政机关名称'),
      date('decidedOn', '作出决定的日期'),
    ],
    officers: DESK_OFFICERS,
    // Acknowledged on the service receipt (S1 §13).
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  compulsion_release_decision: {
    id: 'compulsion_release_decision',
    name: '解除查封（扣押）决定书',
    citations: [cite('行政强制法', '第二十七条'), cite('行政强制法', '第二十八条')],
    fields: [
      text('documentNumber', '文书编号'),
      text('party', '当事人'),
      text('originalDecisionNumber', '原查封（扣押）决定书文号'),
      select(
        'releaseGround',
        '解除理由',
        options({
          no_violation: '当事人没有违法行为',
          unrelated: '查封、扣押的场所、设施或者财物与违法行为无关',
          decided: '已对违法行为作出处理决定，不再需要查封、扣押',
          expired: '查封、扣押期限已经届满',
          other: '其他不再需要采取查封、扣押措施的情形',
        }),
      ),
      textarea('releaseGroundDetail', '解除理由说明', when('releaseGround', 'other')),
      textarea('itemsReleased', '解除查封（扣押）的场所、设施或者财物清单', { help: LIST_HELP }),
      textarea('saleProceedsNote', '已拍卖、变卖财物的价款退还情况', OPTIONAL),
      date('releasedOn', '解除日期'),
    ],
    officers: DESK_OFFICERS,
    // 行政强制法 第二十八条: property is returned at once, and the party signs for what it received.
    partySignature: 'required',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },

  // ——— service, execution, closing ———
  service_receipt: {
    id: 'service_receipt',
    name: '送达回证',
    citations: [
      cite('S4', '第二十五条'),
      cite('S4', '第二十六条'),
      cite('S4', '第二十七条'),
      cite('S4', '第二十八条'),
      cite('S4', '第二十九条'),
      cite('S1', '第十三条'),
      cite('行政处罚法', '第六十一条'),
      cite('民事诉讼法', '第八十七条'),
    ],
    fields: [
      // Names which record of the case was served, so the periods that run from service (PROC-8) can start.
      select(
        'documentKind',
        '送达的文书',
        options({
          advance_notice: '行政处罚事先告知书',
          hearing_notice: '听证通知书',
          penalty_decision: '行政处罚决定书',
          demand_notice: '催告书',
          order_to_correct: '责令改正通知书',
          sealing_seizure_decision: '查封（扣押）决定书',
          compulsion_release_decision: '解除查封（扣押）决定书',
          rights_notice: '权利告知书',
          missing_materials_notice: '材料补正告知书',
          licensing_decision: '行政许可决定书',
          other: '其他文书',
        }),
      ),
      text('documentTitle', '送达文书名称'),
      text('documentNumber', '文书编号', OPTIONAL),
      text('recipient', '受送达人'),
      select(
        'method',
        '送达方式',
        options({
          direct: '直接送达',
          mail: '邮寄送达',
          left_at_residence: '留置送达',
          entrusted: '委托送达',
          forwarded: '转交送达',
          announcement: '公告送达',
          electronic: '电子送达',
        }),
      ),
      text(
        'serviceAddress',
        '送达地点',
        when('method', 'direct', 'mail', 'left_at_residence', 'entrusted', 'forwarded'),
      ),
      date('servedOn', '送达日期', {
        ...when('method', 'direct', 'mail', 'left_at_residence', 'entrusted', 'forwarded', 'electronic'),
        help: '邮寄送达以回执上注明的收件日期为送达日期',
      }),
      // 民事诉讼法 第八十八条: an adult family member or an organisation's receiving office may sign instead.
      text('signer', '签收人', { ...when('method', 'direct', 'entrusted', 'forwarded'), maxLength: 100 }),
      select(
        'signerRelation',
        '签收人身份',
        options({
          self: '受送达人本人',
          adult_family: '同住成年家属',
          organization_receiver: '法人、其他组织负责收件的人',
          designated_agent: '受送达人指定的代收人',
        }),
        when('method', 'direct'),
      ),
      // S4 §27, S1 §13(二): leaving at the residence records the refusal and a witness's signature.
      textarea('refusalReason', '拒收事由', when('method', 'left_at_residence')),
      text('witness', '见证人（姓名、单位）', when('method', 'left_at_residence')),
      // S4 §28: entrusted or forwarded service records why.
      textarea('entrustReason', '委托或转交原因', when('method', 'entrusted', 'forwarded')),
      text('entrustedBody', '受委托或转交的机关、单位', when('method', 'entrusted', 'forwarded')),
      // S4 §26: registered letter or express mail, with its registration, postage voucher and return receipt kept.
      select(
        'mailType',
        '邮寄方式',
        options({ registered: '挂号信', express: '邮政特快专递' }),
        when('method', 'mail'),
      ),
      text('trackingNumber', '邮寄单号', { ...when('method', 'mail'), maxLength: 50 }),
      flag('isPostalReceiptKept', '已留存邮寄登记、付邮凭证和回执', when('method', 'mail')),
      // S4 §29: announcement records why every other method failed, the medium and the course.
      textarea('otherMethodsFailed', '其他方式均无法送达的情况', when('method', 'announcement')),
      text('announcementMedium', '公告方式和载体', when('method', 'announcement')),
      date('announcedOn', '公告日期', when('method', 'announcement')),
      textarea('announcementCourse', '公告送达的经过', when('method', 'announcement')),
      // 行政处罚法 第六十一条: fax or e-mail only with the party's signed consent.
      text('electronicAddress', '电子送达地址（传真号码、电子邮箱等）', when('method', 'electronic')),
      flag('isElectronicConsentSigned', '受送达人已同意并签订确认书', when('method', 'electronic')),
    ],
    officers: DESK_OFFICERS,
    // Who signs depends on the method (signer, or refusal and witness, or none by announcement); fields enforce it.
    partySignature: 'none',
    witnesses: 'optional',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  performance_record: {
    id: 'performance_record',
    name: '行政处罚决定履行情况记录',
    citations: [cite('S4', '第三十条'), cite('行政处罚法', '第六十六条')],
    fields: [
      text('decisionNumber', '行政处罚决定书文号'),
      select(
        'performanceStatus',
        '履行情况',
        options({
          fully_performed: '已全部履行',
          partly_performed: '部分履行',
          not_performed: '逾期未履行',
          deferred: '经批准暂缓或分期缴纳',
        }),
      ),
      date('performedOn', '履行日期', when('performanceStatus', 'fully_performed', 'partly_performed')),
      money('amountPaid', '已缴纳罚没款（元）', {
        ...OPTIONAL,
        ...when('performanceStatus', 'fully_performed', 'partly_performed'),
      }),
      text('paymentVoucher', '缴款凭证编号', { ...OPTIONAL, maxLength: 100 }),
      textarea('deferralApproval', '暂缓或分期缴纳的批准情况', when('performanceStatus', 'deferred')),
      textarea('correctionStatus', '违法行为改正情况', OPTIONAL),
      textarea('notes', '备注', OPTIONAL),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  demand_notice: {
    id: 'demand_notice',
    name: '催告书',
    citations: [
      cite('行政强制法', '第三十五条'),
      cite('行政强制法', '第五十四条'),
      cite('S4', '第三十一条'),
      cite('S2', '第八条'),
    ],
    fields: [
      text('documentNumber', '文书编号'),
      text('party', '当事人'),
      text('partyAddress', '当事人地址'),
      text('decisionNumber', '行政决定书文号'),
      textarea('obligation', '应当履行的义务'),
      // 行政强制法 第三十五条(一)-(四): deadline, manner, amount and the right to state and defend.
      date('deadline', '履行期限'),
      textarea('performanceMethod', '履行方式'),
      flag('isMonetary', '是否涉及金钱给付'),
      money('amount', '金额（元）', when('isMonetary', true)),
      textarea('paymentMethod', '给付方式', when('isMonetary', true)),
      rightsNotified({ help: '当事人依法享有陈述权和申辩权' }),
      rightsNoticeMethod(),
      date('issuedOn', '催告日期'),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'required',
    witnesses: 'none',
    isRightsNoticeRecorded: true,
    approvalSteps: NO_APPROVAL,
  },
  court_enforcement_application: {
    id: 'court_enforcement_application',
    name: '强制执行申请书',
    citations: [
      cite('行政强制法', '第五十三条'),
      cite('行政强制法', '第五十四条'),
      cite('行政强制法', '第五十五条'),
      cite('行政处罚法', '第七十二条'),
      cite('S4', '第三十二条'),
    ],
    fields: [
      text('court', '申请执行的人民法院'),
      text('respondent', '被申请人'),
      text('decisionNumber', '行政决定书文号'),
      textarea('decisionSummary', '行政决定内容及作出决定的事实、理由和依据', { maxLength: LONG }),
      date('demandServedOn', '催告书送达日期', { help: '催告书送达十日后当事人仍未履行的，方可申请' }),
      textarea('partyOpinion', '当事人的意见及催告情况'),
      textarea('enforcementSubject', '申请强制执行的标的'),
      date('appliedOn', '申请日期'),
      textarea('courtOutcome', '法院受理及强制执行结果', OPTIONAL),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    // 行政强制法 第五十五条: the application is signed by the agency head.
    approvalSteps: [step('agency_head', '行政机关负责人签名', cite('行政强制法', '第五十五条'))],
  },
  closing_approval: {
    id: 'closing_approval',
    name: '结案审批表',
    citations: [cite('S2', '第八条')],
    fields: [
      text('caseCause', '案由'),
      text('party', '当事人'),
      select(
        'closingReason',
        '结案理由',
        options({
          performed: '行政处罚决定已履行完毕',
          court_enforced: '经人民法院强制执行完毕',
          no_penalty: '决定不予行政处罚',
          transferred: '已移送司法机关或其他机关',
          case_revoked: '撤销立案',
          other: '其他',
        }),
      ),
      textarea('closingReasonDetail', '结案理由说明'),
      textarea('enforcementStatus', '执行情况'),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: [
      step('lead_officer', '承办人意见', cite('S2', '第八条')),
      step('section_head', '科室负责人意见', cite('S2', '第八条')),
      step('agency_head', '机关负责人意见', cite('S2', '第八条')),
    ],
  },

  // ——— supervision inspection ———
  inspection_plan: {
    id: 'inspection_plan',
    name: '行政监督检查启动记录（检查方案）',
    citations: [cite('S4', '第三十八条'), cite('S4', '第三条')],
    fields: [
      text('title', '检查名称'),
      select(
        'inspectionKind',
        '检查方式',
        options({ routine: '日常检查', special: '专项检查', patrol: '巡查', other: '其他' }),
      ),
      select(
        'source',
        '检查来源',
        options({
          notice: '启动检查的通知',
          meeting: '会议纪要',
          annual_plan: '年度监督检查计划（方案）',
          assigned_from_above: '上级机关部署、交办、转办',
          other: '其他文件材料',
        }),
      ),
      text('sourceDocument', '来源文件名称及文号'),
      textarea('legalBasis', '检查依据'),
      textarea('scope', '检查对象和范围'),
      textarea('plan', '检查方案（时间安排、人员分工、检查内容和方式）', { maxLength: LONG }),
      date('plannedStartOn', '计划开始日期'),
      date('plannedEndOn', '计划结束日期', OPTIONAL),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  order_to_correct: {
    id: 'order_to_correct',
    name: '责令改正通知书',
    citations: [cite('S4', '第四十三条'), cite('行政处罚法', '第二十八条')],
    fields: [
      text('documentNumber', '文书编号'),
      text('party', '当事人'),
      textarea('problems', '存在的问题（违法、违规行为或质量安全问题）'),
      textarea('legalBasis', '依据'),
      textarea('requirements', '整改要求'),
      date('deadline', '整改期限'),
      date('issuedOn', '下达日期'),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'required',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  correction_verification: {
    id: 'correction_verification',
    name: '整改情况复查记录',
    citations: [cite('S4', '第四十三条'), cite('S4', '第四十一条')],
    fields: [
      text('orderNumber', '责令改正通知书文号'),
      datetime('verifiedAt', '复查时间'),
      text('place', '复查地点'),
      text('party', '当事人'),
      textarea('correctionStatus', '整改情况'),
      select(
        'outcome',
        '复查结论',
        options({ corrected: '已按要求整改', partly_corrected: '部分整改', not_corrected: '未整改' }),
      ),
      textarea('followUp', '后续处理意见', when('outcome', 'partly_corrected', 'not_corrected')),
    ],
    // S4 §41: the re-check on site is part of the supervision inspection, done by two officers.
    officers: FIELD_OFFICERS,
    partySignature: 'required',
    witnesses: 'optional',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  result_report: {
    id: 'result_report',
    name: '监督检查结果报告（通报、公告）',
    citations: [cite('S4', '第四十四条')],
    fields: [
      select('form', '文书形式', options({ report: '报告', circular: '通报', announcement: '公告' })),
      text('title', '标题'),
      text('documentNumber', '文号', OPTIONAL),
      text('audience', '报送或发布对象'),
      textarea('content', '正文', { maxLength: LONG }),
      date('issuedOn', '印发日期'),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
  inspection_summary: {
    id: 'inspection_summary',
    name: '监督检查工作总结',
    citations: [cite('S4', '第四十五条')],
    fields: [
      date('periodStartOn', '检查开始日期'),
      date('periodEndOn', '检查结束日期'),
      integer('inspectedCount', '检查对象数量'),
      integer('problemsFound', '发现问题数量'),
      integer('ordersIssued', '下达责令改正通知书数量', OPTIONAL),
      integer('casesFiled', '移交立案查处数量', OPTIONAL),
      textarea('summary', '检查结果汇总', { maxLength: LONG }),
      textarea('followUp', '下一步工作', OPTIONAL),
    ],
    officers: DESK_OFFICERS,
    partySignature: 'none',
    witnesses: 'none',
    isRightsNoticeRecorded: false,
    approvalSteps: NO_APPROVAL,
  },
} as const satisfies Catalog;

/** The definition of one kind, widened to the common type. */
export const recordKind = (kind: RecordKindId): RecordKindDefinition => RECORD_KINDS[kind];

/** REVIEW-6: the approval chain a record needs; the legal section's step only for major cases (S4 §12). */
export const approvalStepsFor = (kind: RecordKindId, isMajorCase: boolean): readonly ApprovalStepDefinition[] =>
  recordKind(kind).approvalSteps.filter((s) => isMajorCase || s.isOnlyForMajorCases !== true);
