import { ExclamationCircleFilled } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  useDecideDisposal,
  useDisposalRequests,
  type DisposalDecision,
  type DisposalRequest,
} from '../../api/evidence-oversight';
import { errorMessageOf } from '../../api/http';
import { useCurrentUser } from '../../app/current-user';
import { QueryErrorResult } from '../../components/query-error-result';
import { formatBytes } from '../../features/evidence/evidence-view';
import type { OversightAccess } from '../../features/evidence-oversight/oversight-access';
import { DISPOSAL_DECISION_TAGS, undecidableReason } from '../../features/evidence-oversight/oversight-view';
import { formatChinaDateTime } from '../../features/time/china-time';

const OPINION_MAX = 500;
const when = (iso: string) => formatChinaDateTime(iso, 'YYYY-MM-DD HH:mm');

const caseColumn: TableColumnsType<DisposalRequest>[number] = {
  title: '案件',
  key: 'case',
  width: 220,
  render: (_, row) => (
    <Flex vertical>
      <Link to={`/cases/${encodeURIComponent(row.case.id)}`} className="mono">
        {row.case.number}
      </Link>
      <Typography.Text
        type="secondary"
        ellipsis={{ tooltip: row.case.summary }}
        style={{ fontSize: 12, maxWidth: 210 }}
      >
        {row.case.summary}
      </Typography.Text>
    </Flex>
  ),
};

const evidenceColumn: TableColumnsType<DisposalRequest>[number] = {
  title: '证据原件',
  key: 'evidence',
  width: 200,
  render: (_, row) => (
    <Flex vertical>
      <Typography.Text ellipsis={{ tooltip: row.evidence.filename }} style={{ maxWidth: 190 }}>
        {row.evidence.filename}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatBytes(row.evidence.size)}
      </Typography.Text>
    </Flex>
  ),
};

const requesterColumn: TableColumnsType<DisposalRequest>[number] = {
  title: '申请',
  key: 'request',
  render: (_, row) => (
    <Flex vertical>
      <Typography.Text>{row.reason}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {row.requestedBy.displayName} · {when(row.requestedAt)}
      </Typography.Text>
    </Flex>
  ),
};

type Deciding = { row: DisposalRequest; decision: DisposalDecision };

