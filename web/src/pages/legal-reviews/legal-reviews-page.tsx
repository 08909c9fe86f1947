import { Alert, Button, Card, Empty, Flex, Skeleton, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLegalReviews, type DecidedLegalReview, type OpenLegalReview } from '../../api/legal-review';
import { useCurrentUser } from '../../app/current-user';
import { ForbiddenResult } from '../../components/forbidden-result';
import { QueryErrorResult } from '../../components/query-error-result';
import { legalReviewAccessOf } from '../../features/legal-review/legal-review-access';
import {
  CONCLUSION_TAGS,
  DECIDED_TIMELINESS_TAGS,
  TIMELINESS_TAGS,
  tagOf,
} from '../../features/legal-review/legal-review-view';
import { formatChinaDateTime } from '../../features/time/china-time';
import { ExtensionDecisionModal, type DecidingExtension } from './extension-decision-modal';

const when = (iso: string) => formatChinaDateTime(iso, 'YYYY-MM-DD HH:mm');

const caseColumn = <T extends { caseId: string; caseNumber: string }>(): TableColumnsType<T>[number] => ({
  title: '案件',
  key: 'case',
  width: 200,
  render: (_, row) => (
    <Link to={`/cases/${encodeURIComponent(row.caseId)}`} className="mono">
      {row.caseNumber}
    </Link>
  ),
});

const roundColumn = <T extends { round: number }>(): TableColumnsType<T>[number] => ({
  title: '轮次',
  key: 'round',
  width: 80,
  render: (_, row) => `第${row.round}轮`,
});

const timelinessColumn = <T extends { timeliness: string }>(
  tags: typeof TIMELINESS_TAGS,
): TableColumnsType<T>[number] => ({
  title: '时效',
  key: 'timeliness',
  width: 100,
  render: (_, row) => {
    const tag = tagOf(tags, row.timeliness);

    return (
      <Tag color={tag.color} data-testid="review-timeliness">
        {tag.label}
      </Tag>
    );
  },
});

/**
 * REVIEW-4: the agency's legal reviews for the reviewers and those who supervise them — open rounds with their due
 * dates (审核期限十个工作日，经批准可延长), overdue ones called out, extensions for the deputy head to decide, and
 * the latest opinions with whether they came late.
 */
