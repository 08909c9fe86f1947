import { addDays } from '../calendar/iso-date';
import { cite, type Citation } from '../procedures/citation';

export type ServiceSignatureRole = 'server' | 'recipient' | 'witness';
export const SERVICE_ATTACHMENT_KINDS = [
  'mail_registration',
  'postage_voucher',
  'return_receipt',
  'announcement_copy',
  'electronic_consent',
  'entrust_receipt',
  'delivery_record',
] as const;
export type ServiceAttachmentKind = (typeof SERVICE_ATTACHMENT_KINDS)[number];
export const isServiceAttachmentKind = (value: unknown): value is ServiceAttachmentKind =>
  typeof value === 'string' && (SERVICE_ATTACHMENT_KINDS as readonly string[]).includes(value);

export type ServiceMethodRule = {
  name: string;
  citations: readonly Citation[];
  /** Signatures the service receipt must carry. */
  signatures: readonly ServiceSignatureRole[];
  attachments: readonly { kind: ServiceAttachmentKind; name: string; isRequired: boolean }[];
  isAvRequired: boolean;
  /** Service is deemed done this many calendar days after the announcement. */
  deemedServedAfterDays?: number;
};

export const SERVICE_SIGNATURE_ROLES = {
  server: { name: '送达人' },
  recipient: { name: '受送达人或者符合法定条件的签收人' },
  witness: { name: '见证人' },
} as const satisfies Record<ServiceSignatureRole, { name: string }>;

export const SERVICE_ATTACHMENT_NAMES = {
  mail_registration: { name: '邮寄送达登记' },
  postage_voucher: { name: '付邮凭证' },
  return_receipt: { name: '邮寄回执' },
  announcement_copy: { name: '书面公告' },
  electronic_consent: { name: '受送达人签订的电子送达确认书' },
  entrust_receipt: { name: '受委托或转交单位交回的送达回证（受送达人签收）' },
  delivery_record: { name: '电子送达系统的送达记录' },
} as const satisfies Record<ServiceAttachmentKind, { name: string }>;

const required = (kind: ServiceAttachmentKind) => ({
  kind,
  name: SERVICE_ATTACHMENT_NAMES[kind].name,
  isRequired: true,
});

// 行政处罚法 第六十一条: decisions are served as the 民事诉讼法 provides; citationsFor drops it outside penalties.
const BY_CIVIL_PROCEDURE = cite('行政处罚法', '第六十一条');

