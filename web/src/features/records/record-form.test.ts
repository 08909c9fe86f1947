import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { FieldDefinition, RecordKind } from '../../api/procedure-types';
import type { CaseRecord } from '../../api/workspace-types';
import {
  canonicalRecordField,
  correctionFormValues,
  isAvReasonAsked,
  newRecordFormValues,
  splitRecordErrors,
  toMoneyString,
  toRecordContent,
  toRecordRequest,
  visibleFields,
} from './record-form';

const fields: FieldDefinition[] = [
  { name: 'startedAt', label: '询问开始时间', type: 'datetime', isRequired: true },
  { name: 'heldOn', label: '日期', type: 'date', isRequired: false },
  { name: 'place', label: '询问地点', type: 'text', isRequired: true, maxLength: 200 },
  {
    name: 'relationToParty',
    label: '与当事人关系',
    type: 'select',
    isRequired: true,
    options: [
      { value: 'party', label: '当事人本人' },
      { value: 'other', label: '其他' },
    ],
  },
  {
    name: 'relationDetail',
    label: '与当事人关系说明',
    type: 'text',
    isRequired: true,
    showWhen: { field: 'relationToParty', equals: ['other'] },
  },
  {
    name: 'rightsNotified',
    label: '告知的权利',
    type: 'multiselect',
    isRequired: true,
    options: [
      { value: 'statement', label: '陈述' },
      { value: 'recusal', label: '申请回避' },
    ],
  },
  { name: 'isRecusalRequested', label: '是否申请回避', type: 'boolean', isRequired: true },
  {
    name: 'recusalHandling',
    label: '回避处理',
    type: 'textarea',
    isRequired: true,
    showWhen: { field: 'isRecusalRequested', equals: [true] },
  },
  {
    name: 'recusalNote',
    label: '回避备注',
    type: 'text',
    isRequired: false,
    showWhen: { field: 'recusalHandling', equals: ['见附页'] },
  },
  { name: 'fine', label: '罚款金额', type: 'money', isRequired: false },
  { name: 'days', label: '期限', type: 'integer', isRequired: false },
];

const kind: RecordKind = {
  id: 'questioning_record',
  name: '询问笔录',
  citations: [],
  fields,
  officers: { min: 2, isCredentialShownRecorded: true },
  partySignature: 'required',
  witnesses: 'optional',
  isRightsNoticeRecorded: true,
  approvalSteps: [],
};

const names = (list: FieldDefinition[]) => list.map((f) => f.name);

describe('visibleFields', () => {
  it('hides a field until its controller has a matching value', () => {
    expect(names(visibleFields(fields, { relationToParty: 'party' }))).not.toContain('relationDetail');
    expect(names(visibleFields(fields, { relationToParty: 'other' }))).toContain('relationDetail');
    expect(names(visibleFields(fields, { isRecusalRequested: true }))).toContain('recusalHandling');
    expect(names(visibleFields(fields, { isRecusalRequested: false }))).not.toContain('recusalHandling');
  });

  it('hides everything below a hidden link of a chain', () => {
    const content = { isRecusalRequested: false, recusalHandling: '见附页' };
    expect(names(visibleFields(fields, content))).not.toContain('recusalNote');
    expect(names(visibleFields(fields, { ...content, isRecusalRequested: true }))).toContain('recusalNote');
  });
});

describe('toRecordContent', () => {
  it('converts each type and leaves out hidden and empty fields', () => {
    const content = toRecordContent(fields, {
      startedAt: dayjs(new Date(2026, 10, 21, 9, 30)),
      heldOn: dayjs(new Date(2026, 10, 20)),
      place: '  执法大队询问室 ',
      relationToParty: 'party',
      relationDetail: '遗留的说明',
      rightsNotified: ['recusal', 'statement'],
      isRecusalRequested: undefined,
      recusalHandling: '不应发送',
      fine: '1500.5',
      days: 15,
    });
    expect(content).toEqual({
      startedAt: '2026-11-21T09:30:00+08:00',
      heldOn: '2026-11-20',
      place: '执法大队询问室',
      relationToParty: 'party',
      rightsNotified: ['statement', 'recusal'],
      isRecusalRequested: false,
      fine: '1500.50',
      days: 15,
    });
  });
});

