import { describe, expect, it } from 'vitest';
import { recordKind } from './catalog';
import { RECORD_KIND_IDS, type FieldDefinition, type RecordKindId } from './record-kinds';
import { isIsoDateTime, normalizeMoney, validateRecordContent } from './validate-record';

const questioning = {
  startedAt: '2026-11-20T09:30+08:00',
  endedAt: '2026-11-20T10:45:00+08:00',
  place: '  示范市新城区建设路18号项目部  ',
  intervieweeName: '张三',
  intervieweeIdNumber: '11010519491231002X',
  relationToParty: 'legal_representative',
  recorder: '李四',
  rightsNotified: ['recusal', 'statement'],
  rightsNoticeMethod: 'oral',
  isTruthfulnessDutyNotified: true,
  isRecusalRequested: false,
  transcript: '问：你是否知道我们为何来此？\r\n答：知道。',
  isReadBackConfirmed: true,
};

const problemsOf = (kind: RecordKindId, content: unknown) => validateRecordContent(kind, content).problems;

/** A value that passes its field's checks, for building a valid record of any kind. */
const sampleValue = (field: FieldDefinition): unknown => {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return `${field.label}内容`;
    case 'date':
      return '2026-11-20';
    case 'datetime':
      return '2026-11-20T09:00+08:00';
    case 'select':
      return field.options![0]!.value;
    case 'multiselect':
      return field.options!.map((o) => o.value);
    case 'boolean':
      return false;
    case 'integer':
      return 1;
    case 'money':
      return '100';
  }
};

/** Fills every required field that is shown, in order, so showWhen sees the values chosen before it. */
const sampleContent = (kind: RecordKindId, overrides: Record<string, unknown> = {}): Record<string, unknown> => {
  const content: Record<string, unknown> = {};
  for (const field of recordKind(kind).fields) {
    const value = field.name in overrides ? overrides[field.name] : sampleValue(field);
    const { showWhen } = field;
    const controller = showWhen ? content[showWhen.field] : undefined;
    const isShown =
      !showWhen ||
      (Array.isArray(controller)
        ? controller.some((v) => showWhen.equals.includes(v as string))
        : showWhen.equals.includes(controller as string | boolean));
    if (isShown && (field.isRequired || field.name in overrides)) content[field.name] = value;
  }

  return content;
};

// Kinds whose cross-field rules a generic sample cannot meet.
const SAMPLE_OVERRIDES: Partial<Record<RecordKindId, Record<string, unknown>>> = {
  seizure_extension_approval: { originalEndOn: '2026-11-20', extensionDays: 30, extendedEndOn: '2026-12-20' },
};