export const LegalReviewsPage = () => {
  const me = useCurrentUser();
  const access = legalReviewAccessOf(me);
  const reviews = useLegalReviews(access.canOversee);
  const [deciding, setDeciding] = useState<DecidingExtension | null>(null);

  if (!access.canOversee) return <ForbiddenResult subTitle="您的角色不能查看法制审核。" />;

  const header = (
    <Flex vertical gap={4}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        法制审核
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        本机关重大执法决定的法制审核：法制审核机构应在收到送审材料之日起十个工作日内出具审核意见，情况复杂的经分管负责人批准可以延长（S3
        附件3 第五条，行政处罚法 第五十八条）。逾期未完成的审核在此提示，供监督。
      </Typography.Paragraph>
    </Flex>
  );

  if (reviews.isPending) {
    return (
      <Flex vertical gap={12}>
        {header}
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </Flex>
    );
  }
  if (reviews.error) {
    return (
      <Flex vertical gap={12}>
        {header}
        <QueryErrorResult error={reviews.error} onRetry={() => void reviews.refetch()} />
      </Flex>
    );
  }

  const { open, decided } = reviews.data;
  const overdue = open.filter((r) => r.timeliness === 'overdue');
  const dueSoon = open.filter((r) => r.timeliness === 'due_soon');

  const openColumns: TableColumnsType<OpenLegalReview> = [
    caseColumn<OpenLegalReview>(),
    roundColumn<OpenLegalReview>(),
    { title: '送审人', dataIndex: 'submittedBy', width: 110 },
    { title: '送审时间', key: 'submittedAt', width: 150, render: (_, row) => when(row.submittedAt) },
    {
      title: '审核期限',
      key: 'dueOn',
      width: 130,
      render: (_, row) => (
        <Flex vertical gap={2}>
          <span>{row.dueOn}</span>
          {row.isDueDateCovered ? null : (
            <Tag color="orange" title="工作日历尚未录入该年度的节假日安排，期限按周末推算，录入后请核对">
              日历未覆盖，待核对
            </Tag>
          )}
        </Flex>
      ),
    },
    timelinessColumn<OpenLegalReview>(TIMELINESS_TAGS),
    {
      title: '延期申请',
      key: 'extensions',
      render: (_, row) =>
        row.pendingExtensions.length === 0 ? (
          <Typography.Text type="secondary">无</Typography.Text>
        ) : (
          <Flex vertical gap={8}>
            {row.pendingExtensions.map((extension) => (
              <Flex key={extension.id} vertical gap={4} data-testid="pending-extension">
                <Typography.Text>
                  申请延长 {extension.workingDays} 个工作日：{extension.reason}
                </Typography.Text>
                {access.canExtend ? (
                  <Space size={4}>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setDeciding({ review: row, extension, decision: 'approved' })}
                      aria-label={`批准 ${row.caseNumber} 延期`}
                    >
                      批准
                    </Button>
                    <Button
                      size="small"
                      onClick={() => setDeciding({ review: row, extension, decision: 'rejected' })}
                      aria-label={`不批准 ${row.caseNumber} 延期`}
                    >
                      不批准
                    </Button>
                  </Space>
                ) : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    待分管负责人批准
                  </Typography.Text>
                )}
              </Flex>
            ))}
          </Flex>
        ),
    },
  ];

  const decidedColumns: TableColumnsType<DecidedLegalReview> = [
    caseColumn<DecidedLegalReview>(),
    roundColumn<DecidedLegalReview>(),
    {
      title: '审核结论',
      key: 'conclusion',
      width: 110,
      render: (_, row) => {
        const tag = tagOf(CONCLUSION_TAGS, row.conclusion);

        return (
          <Tag color={tag.color} data-testid="review-conclusion">
            {tag.label}
          </Tag>
        );
      },
    },
    { title: '审核人', dataIndex: 'reviewedBy', width: 110 },
    { title: '审核时间', key: 'reviewedAt', width: 150, render: (_, row) => when(row.reviewedAt) },
    { title: '审核期限', dataIndex: 'dueOn', width: 110 },
    timelinessColumn<DecidedLegalReview>(DECIDED_TIMELINESS_TAGS),
  ];

  return (
    <Flex vertical gap={12}>
      {header}
      {overdue.length > 0 ? (
        <Alert
          type="error"
          showIcon
          data-testid="overdue-alert"
          title={`${overdue.length} 件法制审核已逾期未完成`}
          description={`${overdue.map((r) => `${r.caseNumber}（审核期限 ${r.dueOn}）`).join('、')}。请督促法制审核机构出具意见，或经分管负责人批准延长期限。`}
        />
      ) : (
        <Alert
          type="success"
          showIcon
          data-testid="overdue-alert"
          title={
            dueSoon.length > 0 ? `没有逾期未完成的法制审核；${dueSoon.length} 件即将到期` : '没有逾期未完成的法制审核'
          }
        />
      )}
      <Card title={`待审核（${open.length}）`} size="small">
        <Table<OpenLegalReview>
          rowKey="submissionId"
          size="middle"
          columns={openColumns}
          dataSource={open}
          pagination={open.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待审核的法制审核" /> }}
          data-testid="reviews-open"
        />
      </Card>
      <Card title={`已审核（${decided.length}）`} size="small">
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          最近作出的审核意见，最多 50 件。
        </Typography.Paragraph>
        <Table<DecidedLegalReview>
          rowKey="submissionId"
          size="middle"
          columns={decidedColumns}
          dataSource={decided}
          pagination={decided.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无已审核的法制审核" /> }}
          data-testid="reviews-decided"
        />
      </Card>
      {deciding ? <ExtensionDecisionModal deciding={deciding} onClose={() => setDeciding(null)} /> : null}
    </Flex>
  );
};