describe('toMoneyString', () => {
  it('writes two decimals', () => {
    expect(toMoneyString('1500')).toBe('1500.00');
    expect(toMoneyString(0.5)).toBe('0.50');
    expect(toMoneyString('007.1')).toBe('7.10');
    expect(toMoneyString('abc')).toBe('abc');
  });
});

describe('toRecordRequest', () => {
  const values = {
    ...newRecordFormValues(kind, {
      now: dayjs(new Date(2026, 10, 21, 10, 0)),
      place: ' 某区某路 ',
      officerIds: ['u1', 'u2'],
    }),
    credentialShown: { u2: false },
    partySignature: 'refused' as const,
    refusalReason: ' 当事人拒绝签字 ',
    witnesses: [{ name: ' 张三 ', idNumber: '', phone: '13800138000' }, { name: '' }],
    avReason: ' 执法记录仪故障 ',
  };

  it('builds the envelope, the signature and the witnesses', () => {
    const body = toRecordRequest(kind, values, { isAvReasonShown: true });
    expect(body).toMatchObject({
      kind: 'questioning_record',
      recordedAt: '2026-11-21T10:00:00+08:00',
      place: '某区某路',
      officers: [
        { userId: 'u1', isCredentialShown: true },
        { userId: 'u2', isCredentialShown: false },
      ],
      partySignature: 'refused',
      refusalReason: '当事人拒绝签字',
      witnesses: [{ name: '张三', idNumber: null, phone: '13800138000' }],
      avReason: '执法记录仪故障',
    });
  });

  it('leaves out what the kind does not take', () => {
    const desk = { ...kind, partySignature: 'none' as const, witnesses: 'none' as const };
    const deskOfficers = { ...desk, officers: { min: 1, isCredentialShownRecorded: false } };
    const body = toRecordRequest(deskOfficers, values, { isAvReasonShown: false });
    expect(body).not.toHaveProperty('partySignature');
    expect(body).not.toHaveProperty('refusalReason');
    expect(body).not.toHaveProperty('witnesses');
    expect(body).not.toHaveProperty('avReason');
    expect(body.officers.every((o) => o.isCredentialShown === false)).toBe(true);
  });

  it('sends no refusal reason unless the party refused', () => {
    const body = toRecordRequest(kind, { ...values, partySignature: 'signed' }, { isAvReasonShown: false });
    expect(body.refusalReason).toBeNull();
  });
});

describe('correctionFormValues', () => {
  it('starts a correction from the current version', () => {
    const record = {
      recordedAt: '2026-11-21T02:00:00.000Z',
      place: '某地',
      officers: [
        { userId: 'u1', name: '王明', credentialNumber: '1', isCredentialValid: true, isCredentialShown: true },
        { userId: 'u2', name: '李华', credentialNumber: '2', isCredentialValid: true, isCredentialShown: false },
      ],
      partySignature: 'signed',
      refusalReason: null,
      witnesses: [{ name: '张三', idNumber: null }],
      avReason: null,
      content: {
        startedAt: '2026-11-21T09:30:00+08:00',
        heldOn: '2026-11-20',
        rightsNotified: ['recusal'],
        isRecusalRequested: true,
        fine: '20.00',
        relationDetail: null,
      },
    } as unknown as CaseRecord;
    const values = correctionFormValues(kind, record);
    expect(values.recordedAt?.format('YYYY-MM-DD HH:mm')).toBe('2026-11-21 10:00');
    expect(values.officers).toEqual(['u1', 'u2']);
    expect(values.credentialShown).toEqual({ u1: true, u2: false });
    expect(values.partySignature).toBe('signed');
    expect(values.witnesses).toEqual([{ name: '张三', idNumber: '', phone: '' }]);
    expect(values.content?.startedAt && dayjs.isDayjs(values.content.startedAt)).toBe(true);
    expect(toRecordContent(fields, values.content)).toMatchObject({
      startedAt: '2026-11-21T09:30:00+08:00',
      heldOn: '2026-11-20',
      rightsNotified: ['recusal'],
      isRecusalRequested: true,
      fine: '20.00',
    });
  });
});