describe('validating record content (DOC-1, SEC-3)', () => {
  it('accepts a valid record of every kind', () => {
    for (const kind of RECORD_KIND_IDS) {
      expect(problemsOf(kind, sampleContent(kind, SAMPLE_OVERRIDES[kind])), kind).toEqual([]);
    }
  });

  it('normalizes a questioning record: trims, orders choices, unifies line breaks, nulls what is empty', () => {
    const { content, problems } = validateRecordContent('questioning_record', {
      ...questioning,
      intervieweePhone: '  ',
    });
    expect(problems).toEqual([]);
    expect(content.place).toBe('示范市新城区建设路18号项目部');
    expect(content.rightsNotified).toEqual(['statement', 'recusal']);
    expect(content.transcript).toBe('问：你是否知道我们为何来此？\n答：知道。');
    expect(content.intervieweePhone).toBeNull();
    expect(content.recusalHandling).toBeNull();
    expect(Object.keys(content)).toEqual(recordKind('questioning_record').fields.map((f) => f.name));
  });

  it('reports a missing required field, including an empty string and a false-looking absence', () => {
    const { intervieweeName: _name, ...withoutName } = questioning;
    expect(problemsOf('questioning_record', withoutName)).toEqual([
      { field: 'content.intervieweeName', code: 'VALIDATION_FAILED' },
    ]);
    expect(problemsOf('questioning_record', { ...questioning, place: ' \u3000 ' })).toEqual([
      { field: 'content.place', code: 'VALIDATION_FAILED' },
    ]);
    expect(problemsOf('questioning_record', { ...questioning, rightsNotified: [] })).toEqual([
      { field: 'content.rightsNotified', code: 'VALIDATION_FAILED' },
    ]);
  });

  it('keeps false as an answer to a required yes/no question', () => {
    expect(problemsOf('questioning_record', { ...questioning, isTruthfulnessDutyNotified: false })).toEqual([]);
    expect(problemsOf('questioning_record', { ...questioning, isTruthfulnessDutyNotified: null })).toEqual([
      { field: 'content.isTruthfulnessDutyNotified', code: 'VALIDATION_FAILED' },
    ]);
  });

  it('reports values of the wrong type', () => {
    expect(
      problemsOf('questioning_record', {
        ...questioning,
        place: 18,
        isReadBackConfirmed: 'true',
        rightsNotified: 'recusal',
        relationToParty: ['party'],
      }),
    ).toEqual([
      { field: 'content.place', code: 'VALIDATION_FAILED' },
      { field: 'content.relationToParty', code: 'VALIDATION_FAILED' },
      { field: 'content.rightsNotified', code: 'VALIDATION_FAILED' },
      { field: 'content.isReadBackConfirmed', code: 'VALIDATION_FAILED' },
    ]);
  });

  it('reports text over its limit, counting characters, and line breaks in a one-line field', () => {
    const limit = recordKind('questioning_record').fields.find((f) => f.name === 'place')!.maxLength!;
    expect(problemsOf('questioning_record', { ...questioning, place: '路'.repeat(limit) })).toEqual([]);
    expect(problemsOf('questioning_record', { ...questioning, place: '𠀀'.repeat(limit) })).toEqual([]);
    expect(problemsOf('questioning_record', { ...questioning, place: '路'.repeat(limit + 1) })).toEqual([
      { field: 'content.place', code: 'VALIDATION_FAILED' },
    ]);
    expect(problemsOf('questioning_record', { ...questioning, place: '建设路\n18号' })).toEqual([
      { field: 'content.place', code: 'VALIDATION_FAILED' },
    ]);
  });

  it('reports an unknown option and a repeated choice', () => {
    expect(problemsOf('questioning_record', { ...questioning, relationToParty: 'cousin' })).toEqual([
      { field: 'content.relationToParty', code: 'VALIDATION_FAILED' },
    ]);
    expect(problemsOf('questioning_record', { ...questioning, rightsNotified: ['recusal', 'silence'] })).toEqual([
      { field: 'content.rightsNotified', code: 'VALIDATION_FAILED' },
    ]);
    expect(problemsOf('questioning_record', { ...questioning, rightsNotified: ['recusal', 'recusal'] })).toEqual([
      { field: 'content.rightsNotified', code: 'VALIDATION_FAILED' },
    ]);
  });

  it('reports impossible dates and instants without an offset as INVALID_DATE', () => {
    expect(problemsOf('questioning_record', { ...questioning, startedAt: '2026-11-20T09:30' })).toEqual([
      { field: 'content.startedAt', code: 'INVALID_DATE' },
    ]);
    expect(problemsOf('questioning_record', { ...questioning, endedAt: '2026-11-20T24:10+08:00' })).toEqual([
      { field: 'content.endedAt', code: 'INVALID_DATE' },
    ]);
    const order = sampleContent('order_to_correct');
    expect(problemsOf('order_to_correct', { ...order, deadline: '2026-02-30' })).toEqual([
      { field: 'content.deadline', code: 'INVALID_DATE' },
    ]);
    expect(problemsOf('order_to_correct', { ...order, deadline: '2026/12/01' })).toEqual([
      { field: 'content.deadline', code: 'INVALID_DATE' },
    ]);
  });

  it('refuses fields the kind does not define', () => {
    expect(problemsOf('questioning_record', { ...questioning, remark: '补充', __proto__x: 1 })).toEqual([
      { field: 'content.remark', code: 'VALIDATION_FAILED' },
      { field: 'content.__proto__x', code: 'VALIDATION_FAILED' },
    ]);
    const polluted = JSON.parse('{"__proto__": {"isAdmin": true}}') as unknown;
    expect(problemsOf('sign_off', polluted)).toContainEqual({ field: 'content.__proto__', code: 'VALIDATION_FAILED' });
  });

  it('refuses content that is not an object and a kind that does not exist, without throwing', () => {
    for (const bad of [null, undefined, 'text', 7, [questioning]]) {
      expect(validateRecordContent('questioning_record', bad)).toEqual({
        content: {},
        problems: [{ field: 'content', code: 'VALIDATION_FAILED' }],
      });
    }
    expect(validateRecordContent('no_such_record' as RecordKindId, {}).problems).toEqual([
      { field: 'kind', code: 'VALIDATION_FAILED' },
    ]);
  });

  it('reports every problem at once', () => {
    expect(problemsOf('questioning_record', {})).toHaveLength(
      recordKind('questioning_record').fields.filter((f) => f.isRequired && !f.showWhen).length,
    );
  });
});

