import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  useCaseLegalReview,
  useDecideLegalReview,
  useDecideReviewExtension,
  useRequestReviewExtension,
  useRuleOnLegalReview,
  useSubmitLegalReview,
  type CaseLegalReview,
  type ReviewRound,
  type ReviewTimeliness,
} from '../../api/case-review';
import { useCaseEvidence } from '../../api/evidence';
import { errorMessageOf } from '../../api/http';
import type { LegalReviewCatalog } from '../../api/procedure-types';
import type { CaseWorkspace } from '../../api/workspace-types';
import { useCurrentUser } from '../../app/current-user';
import { formatChinaDateTime } from '../../features/time/china-time';

export const REVIEW_STATUS_TAGS: Record<string, { label: string; color: string }> = {
  not_required: { label: '无需法制审核', color: 'default' },
  not_submitted: { label: '待提交法制审核', color: 'orange' },
  under_review: { label: '法制审核中', color: 'blue' },
  approved: { label: '审核同意', color: 'green' },
  correction_required: { label: '须纠正后重新送审', color: 'orange' },
  not_to_be_decided: { label: '审核意见：不予作出', color: 'red' },
  transferred: { label: '审核意见：移送司法机关', color: 'purple' },
  ruled_proceed: { label: '负责人集体讨论后裁定作出', color: 'green' },
  draft_changed: { label: '代拟稿已修改，须重新送审', color: 'orange' },
};

export const CONCLUSION_TAGS: Record<string, { label: string; color: string }> = {
  approve: { label: '同意', color: 'green' },
  correct: { label: '纠正', color: 'orange' },
  do_not_decide: { label: '不予作出', color: 'red' },
  transfer: { label: '移送', color: 'purple' },
};

const TIMELINESS_TAGS: Record<ReviewTimeliness, { label: string; color: string }> = {
  on_time: { label: '期限内', color: 'default' },
  due_soon: { label: '即将到期', color: 'orange' },
  overdue: { label: '已逾期', color: 'red' },
  decided_late: { label: '逾期作出', color: 'red' },
};

type SubmitValues = {
  proposal: string;
  materials: Record<string, string[]>;
  grounds?: string[];
  groundsReason?: string;
  isAssessmentMade?: boolean;
};

