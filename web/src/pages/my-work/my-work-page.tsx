import { Card, Flex, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useMyWork } from '../../api/workspace';
import type { MyWorkDeadline, PendingApproval } from '../../api/workspace-types';
import { Citations } from '../../components/citations';
import { QueryErrorResult } from '../../components/query-error-result';
import { ViewTag } from '../../components/view-tag';
import { UNCOVERED_CALENDAR_WARNING, dueText, sortDeadlines } from '../../features/deadlines/deadline-view';
import { DEADLINE_STATUS_TAGS, tagOf } from '../../features/procedures/procedure-labels';
import { formatChinaDateTime } from '../../features/time/china-time';

const caseLink = (caseId: string, caseNumber: string) => (
  <Link to={`/cases/${encodeURIComponent(caseId)}`} className="mono">
    {caseNumber}
  </Link>
);

const approvalColumns: TableColumnsType<PendingApproval> = [
  { title: '案件编号', dataIndex: 'caseNumber', width: 220, render: (n: string, row) => caseLink(row.caseId, n) },
  { title: '文书', dataIndex: 'kindName', width: 200 },
  { title: '待办步骤', dataIndex: 'stepLabel', render: (label: string) => <Tag color="processing">{label}</Tag> },
  { title: '制作人', dataIndex: 'submittedByName', width: 120, render: (name: string) => name || '—' },
  {
    title: '提交时间',
    dataIndex: 'submittedAt',
    width: 170,
    render: (at: string) => formatChinaDateTime(at),
  },
];

const deadlineColumns: TableColumnsType<MyWorkDeadline> = [
  { title: '案件编号', dataIndex: 'caseNumber', width: 220, render: (n: string, row) => caseLink(row.caseId, n) },
  {
    title: '期限',
    dataIndex: 'name',
    render: (name: string, row) => (
      <Flex vertical gap={2}>
        <Typography.Text>{name}</Typography.Text>
        <Citations citations={row.citations} />
        {row.isCalendarCovered ? null : (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {UNCOVERED_CALENDAR_WARNING}
          </Typography.Text>
        )}
      </Flex>
    ),
  },
  { title: '起算日', dataIndex: 'startDate', width: 120 },
  { title: '到期', key: 'due', width: 190, render: (_, row) => dueText(row) },
  {
    title: '状态',
    dataIndex: 'status',
    width: 110,
    render: (status: string) => <ViewTag view={tagOf(DEADLINE_STATUS_TAGS, status)} />,
  },
];

/** REVIEW-6, PROC-8: the approvals waiting for this person and the running deadlines of the cases they handle. */
export const MyWorkPage = () => {
  const { data, error, isPending, refetch, isFetching } = useMyWork();

  if (isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (error) return <QueryErrorResult error={error} onRetry={() => void refetch()} />;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        我的待办
      </Typography.Title>
      <Card
        title="待我审批"
        data-testid="my-approvals"
        extra={<Typography.Text type="secondary">共 {data.approvals.length} 项</Typography.Text>}
      >
        <Table<PendingApproval>
          rowKey={(row) => `${row.recordId}-${row.stepLabel}`}
          size="middle"
          columns={approvalColumns}
          dataSource={data.approvals}
          loading={isFetching}
          pagination={data.approvals.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 860 }}
          locale={{ emptyText: '没有待您审批的记录' }}
        />
      </Card>
      <Card
        title="我承办案件的期限"
        data-testid="my-deadlines"
        extra={<Typography.Text type="secondary">进行中、即将到期与已逾期的本机关期限，按到期日排列</Typography.Text>}
      >
        <Table<MyWorkDeadline>
          rowKey={(row) => `${row.caseId}-${row.ruleId}`}
          size="middle"
          columns={deadlineColumns}
          dataSource={sortDeadlines(data.deadlines)}
          loading={isFetching}
          pagination={data.deadlines.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 900 }}
          locale={{ emptyText: '您承办的案件暂无进行中的期限' }}
        />
      </Card>
    </Flex>
  );
};