describe('fields shown only when another field has a value (showWhen)', () => {
  const complaint = {
    receivedAt: '2026-11-19T15:00+08:00',
    reportChannel: 'phone',
    reportContent: '建设路18号夜间违规施工',
    decision: 'accept',
  };

  it('requires a shown field and leaves a hidden one empty', () => {
    expect(problemsOf('complaint_registration', complaint)).toEqual([]);
    expect(problemsOf('complaint_registration', { ...complaint, decision: 'reject' })).toEqual([
      { field: 'content.rejectionReason', code: 'VALIDATION_FAILED' },
    ]);
    expect(
      problemsOf('complaint_registration', { ...complaint, decision: 'reject', rejectionReason: '不属于本机关管辖' }),
    ).toEqual([]);
  });

  it('refuses a value in a hidden field', () => {
    expect(problemsOf('complaint_registration', { ...complaint, rejectionReason: '不属于本机关管辖' })).toEqual([
      { field: 'content.rejectionReason', code: 'VALIDATION_FAILED' },
    ]);
  });

  it('reports only the controller when the controller itself is wrong', () => {
    expect(
      problemsOf('complaint_registration', { ...complaint, decision: 'maybe', rejectionReason: '不属于本机关管辖' }),
    ).toEqual([{ field: 'content.decision', code: 'VALIDATION_FAILED' }]);
  });

  it('shows a field when a multiselect includes the value (penalty decision fine amount)', () => {
    const decision = sampleContent('penalty_decision', { penaltyKinds: ['warning'] });
    expect(problemsOf('penalty_decision', decision)).toEqual([]);
    expect(problemsOf('penalty_decision', { ...decision, penaltyKinds: ['warning', 'fine'] })).toEqual([
      { field: 'content.fineAmount', code: 'VALIDATION_FAILED' },
    ]);
    const { content, problems } = validateRecordContent('penalty_decision', {
      ...decision,
      penaltyKinds: ['fine', 'warning'],
      fineAmount: '20000.5',
    });
    expect(problems).toEqual([]);
    expect(content.penaltyKinds).toEqual(['warning', 'fine']);
    expect(content.fineAmount).toBe('20000.50');
  });

  it('requires the witness of a compulsory measure only when the party is absent (行政强制法 第十八条)', () => {
    const present = sampleContent('compulsion_site_record', { isPartyPresent: true });
    expect(problemsOf('compulsion_site_record', present)).toEqual([]);
    expect(problemsOf('compulsion_site_record', { ...present, isPartyPresent: false })).toEqual([
      { field: 'content.witnessDetails', code: 'VALIDATION_FAILED' },
    ]);
  });
});