/** SERVE-1: what each method of service must leave on file (S4 第二十五至二十九条, S1 第十三条). */
export const SERVICE_METHODS = {
  direct: {
    name: '直接送达',
    citations: [
      cite('S4', '第二十五条'),
      cite('S1', '第十三条'),
      BY_CIVIL_PROCEDURE,
      cite('民事诉讼法', '第八十七条'),
      cite('民事诉讼法', '第八十八条'),
    ],
    signatures: ['server', 'recipient'],
    attachments: [],
    isAvRequired: false,
  },
  mail: {
    name: '邮寄送达',
    citations: [cite('S4', '第二十六条'), cite('S1', '第十三条'), BY_CIVIL_PROCEDURE, cite('民事诉讼法', '第九十一条')],
    signatures: [],
    attachments: [required('mail_registration'), required('postage_voucher'), required('return_receipt')],
    isAvRequired: false,
  },
  left_at_residence: {
    name: '留置送达',
    citations: [
      cite('S4', '第二十七条'),
      cite('S1', '第十三条'),
      cite('S2', '第十一条'),
      BY_CIVIL_PROCEDURE,
      cite('民事诉讼法', '第八十九条'),
    ],
    signatures: ['server', 'witness'],
    attachments: [],
    isAvRequired: true,
  },
  entrusted: {
    name: '委托送达',
    citations: [cite('S4', '第二十八条'), cite('S1', '第十三条'), BY_CIVIL_PROCEDURE, cite('民事诉讼法', '第九十一条')],
    signatures: ['server'],
    attachments: [required('entrust_receipt')],
    isAvRequired: false,
  },
  forwarded: {
    name: '转交送达',
    citations: [
      cite('S4', '第二十八条'),
      cite('S1', '第十三条'),
      BY_CIVIL_PROCEDURE,
      cite('民事诉讼法', '第九十二条'),
      cite('民事诉讼法', '第九十三条'),
      cite('民事诉讼法', '第九十四条'),
    ],
    signatures: ['server'],
    attachments: [required('entrust_receipt')],
    isAvRequired: false,
  },
  announcement: {
    name: '公告送达',
    citations: [
      cite('S4', '第二十九条'),
      cite('S1', '第十三条'),
      cite('S2', '第十一条'),
      BY_CIVIL_PROCEDURE,
      cite('民事诉讼法', '第九十五条'),
    ],
    signatures: [],
    attachments: [required('announcement_copy')],
    isAvRequired: true,
    deemedServedAfterDays: 30,
  },
  electronic: {
    name: '电子送达',
    citations: [BY_CIVIL_PROCEDURE, cite('民事诉讼法', '第九十条')],
    signatures: [],
    attachments: [required('electronic_consent'), required('delivery_record')],
    isAvRequired: false,
  },
} as const satisfies Record<string, ServiceMethodRule>;
export type ServiceMethod = keyof typeof SERVICE_METHODS;
export const SERVICE_METHOD_IDS = Object.keys(SERVICE_METHODS) as ServiceMethod[];
export const isServiceMethod = (value: unknown): value is ServiceMethod =>
  typeof value === 'string' && Object.hasOwn(SERVICE_METHODS, value);

export type ServiceProofProblem = { item: string; message: string };

/**
 * SERVE-1: every signature, attachment and recording the method's proof of service still lacks. A written reason
 * stands in for missing audio-video, as for every other stage (AV-2, S1 第十八条 "不适宜音像记录的除外").
 */
export const serviceProofProblems = ({
  method,
  signatures,
  attachments,
  avCount,
  avReason,
}: {
  method: string;
  signatures: readonly { role: string }[];
  attachments: readonly { kind: string }[];
  avCount: number;
  avReason: string | null;
}): ServiceProofProblem[] => {
  if (!isServiceMethod(method)) return [{ item: 'method', message: '送达方式无效' }];
  const rule: ServiceMethodRule = SERVICE_METHODS[method];
  const problems: ServiceProofProblem[] = [];
  for (const role of rule.signatures) {
    if (!signatures.some((signature) => signature.role === role)) {
      problems.push({
        item: `signature:${role}`,
        message: `${rule.name}须由${SERVICE_SIGNATURE_ROLES[role].name}在送达回证上签名或者盖章`,
      });
    }
  }
  for (const attachment of rule.attachments) {
    if (attachment.isRequired && !attachments.some((item) => item.kind === attachment.kind)) {
      problems.push({ item: `attachment:${attachment.kind}`, message: `${rule.name}须留存${attachment.name}` });
    }
  }
  const hasAvReason = (avReason ?? '').trim().length > 0;
  if (rule.isAvRequired && avCount <= 0 && !hasAvReason) {
    problems.push({ item: 'av', message: `${rule.name}须进行音像记录，未记录的应当书面说明理由` });
  }

  return problems;
};

/**
 * SERVE-1: the day service takes effect, from which the party's periods run. 公告送达: 自发出公告之日起，经过三十日，
 * 即视为送达 (民事诉讼法 第九十五条); every other method: the day served.
 */
export const deemedServedOn = ({
  method,
  servedOn,
  announcedOn,
}: {
  method: string;
  servedOn: string | null;
  announcedOn: string | null;
}): string | null => {
  if (!isServiceMethod(method)) return null;
  const rule: ServiceMethodRule = SERVICE_METHODS[method];
  if (rule.deemedServedAfterDays !== undefined) {
    return announcedOn === null ? null : addDays(announcedOn, rule.deemedServedAfterDays);
  }

  return servedOn;
};
