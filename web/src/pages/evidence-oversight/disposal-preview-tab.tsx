import {
  Alert,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useDisposalPreview, type DisposalPreviewItem } from '../../api/evidence-oversight';
import { errorMessageOf } from '../../api/http';
import { formatBytes } from '../../features/evidence/evidence-view';
import { BLOCKER_COLORS, blockerName, holdOptionsOf } from '../../features/evidence-oversight/oversight-view';
import { chinaNow } from '../../features/time/china-time';
import { DATE_FORMAT } from '../../features/time/date-format';

const baseColumns: TableColumnsType<DisposalPreviewItem> = [
  {
    title: '案件',
    key: 'case',
    width: 220,
    render: (_, item) => (
      <Flex vertical>
        <Link to={`/cases/${encodeURIComponent(item.caseId)}`} className="mono">
          {item.caseNumber}
        </Link>
        <Typography.Text
          type="secondary"
          ellipsis={{ tooltip: item.caseSummary }}
          style={{ fontSize: 12, maxWidth: 210 }}
        >
          {item.caseSummary}
        </Typography.Text>
      </Flex>
    ),
  },
  {
    title: '证据原件',
    key: 'file',
    width: 220,
    render: (_, item) => (
      <Flex vertical>
        <Typography.Text ellipsis={{ tooltip: item.filename }} style={{ maxWidth: 210 }}>
          {item.filename}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatBytes(item.size)}
        </Typography.Text>
      </Flex>
    ),
  },
  { title: '保存期限至', dataIndex: 'retainUntil', width: 120 },
];

const disposableColumns: TableColumnsType<DisposalPreviewItem> = [
  ...baseColumns,
  {
    title: '说明',
    key: 'note',
    render: (_, item) =>
      item.isFreedByRelease ? (
        <Tag color="orange">解除该保全后可以销毁</Tag>
      ) : (
        <Typography.Text type="secondary">保存期限已届满，未被保全</Typography.Text>
      ),
  },
];

const blockedColumns: TableColumnsType<DisposalPreviewItem> = [
  ...baseColumns,
  {
    title: '暂不能销毁的原因',
    key: 'blockers',
    render: (_, item) => (
      <Flex vertical gap={4} align="flex-start">
        {item.blockers.map((id) => (
          <Tag
            key={id}
            color={BLOCKER_COLORS[id] ?? 'default'}
            data-testid="preview-blocker"
            style={{ whiteSpace: 'normal' }}
          >
            {blockerName(id)}
          </Tag>
        ))}
        {item.holdIds.length > 1 ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            共 {item.holdIds.length} 项保全
          </Typography.Text>
        ) : null}
      </Flex>
    ),
  },
];

/**
 * RET-2: which originals would be disposable on a date, and what releasing one legal hold would free. A preview
 * only: nothing is requested, released or changed.
 */
export const DisposalPreviewTab = () => {
  const [asOf, setAsOf] = useState(() => chinaNow().format(DATE_FORMAT));
  const [releaseHoldId, setReleaseHoldId] = useState<string | null>(null);
  const preview = useDisposalPreview({ asOf, releaseHoldId });
  const data = preview.data;

  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        data-testid="preview-notice"
        title="这是预览，不会提出销毁申请，也不会改变任何证据或保全"
        description="列出到所选日期保存期限已经届满的证据原件：哪些届时可以申请销毁，哪些仍不能销毁及其原因。选择一项保全，可以查看假设解除该保全后还有哪些证据可以销毁。"
      />
      <Card size="small">
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="预览日期" htmlFor="preview-as-of">
            <DatePicker
              id="preview-as-of"
              format={DATE_FORMAT}
              allowClear={false}
              value={dayjs(asOf)}
              onChange={(value) => {
                if (value) setAsOf(value.format(DATE_FORMAT));
              }}
            />
          </Form.Item>
          <Form.Item label="假设解除保全" htmlFor="preview-release-hold">
            <Select
              id="preview-release-hold"
              placeholder={data && holdOptionsOf(data).length === 0 ? '所列证据均未被保全' : '选择一项保全'}
              allowClear
              value={releaseHoldId ?? undefined}
              options={data ? holdOptionsOf(data) : []}
              onChange={(value) => setReleaseHoldId(value ?? null)}
              style={{ width: 360 }}
              data-testid="preview-hold"
            />
          </Form.Item>
        </Form>
      </Card>
      {preview.error ? <Alert type="error" showIcon title={errorMessageOf(preview.error)} /> : null}
      <Card title={`${asOf} 可以销毁（${data?.disposable.length ?? 0}）`} size="small">
        <Table<DisposalPreviewItem>
          rowKey="evidenceId"
          size="middle"
          columns={disposableColumns}
          dataSource={data?.disposable ?? []}
          loading={preview.isFetching}
          pagination={(data?.disposable.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 800 }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该日没有可以销毁的证据原件" />,
          }}
          data-testid="preview-disposable"
        />
      </Card>
      <Card title={`期限已届满但暂不能销毁（${data?.blocked.length ?? 0}）`} size="small">
        <Table<DisposalPreviewItem>
          rowKey="evidenceId"
          size="middle"
          columns={blockedColumns}
          dataSource={data?.blocked ?? []}
          loading={preview.isFetching}
          pagination={(data?.blocked.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 800 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有被保全或待审批的证据" /> }}
          data-testid="preview-blocked"
        />
      </Card>
    </Flex>
  );
};