/** REVIEW-1, REVIEW-2: the proposal, the six materials and, when the catalog does not decide it, the grounds. */
const SubmitDrawer = ({
  caseId,
  workspace,
  review,
  catalog,
  isOpen,
  onClose,
}: {
  caseId: string;
  workspace: CaseWorkspace;
  review: CaseLegalReview;
  catalog: LegalReviewCatalog;
  isOpen: boolean;
  onClose: () => void;
}) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<SubmitValues>();
  const submit = useSubmitLegalReview(caseId);
  const evidence = useCaseEvidence(caseId);
  const [error, setError] = useState<string | null>(null);
  const recordOptions = workspace.records.map((r) => ({ value: r.id, label: `${r.name}（第 ${r.version} 版）` }));
  const evidenceOptions = (evidence.data?.items ?? []).map((e) => ({ value: `evidence:${e.id}`, label: e.filename }));
  const needsGrounds = review.catalogMatches.length === 0 && !review.isFiledAsMajor;

  const save = async () => {
    let values: SubmitValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    const materials = review.materials
      .filter((m) => m.id !== 'proposal')
      .map((m) => {
        const chosen = values.materials?.[m.id] ?? [];

        return {
          material: m.id,
          recordIds: chosen.filter((v) => !v.startsWith('evidence:')),
          evidenceIds: chosen.filter((v) => v.startsWith('evidence:')).map((v) => v.slice('evidence:'.length)),
        };
      })
      .filter((m) => m.recordIds.length + m.evidenceIds.length > 0);
    submit.mutate(
      {
        proposal: values.proposal.trim(),
        materials,
        ...(values.grounds?.length
          ? { grounds: values.grounds.map((ground) => ({ ground, reason: values.groundsReason?.trim() ?? '' })) }
          : {}),
        isAssessmentMade: values.isAssessmentMade === true,
      },
      {
        onSuccess: () => {
          void message.success('已提交法制审核');
          onClose();
        },
        onError: (e) => setError(errorMessageOf(e)),
      },
    );
  };

  return (
    <Drawer
      title="提交法制审核"
      open={isOpen}
      onClose={onClose}
      size="min(760px, 100vw)"
      destroyOnHidden
      extra={
        <Button type="primary" loading={submit.isPending} onClick={() => void save()}>
          提交
        </Button>
      }
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">
        依据《行政处罚法》第五十八条和法制审核办法第五条，须提交下列材料；法制审核机构应在 {catalog.periodWorkingDays}{' '}
        个工作日内出具书面意见。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          materials: Object.fromEntries(
            review.materials.map((m) => [
              m.id,
              [...m.suggestedRecordIds, ...m.suggestedEvidenceIds.map((id) => `evidence:${id}`)],
            ]),
          ),
        }}
      >
        <Form.Item
          label="重大行政执法决定建议及其情况说明"
          name="proposal"
          rules={[{ required: true, whitespace: true, message: '请填写决定建议及情况说明' }]}
        >
          <Input.TextArea maxLength={5000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        {review.materials
          .filter((m) => m.id !== 'proposal')
          .map((m) => (
            <Form.Item
              key={m.id}
              label={`${m.name}${m.requirement === 'optional' ? '（如有）' : m.requirement === 'when_hearing_or_assessment' ? '（经听证或评估的）' : ''}`}
              name={['materials', m.id]}
              rules={
                m.requirement === 'required' || (m.requirement === 'when_hearing_or_assessment' && review.isHearingHeld)
                  ? [{ required: true, message: `请选择${m.name}` }]
                  : []
              }
            >
              <Select
                mode="multiple"
                allowClear
                options={m.id === 'basis_and_evidence' ? [...recordOptions, ...evidenceOptions] : recordOptions}
                placeholder="选择本案的记录或证据"
              />
            </Form.Item>
          ))}
        <Form.Item name="isAssessmentMade" valuePropName="checked">
          <Checkbox>已进行社会稳定风险评估等评估（须提交评估报告）</Checkbox>
        </Form.Item>
        {needsGrounds ? (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="本决定不在重大执法决定目录清单内：如属法定情形之一，请勾选情形并说明理由"
            />
            <Form.Item
              label="属于重大执法决定的情形"
              name="grounds"
              rules={[{ required: true, message: '请选择情形' }]}
            >
              <Select mode="multiple" options={catalog.grounds.map((g) => ({ value: g.id, label: g.name }))} />
            </Form.Item>
            <Form.Item
              label="理由"
              name="groundsReason"
              rules={[{ required: true, whitespace: true, message: '请说明理由' }]}
            >
              <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Drawer>
  );
};

type OpinionValues = {
  points: Record<string, { finding: 'no_issue' | 'issue'; note?: string }>;
  conclusion: string;
  reasons: string;
  correctionItems?: string;
};

/** REVIEW-3: the eight points one by one, then one of the four opinions with its reasons. */
const OpinionDrawer = ({
  caseId,
  round,
  catalog,
  isOpen,
  onClose,
}: {
  caseId: string;
  round: ReviewRound;
  catalog: LegalReviewCatalog;
  isOpen: boolean;
  onClose: () => void;
}) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<OpinionValues>();
  const decide = useDecideLegalReview(caseId);
  const [error, setError] = useState<string | null>(null);
  const conclusion = Form.useWatch('conclusion', form);
  const points = Form.useWatch('points', form);

  const save = async () => {
    let values: OpinionValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    decide.mutate(
      {
        submissionId: round.id,
        body: {
          points: catalog.points.map((p) => ({
            point: p.id,
            finding: values.points[p.id]?.finding ?? 'no_issue',
            note: values.points[p.id]?.note?.trim() ?? '',
          })),
          conclusion: values.conclusion,
          reasons: values.reasons.trim(),
          ...(values.conclusion === 'correct' ? { correctionItems: values.correctionItems?.trim() ?? '' } : {}),
        },
      },
      {
        onSuccess: () => {
          void message.success('已出具法制审核意见，法制审核意见书已归入案卷');
          onClose();
        },
        onError: (e) => setError(errorMessageOf(e)),
      },
    );
  };

  return (
    <Drawer
      title={`出具法制审核意见（第 ${round.round} 轮）`}
      open={isOpen}
      onClose={onClose}
      size="min(820px, 100vw)"
      destroyOnHidden
      extra={
        <Button type="primary" loading={decide.isPending} onClick={() => void save()}>
          出具意见
        </Button>
      }
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ points: Object.fromEntries(catalog.points.map((p) => [p.id, { finding: 'no_issue' }])) }}
      >
        <Typography.Title level={5}>逐项审核</Typography.Title>
        {catalog.points.map((p, index) => (
          <div
            key={p.id}
            data-testid={`review-point-${p.id}`}
            style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}
          >
            <Flex justify="space-between" align="center" gap={12} wrap>
              <Typography.Text>
                （{'一二三四五六七八'[index]}）{p.label}
              </Typography.Text>
              <Form.Item name={['points', p.id, 'finding']} noStyle>
                <Radio.Group optionType="button" buttonStyle="solid" size="small">
                  <Radio value="no_issue">无问题</Radio>
                  <Radio value="issue">有问题</Radio>
                </Radio.Group>
              </Form.Item>
            </Flex>
            {points?.[p.id]?.finding === 'issue' ? (
              <Form.Item
                name={['points', p.id, 'note']}
                rules={[{ required: true, whitespace: true, message: '请写明发现的问题' }]}
                style={{ marginTop: 8, marginBottom: 0 }}
              >
                <Input.TextArea placeholder="发现的问题" maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
              </Form.Item>
            ) : null}
          </div>
        ))}
        <Form.Item
          label="审核结论"
          name="conclusion"
          rules={[{ required: true, message: '请选择审核结论' }]}
          style={{ marginTop: 16 }}
          extra={catalog.conclusions.find((c) => c.id === conclusion)?.appliesWhen}
        >
          <Radio.Group>
            {catalog.conclusions.map((c) => (
              <Radio key={c.id} value={c.id}>
                {c.name}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label="审核意见和理由"
          name="reasons"
          rules={[{ required: true, whitespace: true, message: '请填写审核意见和理由' }]}
        >
          <Input.TextArea maxLength={5000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        {conclusion === 'correct' ? (
          <Form.Item
            label="需纠正的事项"
            name="correctionItems"
            rules={[{ required: true, whitespace: true, message: '请写明需纠正的事项' }]}
          >
            <Input.TextArea maxLength={5000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
};

/** REVIEW-4: the reviewer's request for more time, and the deputy head's decision on it. */
const ExtensionModal = ({
  caseId,
  round,
  max,
  isOpen,
  onClose,
}: {
  caseId: string;
  round: ReviewRound;
  max: number;
  isOpen: boolean;
  onClose: () => void;
}) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ workingDays: number; reason: string }>();
  const request = useRequestReviewExtension(caseId);
  const [error, setError] = useState<string | null>(null);

  return (
    <Modal
      title="申请延长法制审核期限"
      open={isOpen}
      onCancel={onClose}
      okText="提交申请"
      confirmLoading={request.isPending}
      destroyOnHidden
      onOk={() =>
        void form.validateFields().then((values) =>
          request.mutate(
            { submissionId: round.id, workingDays: values.workingDays, reason: values.reason.trim() },
            {
              onSuccess: () => {
                void message.success('已提交延期申请，待分管负责人批准');
                onClose();
              },
              onError: (e) => setError(errorMessageOf(e)),
            },
          ),
        )
      }
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="延长工作日" name="workingDays" rules={[{ required: true, message: '请填写天数' }]}>
          <InputNumber min={1} max={max} precision={0} addonAfter="个工作日" />
        </Form.Item>
        <Form.Item
          label="特殊情况说明"
          name="reason"
          rules={[{ required: true, whitespace: true, message: '请说明无法按期完成的特殊情况' }]}
        >
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** REVIEW-5: the head's ruling after a recorded collective discussion, when drafter and reviewer disagree. */
const RulingModal = ({
  caseId,
  round,
  review,
  isOpen,
  onClose,
}: {
  caseId: string;
  round: ReviewRound;
  review: CaseLegalReview;
  isOpen: boolean;
  onClose: () => void;
}) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: 'proceed' | 'follow_review'; reasons: string; discussionRecordId: string }>();
  const rule = useRuleOnLegalReview(caseId);
  const [error, setError] = useState<string | null>(null);
  const discussions = review.discussionRecords.filter(
    (d) => round.opinion && new Date(d.createdAt) >= new Date(round.opinion.reviewedAt),
  );

  return (
    <Modal
      title="集体讨论后裁定"
      open={isOpen}
      onCancel={onClose}
      okText="作出裁定"
      confirmLoading={rule.isPending}
      destroyOnHidden
      onOk={() =>
        void form.validateFields().then((values) =>
          rule.mutate(
            { submissionId: round.id, ...values, reasons: values.reasons.trim() },
            {
              onSuccess: () => {
                void message.success('已记录裁定');
                onClose();
              },
              onError: (e) => setError(errorMessageOf(e)),
            },
          ),
        )
      }
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {discussions.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="须先在本环节制作「重大案件集体讨论记录」，记录参会人员、讨论意见和结论，再作裁定"
        />
      ) : null}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="集体讨论记录" name="discussionRecordId" rules={[{ required: true, message: '请选择' }]}>
          <Select
            options={discussions.map((d) => ({
              value: d.id,
              label: `重大案件集体讨论记录（${formatChinaDateTime(d.createdAt)}）`,
            }))}
          />
        </Form.Item>
        <Form.Item label="裁定" name="outcome" rules={[{ required: true, message: '请选择' }]}>
          <Radio.Group>
            <Radio value="proceed">按代拟稿作出决定</Radio>
            <Radio value="follow_review">采纳法制审核意见</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label="裁定理由"
          name="reasons"
          rules={[{ required: true, whitespace: true, message: '请填写裁定理由' }]}
        >
          <Input.TextArea maxLength={5000} autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const ExtensionDecision = ({ caseId, extensionId }: { caseId: string; extensionId: string }) => {
  const { message } = App.useApp();
  const decide = useDecideReviewExtension(caseId);
  const [opinion, setOpinion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = (decision: 'approved' | 'rejected') =>
    decide.mutate(
      { extensionId, decision, opinion: opinion.trim() },
      {
        onSuccess: () => void message.success(decision === 'approved' ? '已批准延期' : '已不批准延期'),
        onError: (e) => setError(errorMessageOf(e)),
      },
    );

  return (
    <Flex vertical gap={6}>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Input.TextArea
        placeholder="审批意见"
        value={opinion}
        onChange={(e) => setOpinion(e.target.value)}
        maxLength={1000}
        autoSize={{ minRows: 1, maxRows: 4 }}
      />
      <Flex gap={8}>
        <Button
          size="small"
          type="primary"
          disabled={!opinion.trim()}
          loading={decide.isPending}
          onClick={() => act('approved')}
        >
          批准延期
        </Button>
        <Button
          size="small"
          danger
          disabled={!opinion.trim()}
          loading={decide.isPending}
          onClick={() => act('rejected')}
        >
          不批准
        </Button>
      </Flex>
    </Flex>
  );
};

const RoundView = ({
  caseId,
  round,
  catalog,
  canExtend,
  nameOf,
}: {
  caseId: string;
  round: ReviewRound;
  catalog: LegalReviewCatalog;
  canExtend: boolean;
  nameOf: (recordId: string) => string;
}) => {
  const materialName = (id: string) => catalog.materials.find((m) => m.id === id)?.name ?? id;
  const pointLabel = (id: string) => catalog.points.find((p) => p.id === id)?.label ?? id;

  return (
    <div data-testid={`review-round-${round.round}`} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>第 {round.round} 轮</Typography.Text>
        <Typography.Text type="secondary">
          {round.submittedBy} 于 {formatChinaDateTime(round.submittedAt)} 提交
        </Typography.Text>
        <Tag>审核期限 {round.dueOn}</Tag>
        {round.dueOn !== round.originalDueOn ? <Tag color="blue">已延期（原 {round.originalDueOn}）</Tag> : null}
        {round.isDueDateCovered ? null : (
          <Tag color="orange" title="工作日历尚未录入该年度的节假日安排，期限按周末推算，录入后请核对">
            日历未覆盖该年度，期限待核对
          </Tag>
        )}
        <Tag color={TIMELINESS_TAGS[round.timeliness].color}>{TIMELINESS_TAGS[round.timeliness].label}</Tag>
        {round.isCurrentDraft ? null : <Tag color="default">审核的是代拟稿的早先版本</Tag>}
      </Flex>
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'proposal',
            label: '决定建议',
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{round.proposal}</span>,
          },
          {
            key: 'materials',
            label: '送审材料',
            children: (
              <Flex vertical gap={2}>
                {round.materials.map((m) => (
                  <span key={m.material}>
                    {materialName(m.material)}：
                    {[...m.recordIds.map(nameOf), ...m.evidenceIds.map(() => '证据文件')].join('、')}
                  </span>
                ))}
              </Flex>
            ),
          },
          ...(round.majorBasis.grounds.length
            ? [
                {
                  key: 'grounds',
                  label: '重大情形',
                  children: round.majorBasis.grounds
                    .map((g) => `${catalog.grounds.find((x) => x.id === g.ground)?.name ?? g.ground}（${g.reason}）`)
                    .join('；'),
                },
              ]
            : []),
        ]}
      />
      {round.extensions.map((e) => (
        <Alert
          key={e.id}
          style={{ marginTop: 8 }}
          type={e.decision?.decision === 'approved' ? 'success' : e.decision ? 'warning' : 'info'}
          title={`申请延长 ${e.workingDays} 个工作日：${e.reason}（${e.requestedBy}，${formatChinaDateTime(e.requestedAt)}）`}
          description={
            e.decision ? (
              `${e.decision.decision === 'approved' ? '已批准' : '不批准'}：${e.decision.opinion}（${e.decision.decidedBy}，${formatChinaDateTime(e.decision.decidedAt)}）`
            ) : canExtend ? (
              <ExtensionDecision caseId={caseId} extensionId={e.id} />
            ) : (
              '待分管负责人批准'
            )
          }
        />
      ))}
      {round.opinion ? (
        <div style={{ marginTop: 8 }} data-testid="review-opinion">
          <Flex gap={8} align="center">
            <Tag color={CONCLUSION_TAGS[round.opinion.conclusion]?.color}>
              {CONCLUSION_TAGS[round.opinion.conclusion]?.label ?? round.opinion.conclusion}
            </Tag>
            <Typography.Text type="secondary">
              {round.opinion.reviewedBy} · {formatChinaDateTime(round.opinion.reviewedAt)}
            </Typography.Text>
          </Flex>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '6px 0' }}>
            {round.opinion.reasons}
          </Typography.Paragraph>
          {round.opinion.correctionItems ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
              需纠正：{round.opinion.correctionItems}
            </Typography.Paragraph>
          ) : null}
          <Table
            size="small"
            pagination={false}
            rowKey="point"
            dataSource={round.opinion.points}
            columns={[
              { title: '审核内容', dataIndex: 'point', render: (p: string) => pointLabel(p) },
              {
                title: '结果',
                dataIndex: 'finding',
                width: 90,
                render: (f: string) =>
                  f === 'issue' ? <Tag color="red">有问题</Tag> : <Tag color="green">无问题</Tag>,
              },
              { title: '意见', dataIndex: 'note' },
            ]}
          />
        </div>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          待法制审核机构出具意见
        </Typography.Paragraph>
      )}
      {round.ruling ? (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          showIcon
          title={`主要负责人集体讨论后裁定：${round.ruling.outcome === 'proceed' ? '按代拟稿作出决定' : '采纳法制审核意见'}`}
          description={`${round.ruling.reasons}（${round.ruling.ruledBy}，${formatChinaDateTime(round.ruling.ruledAt)}）`}
        />
      ) : null}
    </div>
  );
};

