import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, Flex, Form, Input, Radio, Row, Select, Tag, Typography } from 'antd';
import type { Officer, RecordKind } from '../../api/procedure-types';
import type { AvLevel } from '../../api/procedure-types';
import type { RecordOfficer } from '../../api/workspace-types';
import { credentialStatus } from '../../features/org/credential-status';
import type { RecordFormValues } from '../../features/records/record-form';
import { todayIso } from '../../features/time/date-format';

type Credential = Officer['credentials'][number];

/** The credential to show for an officer: a valid one, else the most recent. */
const mainCredential = (officer: Officer): Credential | null =>
  officer.credentials.find((c) => c.isValid) ??
  [...officer.credentials].sort((a, b) => b.validTo.localeCompare(a.validTo))[0] ??
  null;

const CredentialState = ({ officer }: { officer: Officer }) => {
  const credential = mainCredential(officer);
  if (!credential) return <Tag color="error">无证</Tag>;
  const status = officer.hasValidCredential
    ? { label: '有效', color: 'success' as const }
    : credentialStatus({ ...credential, isValid: false }, todayIso());

  return (
    <>
      <Typography.Text className="mono">{credential.number}</Typography.Text>
      <Tag color={status.color} style={{ marginInlineEnd: 0 }}>
        {status.label}
      </Tag>
    </>
  );
};

type OfficersProps = {
  kind: RecordKind;
  officers: readonly Officer[];
  /** Officers already named on the record being corrected, who may have left the list since. */
  recorded: readonly RecordOfficer[];
};

/** ORG-3: who made the record, with their credentials; showing the credential is recorded for field work. */
export const OfficerFields = ({ kind, officers, recorded }: OfficersProps) => {
  const form = Form.useFormInstance<RecordFormValues>();
  const selected: string[] = Form.useWatch('officers', form) ?? [];
  const byId = new Map(officers.map((o) => [o.id, o]));
  const options = [
    ...officers.map((o) => ({
      value: o.id,
      label: `${o.displayName}（${mainCredential(o)?.number ?? '无执法证'}${o.hasValidCredential ? '' : mainCredential(o) ? '，已失效' : ''}）`,
    })),
    ...recorded
      .filter((o) => !byId.has(o.userId))
      .map((o) => ({ value: o.userId, label: `${o.name}（${o.credentialNumber ?? '无执法证'}）` })),
  ];
  const validCount = selected.filter((id) => byId.get(id)?.hasValidCredential).length;
  const needsTwo = kind.officers.min >= 2;

  return (
    <>
      <Form.Item
        label="执法人员"
        name="officers"
        rules={[{ required: true, type: 'array', min: 1, message: '请选择执法人员' }]}
        extra={
          needsTwo ? '本文书须由两名以上持有效执法证的执法人员制作（行政处罚法第四十二条）' : '制作本文书的执法人员'
        }
      >
        <Select mode="multiple" options={options} optionFilterProp="label" placeholder="选择执法人员" />
      </Form.Item>
      {selected.length > 0 ? (
        <Flex vertical gap={6} style={{ marginTop: -8, marginBottom: 16 }} data-testid="selected-officers">
          {selected.map((id) => {
            const officer = byId.get(id);
            const fallback = recorded.find((o) => o.userId === id);

            return (
              <Flex
                key={id}
                gap={8}
                align="center"
                wrap
                style={{ padding: '4px 8px', background: '#fafbfc', borderRadius: 4 }}
              >
                <Typography.Text strong>{officer?.displayName ?? fallback?.name ?? id}</Typography.Text>
                {officer ? (
                  <CredentialState officer={officer} />
                ) : (
                  <Typography.Text type="secondary">不在当前执法人员名单中</Typography.Text>
                )}
                {kind.officers.isCredentialShownRecorded ? (
                  <Form.Item name={['credentialShown', id]} valuePropName="checked" initialValue noStyle>
                    <Checkbox
                      aria-label={`${officer?.displayName ?? fallback?.name ?? ''}已出示执法证件`}
                      style={{ marginInlineStart: 'auto' }}
                    >
                      已出示执法证件
                    </Checkbox>
                  </Form.Item>
                ) : null}
              </Flex>
            );
          })}
        </Flex>
      ) : null}
      {needsTwo && selected.length > 0 && validCount < kind.officers.min ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: -4, marginBottom: 16 }}
          title={`目前仅 ${validCount} 名持有效执法证的执法人员：合规检查将判为违规，案件不能进入下一环节`}
        />
      ) : null}
    </>
  );
};

