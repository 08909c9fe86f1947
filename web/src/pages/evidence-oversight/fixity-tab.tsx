import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import {
  useFixity,
  useStartFixityRun,
  type FixityFindings,
  type FixityProblem,
  type FixityRun,
} from '../../api/evidence-oversight';
import { errorMessageOf } from '../../api/http';
import { QueryErrorResult } from '../../components/query-error-result';
import { formatBytes } from '../../features/evidence/evidence-view';
import { fixityRunStatus, fixitySummary, runProblemCount } from '../../features/evidence-oversight/oversight-view';
import { formatChinaDateTime } from '../../features/time/china-time';

const when = (iso: string) => formatChinaDateTime(iso, 'YYYY-MM-DD HH:mm:ss');

const Hash = ({ sha256 }: { sha256: string }) => (
  <Typography.Text className="mono" copyable={{ text: sha256 }} title={sha256} style={{ fontSize: 12 }}>
    {sha256.slice(0, 16)}…
  </Typography.Text>
);

const runColumns: TableColumnsType<FixityRun> = [
  { title: '开始时间', dataIndex: 'startedAt', width: 170, render: when },
  {
    title: '状态',
    dataIndex: 'status',
    width: 150,
    render: (status: string, run) => (
      <Flex vertical>
        <Tag color={fixityRunStatus(status).color} style={{ width: 'fit-content' }}>
          {fixityRunStatus(status).label}
        </Tag>
        {run.finishedAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatChinaDateTime(run.finishedAt, 'HH:mm:ss')} 结束
          </Typography.Text>
        ) : null}
      </Flex>
    ),
  },
  {
    title: '本机关原件',
    key: 'checked',
    width: 150,
    render: (_, run) => `${run.agency.checked} 份 · ${formatBytes(run.agency.bytes)}`,
  },
  {
    title: '发现问题',
    key: 'problems',
    width: 230,
    render: (_, run) => {
      const { missing, altered, unreadable } = run.agency;
      if (runProblemCount(run) === 0) return <Tag color="success">无</Tag>;

      return (
        <Flex gap={4} wrap>
          {missing ? <Tag color="error">缺失 {missing}</Tag> : null}
          {altered ? <Tag color="error">被改动 {altered}</Tag> : null}
          {unreadable ? <Tag color="warning">无法读取 {unreadable}</Tag> : null}
        </Flex>
      );
    },
  },
  {
    title: '存储库（全部机关）',
    key: 'store',
    width: 220,
    render: (_, run) => (
      <Typography.Text type="secondary">
        核验 {run.store.checked} 份 · {formatBytes(run.store.bytes)}
        {run.store.unreferenced ? ` · 无记录文件 ${run.store.unreferenced}` : ''}
      </Typography.Text>
    ),
  },
];

const problemColumns: TableColumnsType<FixityProblem> = [
  {
    title: '问题',
    dataIndex: 'outcomeName',
    width: 130,
    render: (name: string, p) => <Tag color={p.outcome === 'unreadable' ? 'warning' : 'error'}>{name}</Tag>,
  },
  {
    title: '涉及的证据',
    key: 'items',
    render: (_, p) => (
      <Flex vertical gap={2}>
        {p.items.map((item) => (
          <span key={item.evidenceId}>
            <Link to={`/cases/${encodeURIComponent(item.case.id)}`} className="mono">
              {item.case.number}
            </Link>
            <Typography.Text> · {item.filename}</Typography.Text>
          </span>
        ))}
      </Flex>
    ),
  },
  {
    title: '原件',
    key: 'hash',
    width: 220,
    render: (_, p) => (
      <Flex vertical>
        <Hash sha256={p.sha256} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          应为 {p.expectedSize === null ? '—' : formatBytes(p.expectedSize)}
          {p.actualSize !== null ? `，实为 ${formatBytes(p.actualSize)}` : ''}
        </Typography.Text>
        {p.error ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.error}
          </Typography.Text>
        ) : null}
      </Flex>
    ),
  },
  { title: '发现时间', dataIndex: 'checkedAt', width: 170, render: when },
];

