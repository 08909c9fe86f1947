import { ExclamationCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  previewRetentionFact,
  usePlaceLegalHold,
  useRecordRetentionFact,
  useReleaseLegalHold,
  useRequestDisposal,
  type CaseEvidence,
  type CatalogEntry,
  type EvidenceItem,
  type LegalHold,
} from '../../api/evidence';
import { errorMessageOf } from '../../api/http';
import {
  WHOLE_CASE,
  factByline,
  factChoices,
  formatUpgradePreview,
  holdBody,
  holdScope,
  holdTargets,
  type RetentionAccess,
} from '../../features/evidence/retention-actions';
import { formatChinaDateTime } from '../../features/time/china-time';

const REASON_MAX = 500;
const small = { fontSize: 12 } as const;
const when = (iso: string) => formatChinaDateTime(iso, 'YYYY-MM-DD HH:mm');

const ReasonField = ({ label, message }: { label: string; message: string }) => (
  <Form.Item
    label={label}
    name="reason"
    rules={[{ required: true, whitespace: true, message }]}
    style={{ marginBottom: 0 }}
  >
    <Input.TextArea maxLength={REASON_MAX} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
  </Form.Item>
);

/** RET-1: the preview of what a fact would change, asked of the server as soon as the fact is chosen. */
const UpgradePreviewView = ({ caseId, fact }: { caseId: string; fact: string }) => {
  const preview = useQuery({
    queryKey: ['evidence', 'retention-preview', caseId, fact],
    queryFn: () => previewRetentionFact(caseId, { fact }),
    staleTime: 0,
    gcTime: 0,
  });
  if (preview.error) {
    return <Alert type="error" showIcon title={`无法预览保存期限的变化：${errorMessageOf(preview.error)}`} />;
  }
  if (!preview.data) return <Spin size="small" />;
  const view = formatUpgradePreview(preview.data.upgrades);

  return (
    <Alert
      type={view.lines.length ? 'warning' : 'info'}
      showIcon
      data-testid="retention-preview"
      title={view.title}
      description={
        view.lines.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {view.lines.map((line) => (
              <li key={line} data-testid="retention-preview-line">
                {line}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
};

const citationText = (entry: CatalogEntry | undefined) => entry?.citations.map((c) => c.text).join('；') ?? '';

/** RET-1: one fact from the catalog, its basis, an optional note and the preview of term changes. */
const RecordFactModal = ({
  caseId,
  evidence,
  facts,
  onClose,
}: {
  caseId: string;
  evidence: CaseEvidence;
  facts: readonly CatalogEntry[];
  onClose: () => void;
}) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ fact: string; note?: string }>();
  const fact = Form.useWatch('fact', form);
  const record = useRecordRetentionFact(caseId);
  const choices = factChoices(facts, evidence.retentionFacts ?? []);
  const chosen = choices.find((c) => c.id === fact);

  const onFinish = ({ fact: id, note }: { fact: string; note?: string }) =>
    record.mutate(note?.trim() ? { fact: id, note: note.trim() } : { fact: id }, {
      onSuccess: (result) => {
        void message.success(
          result.upgrades.length
            ? `已登记「${chosen?.name ?? id}」，${result.upgrades.length} 份证据的保存期限已延长`
            : `已登记「${chosen?.name ?? id}」`,
        );
        onClose();
      },
    });

  return (
    <Modal
      open
      title="登记延长保存事由"
      onCancel={onClose}
      destroyOnHidden
      width={600}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="submit" type="primary" loading={record.isPending} disabled={!fact} onClick={() => form.submit()}>
          确认登记
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          登记后，本案证据的保存期限随即按规定延长；登记写入留痕账本，不能撤销。
        </Typography.Text>
        {record.error ? <Alert type="error" showIcon title={errorMessageOf(record.error)} /> : null}
        <Form form={form} name="retention-fact" layout="vertical" onFinish={onFinish} disabled={record.isPending}>
          <Form.Item
            label="延长保存事由"
            name="fact"
            rules={[{ required: true, message: '请选择延长保存事由' }]}
            extra={chosen ? `依据：${citationText(chosen)}` : undefined}
          >
            <Select
              data-testid="retention-fact-select"
              placeholder="选择事由"
              options={choices.map((c) => ({
                value: c.id,
                label: c.isRecorded ? `${c.name}（已登记）` : c.name,
                disabled: c.isRecorded,
              }))}
              optionRender={(option) => {
                const entry = choices.find((c) => c.id === option.value);

                return (
                  <Flex vertical>
                    <span>{option.label}</span>
                    <Typography.Text type="secondary" style={{ ...small, whiteSpace: 'normal' }}>
                      {citationText(entry)}
                    </Typography.Text>
                  </Flex>
                );
              }}
            />
          </Form.Item>
          <Form.Item label="说明（可选）" name="note" style={{ marginBottom: 0 }}>
            <Input.TextArea maxLength={REASON_MAX} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Form>
        {fact ? <UpgradePreviewView caseId={caseId} fact={fact} /> : null}
      </Flex>
    </Modal>
  );
};

/** RET-2: a hold on the whole case or on one original, with its reason. */
const PlaceHoldModal = ({
  caseId,
  items,
  initialTarget,
  onClose,
}: {
  caseId: string;
  items: readonly EvidenceItem[];
  initialTarget: string;
  onClose: () => void;
}) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ target: string; reason: string }>();
  const place = usePlaceLegalHold(caseId);

  const onFinish = ({ target, reason }: { target: string; reason: string }) =>
    place.mutate(holdBody(reason, target), {
      onSuccess: () => {
        void message.success('已采取保全');
        onClose();
      },
    });

  return (
    <Modal
      open
      title="采取保全"
      onCancel={onClose}
      destroyOnHidden
      width={560}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="submit" type="primary" loading={place.isPending} onClick={() => form.submit()}>
          确认保全
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          保全（冻结）期间，相关证据原件不得销毁，直至解除保全。采取与解除均写入留痕账本。
        </Typography.Text>
        {place.error ? <Alert type="error" showIcon title={errorMessageOf(place.error)} /> : null}
        <Form
          form={form}
          name="legal-hold"
          layout="vertical"
          onFinish={onFinish}
          disabled={place.isPending}
          initialValues={{ target: initialTarget }}
        >
          <Form.Item label="保全范围" name="target">
            <Select data-testid="hold-target-select" options={holdTargets(items)} />
          </Form.Item>
          <ReasonField label="保全理由" message="请填写保全理由" />
        </Form>
      </Flex>
    </Modal>
  );
};

/** RET-2: releasing a hold needs its own reason. */
const ReleaseHoldModal = ({
  caseId,
  hold,
  scope,
  onClose,
}: {
  caseId: string;
  hold: LegalHold;
  scope: string;
  onClose: () => void;
}) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const release = useReleaseLegalHold(caseId);

  const onFinish = ({ reason }: { reason: string }) =>
    release.mutate(
      { holdId: hold.id, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success('已解除保全');
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title="解除保全"
      onCancel={onClose}
      destroyOnHidden
      width={560}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="submit" type="primary" loading={release.isPending} onClick={() => form.submit()}>
          确认解除
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Typography.Text>
          {scope}的保全：{hold.reason}
        </Typography.Text>
        <Typography.Text type="secondary">解除后，保存期限届满的证据可以申请销毁。</Typography.Text>
        {release.error ? <Alert type="error" showIcon title={errorMessageOf(release.error)} /> : null}
        <Form form={form} name="hold-release" layout="vertical" onFinish={onFinish} disabled={release.isPending}>
          <ReasonField label="解除理由" message="请填写解除理由" />
        </Form>
      </Flex>
    </Modal>
  );
};

/** RET-2: asks the agency head to approve disposing of one original; says plainly what approval means. */
export const DisposalRequestModal = ({
  caseId,
  item,
  onClose,
}: {
  caseId: string;
  item: EvidenceItem;
  onClose: () => void;
}) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const requestDisposal = useRequestDisposal(caseId);

  const onFinish = ({ reason }: { reason: string }) =>
    requestDisposal.mutate(
      { evidenceId: item.id, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(`已提交「${item.filename}」的销毁申请，待机关负责人审批`);
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title="申请销毁证据原件"
      onCancel={onClose}
      destroyOnHidden
      width={600}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="submit" type="primary" danger loading={requestDisposal.isPending} onClick={() => form.submit()}>
          提交销毁申请
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Typography.Text>
          {item.filename}
          {item.retention ? `（保存期限至 ${item.retention.retainUntil}）` : ''}
        </Typography.Text>
        <Alert
          type="warning"
          showIcon
          icon={<ExclamationCircleFilled />}
          data-testid="disposal-request-warning"
          title="须经机关负责人审批"
          description="提交后由机关负责人审批；批准即从存储中不可逆地删除该证据原件，证据的登记信息与全部历史保留。申请与审批均记入留痕账本。"
        />
        {requestDisposal.error ? <Alert type="error" showIcon title={errorMessageOf(requestDisposal.error)} /> : null}
        <Form
          form={form}
          name="disposal-request"
          layout="vertical"
          onFinish={onFinish}
          disabled={requestDisposal.isPending}
        >
          <ReasonField label="申请理由" message="请填写申请销毁的理由" />
        </Form>
      </Flex>
    </Modal>
  );
};

type Props = {
  caseId: string;
  evidence: CaseEvidence;
  facts: readonly CatalogEntry[];
  access: RetentionAccess;
};

/** RET-1, RET-2: facts that lengthen retention, active holds and their history, with the actions the user may take. */
export const EvidenceRetention = ({ caseId, evidence, facts, access }: Props) => {
  const [isFactOpen, setIsFactOpen] = useState(false);
  const [isHoldOpen, setIsHoldOpen] = useState(false);
  const [releasing, setReleasing] = useState<LegalHold | null>(null);
  const recorded = evidence.retentionFacts ?? [];
  const released = evidence.releasedHolds ?? [];
  const scopeOf = (hold: Pick<LegalHold, 'evidenceId'>) => holdScope(hold, evidence.items);

  return (
    <Card
      type="inner"
      size="small"
      data-testid="retention-section"
      title={
        <Flex align="center" gap={6}>
          <SafetyCertificateOutlined aria-hidden />
          保存期限与保全
        </Flex>
      }
      extra={
        <Flex gap={8}>
          {access.canManageRetention ? (
            <Button size="small" onClick={() => setIsFactOpen(true)}>
              登记延长保存事由
            </Button>
          ) : null}
          {access.canManageHolds ? (
            <Button size="small" onClick={() => setIsHoldOpen(true)}>
              采取保全
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Flex vertical gap={4}>
          <Typography.Text strong style={small}>
            延长保存事由
          </Typography.Text>
          {recorded.length === 0 ? (
            <Typography.Text type="secondary" style={small}>
              未登记。发生异议、投诉、复议、诉讼或暴力抗法等情形的，应登记以延长保存期限。
            </Typography.Text>
          ) : (
            recorded.map((f) => (
              <Flex key={f.id ?? `derived:${f.fact}`} gap={8} align="baseline" wrap data-testid="retention-fact">
                <Tag color={f.isDerived ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
                  {f.name}
                </Tag>
                {f.note && !f.isDerived ? <Typography.Text>{f.note}</Typography.Text> : null}
                <Typography.Text type="secondary" style={small}>
                  {factByline(f, when)}
                </Typography.Text>
              </Flex>
            ))
          )}
        </Flex>
        <Flex vertical gap={4}>
          <Typography.Text strong style={small}>
            保全（冻结）
          </Typography.Text>
          {evidence.holds.length === 0 ? (
            <Typography.Text type="secondary" style={small}>
              无正在进行的保全
            </Typography.Text>
          ) : (
            evidence.holds.map((hold) => (
              <Flex key={hold.id} gap={8} align="baseline" wrap data-testid="legal-hold" data-id={hold.id}>
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  保全中 · {scopeOf(hold)}
                </Tag>
                <Typography.Text>{hold.reason}</Typography.Text>
                <Typography.Text type="secondary" style={small}>
                  {hold.placedBy?.displayName ? `${hold.placedBy.displayName} · ` : ''}
                  {when(hold.placedAt)}
                </Typography.Text>
                {access.canManageHolds ? (
                  <Button
                    size="small"
                    type="link"
                    style={{ padding: 0, height: 'auto' }}
                    onClick={() => setReleasing(hold)}
                  >
                    解除保全
                  </Button>
                ) : null}
              </Flex>
            ))
          )}
        </Flex>
        {released.length ? (
          <Flex vertical gap={4}>
            <Typography.Text strong style={small}>
              已解除的保全
            </Typography.Text>
            {released.map((hold) => (
              <Typography.Text key={hold.id} type="secondary" style={small} data-testid="released-hold">
                {scopeOf(hold)}：{hold.reason}（{hold.placedBy?.displayName ?? ''} {when(hold.placedAt)} 采取）— 已由{' '}
                {hold.releasedBy.displayName} 于 {when(hold.releasedAt)} 解除：{hold.releaseReason}
              </Typography.Text>
            ))}
          </Flex>
        ) : null}
      </Flex>
      {isFactOpen ? (
        <RecordFactModal caseId={caseId} evidence={evidence} facts={facts} onClose={() => setIsFactOpen(false)} />
      ) : null}
      {isHoldOpen ? (
        <PlaceHoldModal
          caseId={caseId}
          items={evidence.items}
          initialTarget={WHOLE_CASE}
          onClose={() => setIsHoldOpen(false)}
        />
      ) : null}
      {releasing ? (
        <ReleaseHoldModal
          caseId={caseId}
          hold={releasing}
          scope={scopeOf(releasing)}
          onClose={() => setReleasing(null)}
        />
      ) : null}
    </Card>
  );
};