const SIGNATURE_OPTIONS = [
  { value: 'signed', label: '已签名' },
  { value: 'refused', label: '拒绝签名' },
  { value: 'pending', label: '待签名' },
];

/** PROC-7: the party signs, refuses (with the reason), or has yet to sign. */
export const SignatureFields = () => {
  const form = Form.useFormInstance<RecordFormValues>();
  const signature = Form.useWatch('partySignature', form);

  return (
    <>
      <Form.Item
        label="当事人签名"
        name="partySignature"
        rules={[{ required: true, message: '请选择当事人签名情况' }]}
        extra="待签名的记录在当事人签名或记录拒签前，合规检查将提示缺失。"
      >
        <Radio.Group options={SIGNATURE_OPTIONS} />
      </Form.Item>
      {signature === 'refused' ? (
        <Form.Item
          label="拒签理由"
          name="refusalReason"
          rules={[{ required: true, whitespace: true, message: '请写明当事人拒绝签名的情况' }]}
        >
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      ) : null}
    </>
  );
};

export const WitnessFields = ({ isRequired }: { isRequired: boolean }) => (
  <Form.List
    name="witnesses"
    rules={[
      {
        validator: async (_, witnesses: unknown[] | undefined) => {
          if (isRequired && (!witnesses || witnesses.length === 0)) throw new Error('本文书须记录见证人');
        },
      },
    ]}
  >
    {(fields, { add, remove }, { errors }) => (
      <>
        {fields.map((field, index) => (
          <Row key={field.key} gutter={12} align="bottom">
            <Col xs={24} md={7}>
              <Form.Item
                label={`见证人${index + 1}姓名`}
                name={[field.name, 'name']}
                rules={[{ required: true, whitespace: true, message: '请填写见证人姓名' }]}
              >
                <Input maxLength={50} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={`见证人${index + 1}身份证件号码`} name={[field.name, 'idNumber']}>
                <Input maxLength={30} autoComplete="off" className="mono" />
              </Form.Item>
            </Col>
            <Col xs={20} md={7}>
              <Form.Item label={`见证人${index + 1}联系电话`} name={[field.name, 'phone']}>
                <Input maxLength={30} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={4} md={2}>
              <Form.Item>
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={`删除见证人${index + 1}`}
                  onClick={() => remove(field.name)}
                />
              </Form.Item>
            </Col>
          </Row>
        ))}
        <Form.Item>
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', idNumber: '', phone: '' })}>
            添加见证人
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      </>
    )}
  </Form.List>
);

/**
 * AV-2: the recording is filed as evidence linked to the record; a written statement stands in for it where none was
 * made. `condition` says why a conditional requirement applies (送达方式为留置送达或公告送达时).
 */
export const AvReasonField = ({ level, condition }: { level: AvLevel; condition: string | null }) => (
  <>
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="av-hint"
      title={`${condition ?? '本环节'}应${level === 'full_length' ? '全程' : '同步'}音像记录`}
      description="保存本记录后，请在「音像记录与证据」中上传音像文件并关联本记录；未能音像记录的，请在此写明原因。既无音像文件也无书面说明的，合规检查将提示缺失。"
    />
    <Form.Item label="音像记录书面说明" name="avReason">
      <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
    </Form.Item>
  </>
);