const unreferencedColumns: TableColumnsType<FixityFindings['unreferenced'][number]> = [
  { title: '文件（SHA-256）', dataIndex: 'sha256', render: (sha256: string) => <Hash sha256={sha256} /> },
  {
    title: '大小',
    dataIndex: 'size',
    width: 120,
    render: (size: number | null) => (size === null ? '—' : formatBytes(size)),
  },
  { title: '发现时间', dataIndex: 'checkedAt', width: 170, render: when },
];

const Headline = ({ findings }: { findings: FixityFindings }) => {
  const summary = fixitySummary(findings);
  if (summary.state === 'running') {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="fixity-summary"
        data-state="running"
        title="正在核验本机关全部证据原件……"
        description="核验在后台进行，完成后本页自动更新。"
      />
    );
  }
  if (summary.state === 'never') {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="fixity-summary"
        data-state="never"
        title="尚未完成过完整性核验"
        description="每日定时核验一部分原件；也可以点击「立即核验」核验本机关的全部原件。"
      />
    );
  }
  if (summary.state === 'problems') {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="fixity-summary"
        data-state="problems"
        title={`有 ${summary.count} 份原件存在未解决的问题`}
        description="原件缺失、被改动或无法读取。请核实并从备份恢复后重新核验；再次核验无误即视为解决。"
      />
    );
  }
  const last = summary.lastRun;

  return (
    <Alert
      type="success"
      showIcon
      data-testid="fixity-summary"
      data-state="clean"
      title="所有原件核验无误"
      description={
        last
          ? `最近一次完成的核验：${when(last.finishedAt ?? last.startedAt)}，核验本机关原件 ${last.agency.checked} 份（${formatBytes(last.agency.bytes)}）。`
          : null
      }
    />
  );
};

/**
 * Fixity: the rehashing of stored originals, the recent runs with what each found, the open problems with the cases
 * and files they touch, and bytes in the store that no record names; a supervisor can check everything now.
 */
export const FixityTab = () => {
  const { message } = App.useApp();
  const fixity = useFixity();
  const start = useStartFixityRun();

  if (fixity.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (fixity.error) return <QueryErrorResult error={fixity.error} onRetry={() => void fixity.refetch()} />;
  const findings = fixity.data;

  const onStart = () =>
    start.mutate(undefined, {
      onSuccess: () => void message.success('已开始核验本机关全部证据原件'),
    });

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={12} wrap>
        <Typography.Paragraph type="secondary" style={{ margin: 0, flex: 1, minWidth: 320 }}>
          系统每天重新计算一部分证据原件的 SHA-256
          哈希值并与入库时的值比对，发现缺失、被改动或无法读取的原件；核验只读取原件，不作任何修改，每次核验写入留痕账本。
        </Typography.Paragraph>
        <Button
          icon={<ReloadOutlined aria-hidden />}
          loading={fixity.isFetching && !findings.isRunning}
          onClick={() => void fixity.refetch()}
        >
          刷新
        </Button>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined aria-hidden />}
          loading={start.isPending || findings.isRunning}
          onClick={onStart}
        >
          立即核验
        </Button>
      </Flex>
      {start.error ? (
        <Alert type="error" showIcon closable title={errorMessageOf(start.error)} onClose={() => start.reset()} />
      ) : null}
      <Headline findings={findings} />
      {findings.problems.length > 0 ? (
        <Card title="未解决的问题" size="small">
          <Table<FixityProblem>
            rowKey="sha256"
            size="small"
            columns={problemColumns}
            dataSource={findings.problems}
            pagination={false}
            scroll={{ x: 800 }}
            data-testid="fixity-problems"
          />
        </Card>
      ) : null}
      <Card title="核验记录" size="small">
        <Table<FixityRun>
          rowKey="id"
          size="small"
          columns={runColumns}
          dataSource={findings.runs}
          pagination={findings.runs.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无核验记录" /> }}
          data-testid="fixity-runs"
        />
      </Card>
      <Card
        title="存储中无记录对应的文件"
        size="small"
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            以最近一次完成的核验为准，涉及整个存储库
          </Typography.Text>
        }
      >
        <Table
          rowKey="sha256"
          size="small"
          columns={unreferencedColumns}
          dataSource={findings.unreferenced}
          pagination={false}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有无记录对应的文件" />,
          }}
          data-testid="fixity-unreferenced"
        />
      </Card>
    </Flex>
  );
};
