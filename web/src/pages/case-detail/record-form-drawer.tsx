import { Alert, App, Button, Col, DatePicker, Divider, Drawer, Flex, Form, Input, Row, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type KeyboardEvent } from 'react';
import { errorMessageOf, fieldErrorsOf } from '../../api/http';
import { useOfficers } from '../../api/procedures';
import type { AvCondition, AvLevel, RecordKind } from '../../api/procedure-types';
import { useCorrectRecord, useMakeRecord } from '../../api/workspace';
import type { CaseRecord, SavedRecord } from '../../api/workspace-types';
import { useCurrentUser } from '../../app/current-user';
import { Citations } from '../../components/citations';
import { avConditionText } from '../../features/procedures/procedure-labels';
import {
  correctionFormValues,
  isAvReasonAsked,
  newRecordFormValues,
  splitRecordErrors,
  toRecordRequest,
  type RecordFormValues,
} from '../../features/records/record-form';
import { chinaNow } from '../../features/time/china-time';
import { RecordContentFields } from './record-content-fields';
import { AvReasonField, OfficerFields, SignatureFields, WitnessFields } from './record-envelope-fields';

export type RecordFormTarget = {
  kind: RecordKind;
  stageName: string;
  av: AvLevel;
  /** AV-2: the level applies only while the record's content meets this; null: always. */
  avWhen: AvCondition | null;
  /** The record being corrected; null for a new record. */
  correcting: CaseRecord | null;
};

type Props = {
  caseId: string;
  target: RecordFormTarget | null;
  isOpen: boolean;
  defaultPlace: string | null;
  onClose: () => void;
  afterClose: () => void;
  onSaved: (saved: SavedRecord) => void;
};

type FormAlert = { title: string; details: string[] };

/**
 * Enter confirms a typed date or a chosen option; it must not also save the record, which could then only be
 * changed by a correction with a reason. Only the 保存记录 button saves.
 */
const preventImplicitSubmit = (event: KeyboardEvent<HTMLFormElement>) => {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
};

const Section = ({ title }: { title: string }) => (
  <Divider titlePlacement="start" style={{ marginBlock: '8px 16px' }}>
    <Typography.Text strong>{title}</Typography.Text>
  </Divider>
);