/**
 * REVIEW-1..5: legal review of the case's decision: whether it is major and why, the rounds of review with their
 * materials, opinions, extensions and ruling, and the actions the signed-in person may take.
 */
export const LegalReviewCard = ({
  caseId,
  workspace,
  catalog,
}: {
  caseId: string;
  workspace: CaseWorkspace;
  catalog: LegalReviewCatalog;
}) => {
  const me = useCurrentUser();
  const { data: review, error, isPending } = useCaseLegalReview(caseId);
  const [panel, setPanel] = useState<'submit' | 'opinion' | 'extension' | 'ruling' | null>(null);
  const latest = review?.rounds.at(-1) ?? null;
  const nameOf = (recordId: string) => {
    const record = workspace.records.find((r) => r.id === recordId || r.versions.some((v) => v.id === recordId));
    const version = record?.versions.find((v) => v.id === recordId)?.version;

    return record ? `${record.name}${version ? `（第 ${version} 版）` : ''}` : '记录';
  };
  const status = review ? (REVIEW_STATUS_TAGS[review.status] ?? { label: review.status, color: 'default' }) : null;

  return (
    <Card
      title="法制审核"
      data-testid="legal-review-card"
      extra={status ? <Tag color={status.color}>{status.label}</Tag> : null}
    >
      {isPending ? (
        <Typography.Text type="secondary">加载中…</Typography.Text>
      ) : error || !review ? (
        <Alert type="error" showIcon title={`无法加载法制审核：${errorMessageOf(error)}`} />
      ) : (
        <Flex vertical gap={12}>
          {review.isMajorDecision ? (
            <Alert
              type={review.canDecide ? 'success' : 'warning'}
              showIcon
              title={review.message || (review.canDecide ? '法制审核已同意，可以审签、作出和送达决定' : '')}
              description={
                review.catalogMatches.length > 0 ? (
                  <Flex vertical gap={2}>
                    {review.catalogMatches.map((m) => (
                      <span key={m.entryId}>
                        符合重大执法决定目录：{m.title}（{m.reasons.join('；')}）
                      </span>
                    ))}
                  </Flex>
                ) : review.isFiledAsMajor ? (
                  '立案时认定为重大案件'
                ) : null
              }
            />
          ) : (
            <Typography.Text type="secondary">
              本案拟作出的决定不属于重大执法决定目录清单事项；如属法定情形之一，可勾选情形并说明理由后提交审核。
            </Typography.Text>
          )}
          <Flex gap={8} wrap>
            {review.can.submit ? (
              <Button type={review.isMajorDecision ? 'primary' : 'default'} onClick={() => setPanel('submit')}>
                {review.rounds.length ? '重新提交法制审核' : '提交法制审核'}
              </Button>
            ) : null}
            {review.can.decide && latest ? (
              <Button type="primary" onClick={() => setPanel('opinion')}>
                出具审核意见
              </Button>
            ) : null}
            {review.can.requestExtension && latest && !latest.extensions.some((e) => e.decision === null) ? (
              <Button onClick={() => setPanel('extension')}>申请延期</Button>
            ) : null}
            {review.can.rule && latest ? <Button onClick={() => setPanel('ruling')}>集体讨论后裁定</Button> : null}
          </Flex>
          {review.rounds.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未提交法制审核" />
          ) : (
            [...review.rounds]
              .reverse()
              .map((round) => (
                <RoundView
                  key={round.id}
                  caseId={caseId}
                  round={round}
                  catalog={catalog}
                  canExtend={me.permissions.canExtendLegalReview === true}
                  nameOf={nameOf}
                />
              ))
          )}
          <SubmitDrawer
            caseId={caseId}
            workspace={workspace}
            review={review}
            catalog={catalog}
            isOpen={panel === 'submit'}
            onClose={() => setPanel(null)}
          />
          {latest ? (
            <>
              <OpinionDrawer
                caseId={caseId}
                round={latest}
                catalog={catalog}
                isOpen={panel === 'opinion'}
                onClose={() => setPanel(null)}
              />
              <ExtensionModal
                caseId={caseId}
                round={latest}
                max={catalog.maxExtensionWorkingDays}
                isOpen={panel === 'extension'}
                onClose={() => setPanel(null)}
              />
              <RulingModal
                caseId={caseId}
                round={latest}
                review={review}
                isOpen={panel === 'ruling'}
                onClose={() => setPanel(null)}
              />
            </>
          ) : null}
        </Flex>
      )}
    </Card>
  );
};