/** The decision with its required opinion; approving states that it destroys the original for good. */
const DecisionModal = ({ deciding, onClose }: { deciding: Deciding; onClose: () => void }) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ opinion: string }>();
  const decide = useDecideDisposal();
  const { row, decision } = deciding;
  const isApproval = decision === 'approved';

  const onFinish = ({ opinion }: { opinion: string }) =>
    decide.mutate(
      { requestId: row.id, decision, opinion: opinion.trim() },
      {
        onSuccess: (done) => {
          void message.success(
            done.decision === 'approved'
              ? `已批准销毁「${row.evidence.filename}」${done.isContentRemoved ? '，原件已从存储中删除' : ''}`
              : `已不予批准销毁「${row.evidence.filename}」`,
          );
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={isApproval ? '批准销毁证据原件' : '不予批准销毁'}
      onCancel={onClose}
      destroyOnHidden
      width={600}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button
          key="submit"
          type="primary"
          danger={isApproval}
          loading={decide.isPending}
          onClick={() => form.submit()}
        >
          {isApproval ? '确认批准并销毁' : '确认不予批准'}
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Typography.Text>
          <span className="mono">{row.case.number}</span> · {row.evidence.filename}（{formatBytes(row.evidence.size)}
          ）， 由 {row.requestedBy.displayName} 于 {when(row.requestedAt)} 申请销毁：{row.reason}
        </Typography.Text>
        {isApproval ? (
          <Alert
            type="error"
            showIcon
            icon={<ExclamationCircleFilled />}
            data-testid="disposal-approval-warning"
            title="批准即销毁，不可撤销"
            description="批准后，该证据原件立即从存储中不可逆地删除（其他证据使用同一内容时保留该内容）；证据的登记信息与全部历史保留。审批意见与销毁均记入留痕账本。"
          />
        ) : (
          <Alert type="info" showIcon title="不予批准后，该证据原件继续保存；审批意见记入留痕账本。" />
        )}
        {decide.error ? <Alert type="error" showIcon title={errorMessageOf(decide.error)} /> : null}
        <Form form={form} layout="vertical" onFinish={onFinish} disabled={decide.isPending}>
          <Form.Item
            label="审批意见"
            name="opinion"
            rules={[{ required: true, whitespace: true, message: '请填写审批意见' }]}
            style={{ marginBottom: 0 }}
          >
            <Input.TextArea maxLength={OPINION_MAX} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
};

/**
 * RET-2: the agency's disposal requests. The agency head approves or rejects each one made by someone else, with an
 * opinion; the others see the queue and why they cannot decide; decided requests stay listed as the record.
 */
export const DisposalRequestsTab = ({ access }: { access: OversightAccess }) => {
  const me = useCurrentUser();
  const pending = useDisposalRequests('pending');
  const all = useDisposalRequests('all');
  const [deciding, setDeciding] = useState<Deciding | null>(null);

  if (pending.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (pending.error) return <QueryErrorResult error={pending.error} onRetry={() => void pending.refetch()} />;

  const pendingColumns: TableColumnsType<DisposalRequest> = [
    caseColumn,
    evidenceColumn,
    requesterColumn,
    {
      title: '审批',
      key: 'decide',
      width: 230,
      render: (_, row) => {
        const reason = undecidableReason(row, me, access);
        if (reason) {
          return (
            <Typography.Text type="secondary" data-testid="disposal-undecidable">
              {reason}
            </Typography.Text>
          );
        }

        return (
          <Space size={4}>
            <Button
              size="small"
              danger
              onClick={() => setDeciding({ row, decision: 'approved' })}
              aria-label={`批准销毁 ${row.evidence.filename}`}
            >
              批准销毁
            </Button>
            <Button
              size="small"
              onClick={() => setDeciding({ row, decision: 'rejected' })}
              aria-label={`不予批准 ${row.evidence.filename}`}
            >
              不予批准
            </Button>
          </Space>
        );
      },
    },
  ];

  const historyColumns: TableColumnsType<DisposalRequest> = [
    caseColumn,
    evidenceColumn,
    requesterColumn,
    {
      title: '审批结果',
      key: 'decision',
      width: 260,
      render: (_, row) =>
        row.decision ? (
          <Flex vertical gap={2}>
            <Flex gap={8} align="center" wrap>
              <Tag color={DISPOSAL_DECISION_TAGS[row.decision.decision].color} style={{ marginInlineEnd: 0 }}>
                {DISPOSAL_DECISION_TAGS[row.decision.decision].label}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.decision.decidedBy.displayName} · {when(row.decision.decidedAt)}
              </Typography.Text>
            </Flex>
            <Typography.Text>{row.decision.opinion}</Typography.Text>
          </Flex>
        ) : null,
    },
  ];
  const decided = (all.data ?? []).filter((r) => r.decision !== null);

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        保存期限届满、未被保全的证据原件，经申请并由申请人以外的机关负责人批准后方可销毁；批准即销毁原件，证据的登记信息与历史记录保留（RET-2；S2
        第十九条，S3 附件2 第十七条）。
        {access.canDispose ? null : '您可以查看申请与审批记录；审批由机关负责人进行。'}
      </Typography.Paragraph>
      <Card title={`待审批（${pending.data.length}）`} size="small">
        <Table<DisposalRequest>
          rowKey="id"
          size="middle"
          columns={pendingColumns}
          dataSource={pending.data}
          pagination={pending.data.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待审批的销毁申请" /> }}
          data-testid="disposal-pending"
        />
      </Card>
      <Card title="审批记录" size="small">
        {all.error ? (
          <Alert type="error" showIcon title={errorMessageOf(all.error)} />
        ) : (
          <Table<DisposalRequest>
            rowKey="id"
            size="middle"
            columns={historyColumns}
            dataSource={decided}
            loading={all.isPending}
            pagination={decided.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 900 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无审批记录" /> }}
            data-testid="disposal-history"
          />
        )}
      </Card>
      {deciding ? <DecisionModal deciding={deciding} onClose={() => setDeciding(null)} /> : null}
    </Flex>
  );
};