describe('splitRecordErrors', () => {
  const values = { officers: ['u1'], witnesses: [{ name: '' }], content: { relationToParty: 'party' } };
  const context = { isAvReasonShown: true, isCorrection: true };

  it('maps server paths onto the inputs', () => {
    const { formErrors, otherMessages } = splitRecordErrors(
      [
        { field: 'content.startedAt', code: 'INVALID_DATE', message: '日期无效' },
        { field: 'officers.0.userId', code: 'INVALID_OFFICER', message: '执法人员无效' },
        { field: 'witnesses.0.name', code: 'VALIDATION_FAILED', message: '此项必填' },
        { field: 'recordedAt', code: 'DATE_IN_FUTURE', message: '日期不能晚于今天' },
        { field: 'correctionReason', code: 'VALIDATION_FAILED', message: '此项必填' },
      ],
      kind,
      values,
      context,
    );
    expect(formErrors).toEqual([
      { name: ['content', 'startedAt'], errors: ['日期无效'] },
      { name: ['officers'], errors: ['执法人员无效'] },
      { name: ['witnesses', 0, 'name'], errors: ['此项必填'] },
      { name: ['recordedAt'], errors: ['日期不能晚于今天'] },
      { name: ['correctionReason'], errors: ['此项必填'] },
    ]);
    expect(otherMessages).toEqual([]);
  });

  it('names the problems without an input on screen', () => {
    const { formErrors, otherMessages } = splitRecordErrors(
      [
        { field: 'content.relationDetail', code: 'VALIDATION_FAILED', message: '此项必填或格式不正确' },
        { field: 'witnesses', code: 'VALIDATION_FAILED', message: '此项必填或格式不正确' },
        { field: 'content.extra', code: 'VALIDATION_FAILED', message: '不允许的字段' },
      ],
      kind,
      values,
      context,
    );
    expect(formErrors).toEqual([]);
    expect(otherMessages).toEqual([
      '与当事人关系说明：此项必填或格式不正确',
      '见证人：此项必填或格式不正确',
      '文书内容：不允许的字段',
    ]);
  });

  it('treats every officer path as the one picker', () => {
    expect(canonicalRecordField('officers.3.userId')).toBe('officers');
    expect(canonicalRecordField('officers')).toBe('officers');
    expect(canonicalRecordField('content.officers')).toBe('content.officers');
  });
});

describe('isAvReasonAsked', () => {
  const receipt: RecordKind = {
    ...kind,
    id: 'service_receipt',
    name: '送达回证',
    fields: [
      { name: 'needsMethod', label: '是否记录送达方式', type: 'boolean', isRequired: true },
      {
        name: 'method',
        label: '送达方式',
        type: 'select',
        isRequired: true,
        options: [
          { value: 'direct', label: '直接送达' },
          { value: 'left_at_residence', label: '留置送达' },
          { value: 'announcement', label: '公告送达' },
        ],
        showWhen: { field: 'needsMethod', equals: [true] },
      },
    ],
  };
  const av = { level: 'required' as const, when: { field: 'method', equals: ['left_at_residence', 'announcement'] } };

  it('asks only while the content meets the condition (AV-2)', () => {
    expect(isAvReasonAsked(receipt, av, { needsMethod: true, method: 'left_at_residence' })).toBe(true);
    expect(isAvReasonAsked(receipt, av, { needsMethod: true, method: 'direct' })).toBe(false);
    expect(isAvReasonAsked(receipt, av, { needsMethod: true })).toBe(false);
    expect(isAvReasonAsked(receipt, av, undefined)).toBe(false);
  });

  it('judges the content as sent: a hidden field does not count', () => {
    expect(isAvReasonAsked(receipt, av, { needsMethod: false, method: 'announcement' })).toBe(false);
  });

  it('always asks without a condition, and never at levels that ask for nothing', () => {
    expect(isAvReasonAsked(receipt, { level: 'full_length', when: null }, {})).toBe(true);
    expect(isAvReasonAsked(receipt, { level: 'optional', when: av.when }, { method: 'announcement' })).toBe(false);
  });
});