describe('numbers and money', () => {
  it('stores money as yuan with two decimals and refuses floats, negatives and fractions of a fen', () => {
    expect(normalizeMoney('1500')).toBe('1500.00');
    expect(normalizeMoney(' 0.5 ')).toBe('0.50');
    expect(normalizeMoney(1500.5)).toBe('1500.50');
    expect(normalizeMoney('007.10')).toBe('7.10');
    expect(normalizeMoney(0)).toBe('0.00');
    for (const bad of ['1.234', '-1', -1, 0.1 + 0.2, '1e3', '1,000', Number.NaN, Number.POSITIVE_INFINITY, '']) {
      expect(normalizeMoney(bad), String(bad)).toBeNull();
    }
  });

  it('reports a bad money amount in a record', () => {
    const notice = sampleContent('demand_notice', { isMonetary: true, amount: '1.005' });
    expect(problemsOf('demand_notice', notice)).toEqual([{ field: 'content.amount', code: 'VALIDATION_FAILED' }]);
    expect(problemsOf('demand_notice', { ...notice, amount: true })).toEqual([
      { field: 'content.amount', code: 'VALIDATION_FAILED' },
    ]);
  });

  it('takes integers as non-negative whole numbers only', () => {
    const summary = sampleContent('inspection_summary');
    expect(validateRecordContent('inspection_summary', { ...summary, inspectedCount: 12 }).content.inspectedCount).toBe(
      12,
    );
    for (const bad of [-1, 1.5, '12', Number.MAX_SAFE_INTEGER + 1]) {
      expect(problemsOf('inspection_summary', { ...summary, inspectedCount: bad }), String(bad)).toEqual([
        { field: 'content.inspectedCount', code: 'VALIDATION_FAILED' },
      ]);
    }
  });

  it('reads instants with an offset only', () => {
    expect(isIsoDateTime('2026-11-20T09:30+08:00')).toBe(true);
    expect(isIsoDateTime('2026-11-20T01:30:15.250Z')).toBe(true);
    expect(isIsoDateTime('2026-11-20T09:30')).toBe(false);
    expect(isIsoDateTime('2026-02-29T09:30+08:00')).toBe(false);
    expect(isIsoDateTime('2026-11-20T09:60+08:00')).toBe(false);
    expect(isIsoDateTime('2026-11-20T09:30+15:00')).toBe(false);
  });
});

