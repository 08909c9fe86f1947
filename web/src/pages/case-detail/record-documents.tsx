import { CheckCircleFilled, CloseCircleFilled, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Radio, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { documentUrl, useGenerateDocument, useLinkAttachment, useSignRecord } from '../../api/case-documents';
import { useCaseEvidence } from '../../api/evidence';
import { errorMessageOf } from '../../api/http';
import type { ServiceMethodDefinition } from '../../api/procedure-types';
import type { CaseRecord, RecordSignature, SignatureMethod, SignatureRole } from '../../api/workspace-types';
import { useCurrentUser } from '../../app/current-user';
import { SignaturePad } from '../../components/signature-pad';
import { formatChinaDateTime } from '../../features/time/china-time';

export const SIGNATURE_ROLE_LABELS: Record<SignatureRole, string> = {
  officer: '执法人员',
  party: '当事人',
  witness: '见证人',
  server: '送达人',
  recipient: '受送达人（签收人）',
};

const METHOD_LABELS: Record<SignatureMethod, string> = {
  electronic: '电子签名',
  handwritten: '平板手写',
  paper_scan: '纸质签名扫描件',
};

const ATTACHMENT_KINDS: Record<string, string> = {
  mail_registration: '邮寄送达登记',
  postage_voucher: '付邮凭证',
  return_receipt: '邮寄回执',
  announcement_copy: '书面公告',
  electronic_consent: '电子送达确认书',
  entrust_receipt: '受委托或转交单位交回的送达回证',
  delivery_record: '电子送达系统的送达记录',
};

type SignValues = { role: SignatureRole; method: SignatureMethod; signerName?: string; scanEvidenceId?: string };

/** DOC-4: one signature: the officer's own electronic one, or someone's handwriting on the pad or scanned back. */
const SignModal = ({
  caseId,
  record,
  isOpen,
  onClose,
  initialRole,
}: {
  caseId: string;
  record: CaseRecord;
  isOpen: boolean;
  onClose: () => void;
  initialRole: SignatureRole;
}) => {
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<SignValues>();
  const sign = useSignRecord(caseId);
  const evidence = useCaseEvidence(caseId);
  const [png, setPng] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const role = Form.useWatch('role', form) ?? initialRole;
  const method = Form.useWatch('method', form) ?? 'handwritten';
  const isOfficerOfRecord = record.officers.some((o) => o.userId === me.id);
  const canSignElectronically = (role === 'officer' && isOfficerOfRecord) || role === 'server';
  const scans = (evidence.data?.items ?? []).filter((i) => i.kind === 'scan' || i.kind === 'photo');

  const submit = async () => {
    let values: SignValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (values.method === 'handwritten' && !png) {
      setError('请先在签名区书写签名');
      return;
    }
    setError(null);
    sign.mutate(
      {
        recordId: record.id,
        body: {
          role: values.role,
          method: values.method,
          ...(values.method === 'electronic' ? {} : { signerName: values.signerName?.trim() }),
          ...(values.method === 'handwritten' && png ? { imagePng: png } : {}),
          ...(values.method === 'paper_scan' ? { scanEvidenceId: values.scanEvidenceId } : {}),
        },
      },
      {
        onSuccess: () => {
          void message.success(`已记录${SIGNATURE_ROLE_LABELS[values.role]}签名`);
          form.resetFields();
          setPng(null);
          onClose();
        },
        onError: (e) => setError(errorMessageOf(e)),
      },
    );
  };

  return (
    <Modal
      title={`在${record.name}上签名`}
      open={isOpen}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="确认签名"
      confirmLoading={sign.isPending}
      destroyOnHidden
      width={600}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          role: initialRole,
          method: initialRole === 'officer' || initialRole === 'server' ? 'electronic' : 'handwritten',
        }}
      >
        <Form.Item label="签名人身份" name="role" rules={[{ required: true }]}>
          <Select
            options={Object.entries(SIGNATURE_ROLE_LABELS).map(([value, label]) => ({ value, label }))}
            onChange={(next: SignatureRole) =>
              form.setFieldValue('method', next === 'officer' || next === 'server' ? 'electronic' : 'handwritten')
            }
          />
        </Form.Item>
        <Form.Item label="签名方式" name="method" rules={[{ required: true }]}>
          <Radio.Group>
            <Radio value="electronic" disabled={!canSignElectronically}>
              {METHOD_LABELS.electronic}（本人）
            </Radio>
            <Radio value="handwritten">{METHOD_LABELS.handwritten}</Radio>
            <Radio value="paper_scan">{METHOD_LABELS.paper_scan}</Radio>
          </Radio.Group>
        </Form.Item>
        {method === 'electronic' ? (
          <Typography.Paragraph type="secondary">
            以 {me.displayName} 的账号签名：签名指纹绑定本记录的摘要、签名人和时间，并记入防篡改日志。
          </Typography.Paragraph>
        ) : (
          <Form.Item
            label="签名人姓名"
            name="signerName"
            rules={[{ required: true, whitespace: true, message: '请填写签名人姓名' }]}
          >
            <Input maxLength={50} />
          </Form.Item>
        )}
        {method === 'handwritten' ? (
          <Form.Item label="手写签名" required>
            <SignaturePad onChange={setPng} />
          </Form.Item>
        ) : null}
        {method === 'paper_scan' ? (
          <Form.Item
            label="签名页扫描件"
            name="scanEvidenceId"
            rules={[{ required: true, message: '请选择已上传的签名页扫描件' }]}
            extra="先在本案证据中上传签名页的扫描件或照片，再在此选择"
          >
            <Select
              loading={evidence.isPending}
              options={scans.map((s) => ({
                value: s.id,
                label: `${s.filename}（${formatChinaDateTime(s.uploadedAt)}）`,
              }))}
              notFoundContent="本案尚无扫描件或照片"
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
};

/** SERVE-1: files an uploaded scan as one proof of service. */
const AttachModal = ({
  caseId,
  record,
  kind,
  onClose,
}: {
  caseId: string;
  record: CaseRecord;
  kind: string | null;
  onClose: () => void;
}) => {
  const { message } = App.useApp();
  const evidence = useCaseEvidence(caseId);
  const link = useLinkAttachment(caseId);
  const [evidenceId, setEvidenceId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scans = (evidence.data?.items ?? []).filter(
    (i) => i.kind === 'scan' || i.kind === 'photo' || i.kind === 'electronic_data',
  );

  return (
    <Modal
      title={`附送达凭证：${kind ? (ATTACHMENT_KINDS[kind] ?? kind) : ''}`}
      open={kind !== null}
      onCancel={onClose}
      okText="附上"
      okButtonProps={{ disabled: evidenceId === null }}
      confirmLoading={link.isPending}
      destroyOnHidden
      onOk={() =>
        kind &&
        evidenceId &&
        link.mutate(
          { recordId: record.id, evidenceId, kind },
          {
            onSuccess: () => {
              void message.success('已附送达凭证');
              setEvidenceId(null);
              onClose();
            },
            onError: (e) => setError(errorMessageOf(e)),
          },
        )
      }
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">
        凭证须先作为证据上传到本案（扫描件、照片或电子数据），原件不可更改。
      </Typography.Paragraph>
      <Select
        style={{ width: '100%' }}
        placeholder="选择已上传的凭证"
        loading={evidence.isPending}
        value={evidenceId}
        onChange={setEvidenceId}
        options={scans.map((s) => ({ value: s.id, label: `${s.filename}（${formatChinaDateTime(s.uploadedAt)}）` }))}
        notFoundContent="本案尚无扫描件、照片或电子数据"
      />
    </Modal>
  );
};

const Check = ({ isMet, children }: { isMet: boolean; children: React.ReactNode }) => (
  <Flex gap={6} align="center">
    {isMet ? (
      <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="已具备" />
    ) : (
      <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-label="缺少" />
    )}
    {children}
  </Flex>
);

/** SERVE-1: what the chosen method of service must leave on file, each item present or missing. */
const ServiceProof = ({
  record,
  method,
  canAct,
  onSign,
  onAttach,
  avCount,
}: {
  record: CaseRecord;
  method: ServiceMethodDefinition;
  avCount: number;
  canAct: boolean;
  onSign: (role: SignatureRole) => void;
  onAttach: (kind: string) => void;
}) => (
  <Flex vertical gap={6} data-testid="service-proof">
    <Typography.Text strong>{method.name}须具备：</Typography.Text>
    {method.signatures.map((s) => {
      const isMet = record.signatures.some((sig) => sig.role === s.role);

      return (
        <Check key={s.role} isMet={isMet}>
          <span>{s.name}签名</span>
          {!isMet && canAct ? (
            <Button size="small" type="link" onClick={() => onSign(s.role)}>
              签名
            </Button>
          ) : null}
        </Check>
      );
    })}
    {method.attachments.map((a) => {
      const isMet = record.attachments.some((x) => x.kind === a.kind);

      return (
        <Check key={a.kind} isMet={isMet || !a.isRequired}>
          <span>
            {a.name}
            {a.isRequired ? '' : '（如有）'}
          </span>
          {!isMet && canAct ? (
            <Button size="small" type="link" onClick={() => onAttach(a.kind)}>
              附凭证
            </Button>
          ) : null}
        </Check>
      );
    })}
    {method.isAvRequired ? (
      <Check isMet={avCount > 0 || record.avReason !== null}>
        <span>
          音像记录
          {avCount > 0
            ? `（已关联 ${avCount} 个文件）`
            : record.avReason
              ? `（书面说明：${record.avReason}）`
              : '（在本案证据中上传并关联本送达回证）'}
        </span>
      </Check>
    ) : null}
    {method.deemedServedAfterDays ? (
      <Typography.Text type="secondary">
        自公告之日起经过 {method.deemedServedAfterDays} 日，即视为送达。
      </Typography.Text>
    ) : null}
  </Flex>
);

/**
 * DOC-2, DOC-4, SERVE-1: the record's standard document (PDF and DOCX, each generation kept with its hash), the
 * signatures on it, and for a service receipt the proofs its method needs.
 */
export const RecordDocuments = ({
  caseId,
  record,
  serviceMethods,
  canAct,
}: {
  caseId: string;
  record: CaseRecord;
  serviceMethods: ServiceMethodDefinition[];
  canAct: boolean;
}) => {
  const { message } = App.useApp();
  const generate = useGenerateDocument(caseId);
  const [signRole, setSignRole] = useState<SignatureRole | null>(null);
  const [attachKind, setAttachKind] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = record.documents[0] ?? null;
  const isCurrentSigned =
    current !== null &&
    record.signatures.every((s) => current.signatureIds.includes(s.id)) &&
    current.signatureIds.length === record.signatures.length;
  const method =
    record.kind === 'service_receipt' ? serviceMethods.find((m) => m.id === record.content.method) : undefined;
  const evidence = useCaseEvidence(caseId);
  const avCount = (evidence.data?.items ?? []).filter(
    (i) => i.recordId === record.id && (i.kind === 'video' || i.kind === 'audio'),
  ).length;

  return (
    <Flex vertical gap={12} data-testid="record-documents">
      {error ? <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} /> : null}
      {record.documentTemplateId ? (
        <Flex gap={8} align="center" wrap>
          {current ? (
            <>
              <Button icon={<FilePdfOutlined aria-hidden />} href={documentUrl(current.id, 'pdf')} target="_blank">
                查看 PDF
              </Button>
              <Button icon={<FileWordOutlined aria-hidden />} href={`${documentUrl(current.id, 'docx')}`} download>
                下载可编辑 DOCX
              </Button>
              <Typography.Text type="secondary" className="mono" title={current.pdfSha256}>
                {formatChinaDateTime(current.generatedAt)} 生成 · SHA-256 {current.pdfSha256.slice(0, 16)}…
              </Typography.Text>
              {isCurrentSigned ? null : <Tag color="orange">有新签名，需重新生成</Tag>}
            </>
          ) : (
            <Typography.Text type="secondary">尚未生成格式文书</Typography.Text>
          )}
          {canAct ? (
            <Button
              type={current ? 'default' : 'primary'}
              loading={generate.isPending}
              onClick={() =>
                generate.mutate(record.id, {
                  onSuccess: (doc) => {
                    setError(null);
                    void message.success(doc.isNew ? `已生成${doc.title}` : '文书内容未变化，沿用已生成的文书');
                  },
                  onError: (e) => setError(errorMessageOf(e)),
                })
              }
            >
              {current ? '重新生成' : '生成文书'}
            </Button>
          ) : null}
        </Flex>
      ) : null}
      <Table<RecordSignature>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={record.signatures}
        locale={{ emptyText: '尚无签名' }}
        columns={[
          { title: '身份', dataIndex: 'role', width: 150, render: (r: SignatureRole) => SIGNATURE_ROLE_LABELS[r] ?? r },
          { title: '签名人', dataIndex: 'signerName', width: 110 },
          { title: '方式', dataIndex: 'method', width: 130, render: (m: SignatureMethod) => METHOD_LABELS[m] ?? m },
          { title: '时间', dataIndex: 'signedAt', width: 170, render: (at: string) => formatChinaDateTime(at) },
          {
            title: '签名指纹',
            dataIndex: 'fingerprint',
            render: (f: string) => (
              <span className="mono" title={f}>
                {f.slice(0, 16)}…
              </span>
            ),
          },
        ]}
      />
      {canAct ? (
        <div>
          <Button onClick={() => setSignRole(record.officers.length > 0 ? 'officer' : 'party')}>签名</Button>
        </div>
      ) : null}
      {method ? (
        <ServiceProof
          record={record}
          method={method}
          canAct={canAct}
          avCount={avCount}
          onSign={(role) => setSignRole(role)}
          onAttach={(kind) => setAttachKind(kind)}
        />
      ) : null}
      {signRole ? (
        <SignModal
          caseId={caseId}
          record={record}
          isOpen={signRole !== null}
          initialRole={signRole}
          onClose={() => setSignRole(null)}
        />
      ) : null}
      <AttachModal caseId={caseId} record={record} kind={attachKind} onClose={() => setAttachKind(null)} />
    </Flex>
  );
};