const RecordForm = ({
  caseId,
  target,
  defaultPlace,
  formId,
  onSaved,
  onPendingChange,
}: {
  caseId: string;
  target: RecordFormTarget;
  defaultPlace: string | null;
  formId: string;
  onSaved: (saved: SavedRecord) => void;
  onPendingChange: (isPending: boolean) => void;
}) => {
  const { kind, correcting, av, avWhen } = target;
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordFormValues>();
  const officers = useOfficers();
  const makeRecord = useMakeRecord(caseId);
  const correctRecord = useCorrectRecord(caseId);
  const [formAlert, setFormAlert] = useState<FormAlert | null>(null);
  const content = Form.useWatch('content', { form, preserve: true });
  const isCorrection = correcting !== null;

  if (officers.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin description="正在加载执法人员名单…" />
      </Flex>
    );
  }
  const officerList = officers.data ?? [];
  const initialValues = correcting
    ? correctionFormValues(kind, correcting)
    : newRecordFormValues(kind, {
        now: chinaNow(),
        place: defaultPlace,
        officerIds: officerList.some((o) => o.id === me.id) ? [me.id] : [],
      });
  // Before the first render of the form the watch reads nothing; the starting values decide then.
  const isAvReasonShown = isAvReasonAsked(kind, { level: av, when: avWhen }, content ?? initialValues.content);

  const onFinish = () => {
    // All values, hidden ones included: visibility is judged from them, and hidden fields are left out of the body.
    const values = form.getFieldsValue(true) as RecordFormValues;
    const isAvReasonShown = isAvReasonAsked(kind, { level: av, when: avWhen }, values.content);
    const body = toRecordRequest(kind, values, { isAvReasonShown });
    setFormAlert(null);
    const handlers = {
      onSuccess: (saved: SavedRecord) => {
        void message.success(
          correcting ? `已更正${kind.name}，生成第 ${saved.version} 版` : `${kind.name}已保存并写入账本`,
        );
        onSaved(saved);
      },
      onError: (error: unknown) => {
        const { formErrors, otherMessages } = splitRecordErrors(fieldErrorsOf(error), kind, values, {
          isAvReasonShown,
          isCorrection,
        });
        form.setFields(formErrors as Parameters<typeof form.setFields>[0]);
        const first = formErrors[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
        setFormAlert({ title: errorMessageOf(error), details: otherMessages });
      },
      onSettled: () => onPendingChange(false),
    };
    onPendingChange(true);
    if (correcting) {
      correctRecord.mutate(
        { recordId: correcting.id, body: { reason: (values.correctionReason ?? '').trim(), record: body } },
        handlers,
      );
    } else {
      makeRecord.mutate(body, handlers);
    }
  };

  return (
    <>
      {formAlert ? (
        <Alert
          type="error"
          showIcon
          data-testid="record-form-error"
          title={formAlert.title}
          description={
            formAlert.details.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {formAlert.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {officers.error ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`无法加载执法人员名单：${errorMessageOf(officers.error)}`}
        />
      ) : null}
      <Form<RecordFormValues>
        id={formId}
        form={form}
        layout="vertical"
        name={`record-${kind.id}`}
        initialValues={initialValues}
        onFinish={onFinish}
        scrollToFirstError={{ block: 'center' }}
        onValuesChange={() => formAlert && setFormAlert(null)}
        onKeyDown={preventImplicitSubmit}
        disabled={makeRecord.isPending || correctRecord.isPending}
      >
        {correcting ? (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={`更正将生成第 ${correcting.version + 1} 版，第 ${correcting.version} 版原样保留并可追溯`}
              description={
                correcting.approval.steps.length ? '更正后的版本须重新逐级审批。' : '更正理由与新版本一并写入账本。'
              }
            />
            <Form.Item
              label="更正理由"
              name="correctionReason"
              rules={[{ required: true, whitespace: true, message: '请写明更正理由' }]}
            >
              <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </>
        ) : null}
        <Section title="基本信息" />
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              label="记录时间"
              name="recordedAt"
              rules={[
                { required: true, message: '请选择记录时间' },
                {
                  validator: async (_, value: Dayjs | null | undefined) => {
                    if (value && value.isAfter(chinaNow().add(5, 'minute'))) throw new Error('记录时间不能晚于现在');
                  },
                },
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                disabledDate={(d) => d.isAfter(chinaNow(), 'day')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item label="地点" name="place">
              <Input maxLength={200} autoComplete="off" placeholder="制作记录的地点" />
            </Form.Item>
          </Col>
        </Row>
        <OfficerFields kind={kind} officers={officerList} recorded={correcting?.officers ?? []} />
        {kind.fields.length ? (
          <>
            <Section title="文书内容" />
            <RecordContentFields fields={kind.fields} />
          </>
        ) : null}
        {kind.partySignature === 'required' ? (
          <>
            <Section title="当事人签名" />
            <SignatureFields />
          </>
        ) : null}
        {kind.witnesses !== 'none' ? (
          <>
            <Section title={kind.witnesses === 'required' ? '见证人（必填）' : '见证人（选填）'} />
            <WitnessFields isRequired={kind.witnesses === 'required'} />
          </>
        ) : null}
        {isAvReasonShown ? (
          <>
            <Section title="音像记录" />
            <AvReasonField level={av} condition={avWhen ? avConditionText(avWhen, kind.fields) : null} />
          </>
        ) : null}
      </Form>
    </>
  );
};

/** DOC-1: makes a record of a kind, or a corrected version of one, from the form its catalog entry defines. */
export const RecordFormDrawer = ({ caseId, target, isOpen, defaultPlace, onClose, afterClose, onSaved }: Props) => {
  const [isPending, setIsPending] = useState(false);
  const formId = 'record-form';
  const title = target ? `${target.correcting ? '更正' : '制作'}${target.kind.name}` : '';

  return (
    <Drawer
      title={title}
      open={isOpen}
      onClose={onClose}
      afterOpenChange={(open) => {
        if (!open) afterClose();
      }}
      size="min(980px, 100vw)"
      destroyOnHidden
      mask={{ closable: false }}
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" form={formId} loading={isPending}>
            保存记录
          </Button>
        </Flex>
      }
    >
      {target ? (
        <>
          <Flex vertical gap={2} style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">
              {target.stageName} · {target.kind.name}
              {target.correcting ? ` · 当前第 ${target.correcting.version} 版` : ''}
            </Typography.Text>
            <Citations citations={target.kind.citations} />
          </Flex>
          <RecordForm
            key={`${target.kind.id}-${target.correcting?.id ?? 'new'}`}
            caseId={caseId}
            target={target}
            defaultPlace={defaultPlace}
            formId={formId}
            onSaved={onSaved}
            onPendingChange={setIsPending}
          />
        </>
      ) : null}
    </Drawer>
  );
};