describe('rules across fields', () => {
  it('refuses an end before the start', () => {
    expect(problemsOf('questioning_record', { ...questioning, endedAt: '2026-11-20T09:00+08:00' })).toEqual([
      { field: 'content.endedAt', code: 'VALIDATION_FAILED' },
    ]);
    // The same instant written in another offset is not earlier.
    expect(problemsOf('questioning_record', { ...questioning, endedAt: '2026-11-20T01:30Z' })).toEqual([]);
    const order = sampleContent('order_to_correct', { issuedOn: '2026-11-20', deadline: '2026-11-19' });
    expect(problemsOf('order_to_correct', order)).toEqual([{ field: 'content.deadline', code: 'VALIDATION_FAILED' }]);
  });

  it('caps a seizure at 30 days and its one extension at 30 more (行政强制法 第二十五条)', () => {
    const decision = sampleContent('sealing_seizure_decision');
    expect(problemsOf('sealing_seizure_decision', { ...decision, termDays: 30 })).toEqual([]);
    expect(problemsOf('sealing_seizure_decision', { ...decision, termDays: 31 })).toEqual([
      { field: 'content.termDays', code: 'VALIDATION_FAILED' },
    ]);
    const extension = sampleContent('seizure_extension_approval', SAMPLE_OVERRIDES.seizure_extension_approval);
    expect(problemsOf('seizure_extension_approval', { ...extension, extensionDays: 31 })).toEqual([
      { field: 'content.extensionDays', code: 'VALIDATION_FAILED' },
    ]);
    expect(problemsOf('seizure_extension_approval', { ...extension, extendedEndOn: '2026-12-21' })).toEqual([
      { field: 'content.extendedEndOn', code: 'VALIDATION_FAILED' },
    ]);
  });

  it('needs an emergency measure reported within 24 hours (行政强制法 第十九条)', () => {
    const approval = sampleContent('compulsion_approval', {
      isEmergency: true,
      actedAt: '2026-11-20T22:00+08:00',
      emergencyReportedAt: '2026-11-21T22:00+08:00',
    });
    expect(problemsOf('compulsion_approval', approval)).toEqual([]);
    expect(problemsOf('compulsion_approval', { ...approval, emergencyReportedAt: '2026-11-21T22:01+08:00' })).toEqual([
      { field: 'content.emergencyReportedAt', code: 'VALIDATION_FAILED' },
    ]);
  });

  it('PROC-6: the advance notice tells of statement and defence, and of a hearing where one applies', () => {
    const notice = sampleContent('advance_notice', {
      isHearingApplicable: true,
      rightsNotified: ['statement', 'defence'],
      hearingRequestNote: '收到本告知书之日起五日内提出',
    });
    expect(problemsOf('advance_notice', notice)).toEqual([
      { field: 'content.rightsNotified', code: 'VALIDATION_FAILED' },
    ]);
    expect(problemsOf('advance_notice', { ...notice, rightsNotified: ['statement', 'defence', 'hearing'] })).toEqual(
      [],
    );
    expect(
      problemsOf('advance_notice', { ...notice, isHearingApplicable: false, hearingRequestNote: undefined }),
    ).toEqual([]);
    expect(problemsOf('demand_notice', sampleContent('demand_notice', { rightsNotified: ['statement'] }))).toEqual([
      { field: 'content.rightsNotified', code: 'VALIDATION_FAILED' },
    ]);
  });

  it('PROC-6: the questioning record tells of recusal (行政处罚法 第四十三条)', () => {
    expect(problemsOf('questioning_record', { ...questioning, rightsNotified: ['statement'] })).toEqual([
      { field: 'content.rightsNotified', code: 'VALIDATION_FAILED' },
    ]);
  });

  it('keeps the investigators off the hearing bench (行政处罚法 第六十四条)', () => {
    const hearing = sampleContent('hearing_record', {
      host: '王五',
      hearingOfficers: '赵六、钱七',
      recorder: '孙八',
      investigators: '李四\n周九',
    });
    expect(problemsOf('hearing_record', hearing)).toEqual([]);
    expect(problemsOf('hearing_record', { ...hearing, hearingOfficers: '赵六、李四' })).toEqual([
      { field: 'content.hearingOfficers', code: 'VALIDATION_FAILED' },
    ]);
    expect(
      problemsOf('hearing_notice', sampleContent('hearing_notice', { host: '周九', investigators: '李四、周九' })),
    ).toEqual([{ field: 'content.host', code: 'VALIDATION_FAILED' }]);
  });

  it('serves electronically only with the signed consent (行政处罚法 第六十一条)', () => {
    const receipt = sampleContent('service_receipt', { method: 'electronic', isElectronicConsentSigned: false });
    expect(problemsOf('service_receipt', receipt)).toEqual([
      { field: 'content.isElectronicConsentSigned', code: 'VALIDATION_FAILED' },
    ]);
    expect(problemsOf('service_receipt', { ...receipt, isElectronicConsentSigned: true })).toEqual([]);
  });

  it('records a refusal and a witness when the document is left at the residence (S4 第二十七条)', () => {
    const receipt = sampleContent('service_receipt', { method: 'left_at_residence' });
    expect(Object.keys(receipt)).toEqual(expect.arrayContaining(['refusalReason', 'witness', 'servedOn']));
    expect(problemsOf('service_receipt', receipt)).toEqual([]);
    const { witness: _witness, ...withoutWitness } = receipt;
    expect(problemsOf('service_receipt', withoutWitness)).toEqual([
      { field: 'content.witness', code: 'VALIDATION_FAILED' },
    ]);
  });

  it('films forced demolition from several angles (S3 附件2 第十一条)', () => {
    const record = sampleContent('compulsion_site_record', { measureType: 'forced_demolition', isPartyPresent: true });
    expect(problemsOf('compulsion_site_record', record)).toEqual([
      { field: 'content.isViolenceAnticipated', code: 'VALIDATION_FAILED' },
    ]);
    expect(
      problemsOf(
        'compulsion_site_record',
        sampleContent('compulsion_site_record', {
          measureType: 'forced_demolition',
          isPartyPresent: true,
          isViolenceAnticipated: true,
        }),
      ),
    ).toEqual([]);
  });
});
