import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Segmented,
  Skeleton,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { errorMessageOf } from '../../api/http';
import { useMajorCatalog, type MajorCatalogEntry } from '../../api/legal-review';
import type { LegalReviewCatalog } from '../../api/procedure-types';
import { useProcedureCatalog } from '../../api/procedures';
import { useCurrentUser } from '../../app/current-user';
import { ForbiddenResult } from '../../components/forbidden-result';
import { QueryErrorResult } from '../../components/query-error-result';
import { legalReviewAccessOf } from '../../features/legal-review/legal-review-access';
import { ANY_FIELD, formatAmountThreshold, labelOf } from '../../features/legal-review/legal-review-view';
import { formatChinaDateTime } from '../../features/time/china-time';
import { AddCatalogEntryDrawer } from './add-catalog-entry-drawer';
import { RetireCatalogEntryModal } from './retire-catalog-entry-modal';

type Options = LegalReviewCatalog['catalogOptions'];
type Shown = 'in_force' | 'all';

const NO_OPTIONS: Options = { categories: [], levels: [], fields: [], partyTypes: [], penaltyKinds: [] };

const columnsOf = (
  options: Options,
  canManage: boolean,
  onRetire: (entry: MajorCatalogEntry) => void,
): TableColumnsType<MajorCatalogEntry> => [
  {
    title: '事项名称与依据',
    key: 'title',
    width: 300,
    render: (_, entry) => (
      <Flex vertical gap={2}>
        <Typography.Text delete={entry.retirement !== null} type={entry.retirement ? 'secondary' : undefined}>
          {entry.title}
        </Typography.Text>
        <Typography.Paragraph
          type="secondary"
          ellipsis={{ rows: 2, tooltip: entry.basis }}
          style={{ fontSize: 12, margin: 0 }}
          data-testid="catalog-basis"
        >
          依据：{entry.basis}
        </Typography.Paragraph>
      </Flex>
    ),
  },
  {
    title: '适用范围',
    key: 'scope',
    width: 190,
    render: (_, entry) => (
      <Flex vertical gap={2}>
        <Typography.Text>
          {labelOf(options.categories, entry.category)} · {labelOf(options.levels, entry.level)} ·{' '}
          {labelOf([ANY_FIELD, ...options.fields], entry.field)}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          当事人：{labelOf(options.partyTypes, entry.partyType)}
        </Typography.Text>
      </Flex>
    ),
  },
  {
    title: '处罚种类',
    key: 'penaltyKinds',
    width: 190,
    render: (_, entry) =>
      entry.penaltyKinds.length === 0 ? (
        <Typography.Text type="secondary">不限</Typography.Text>
      ) : (
        <Flex wrap gap={4}>
          {entry.penaltyKinds.map((kind) => (
            <Tag key={kind} style={{ marginInlineEnd: 0 }}>
              {labelOf(options.penaltyKinds, kind)}
            </Tag>
          ))}
        </Flex>
      ),
  },
  {
    title: '金额标准',
    key: 'amountThreshold',
    width: 140,
    render: (_, entry) => {
      const amount = formatAmountThreshold(entry.amountThreshold);

      return amount ? (
        <span className="mono" style={{ whiteSpace: 'nowrap' }} data-testid="catalog-amount">
          {amount}
        </span>
      ) : (
        <Typography.Text type="secondary">不限</Typography.Text>
      );
    },
  },
  {
    title: '状态',
    key: 'status',
    width: 170,
    render: (_, entry) => (
      <Flex vertical gap={2} align="flex-start">
        {entry.retirement ? (
          <Tag color="default" data-testid="catalog-status">
            已废止
          </Tag>
        ) : (
          <Tag color="green" data-testid="catalog-status">
            有效
          </Tag>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatChinaDateTime(entry.createdAt, 'YYYY-MM-DD')} 设立
        </Typography.Text>
        {entry.retirement ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="catalog-retirement">
            {formatChinaDateTime(entry.retirement.retiredAt, 'YYYY-MM-DD')} 废止：{entry.retirement.reason}
          </Typography.Text>
        ) : null}
      </Flex>
    ),
  },
  ...(canManage
    ? [
        {
          title: '操作',
          key: 'actions',
          width: 72,
          render: (_: unknown, entry: MajorCatalogEntry) =>
            entry.retirement ? null : (
              <Button size="small" danger onClick={() => onRetire(entry)} aria-label={`废止 ${entry.title}`}>
                废止
              </Button>
            ),
        },
      ]
    : []),
];

/**
 * REVIEW-1: the agency's catalog of major enforcement decisions. A decision matching an entry in force must pass
 * legal review before it is made (S3 附件3 第四条，行政处罚法 第五十八条); the catalog is public, so all staff see it,
 * and the legal section or the agency head keeps it.
 */
export const MajorCatalogPage = () => {
  const me = useCurrentUser();
  const access = legalReviewAccessOf(me);
  const catalog = useMajorCatalog(access.canViewCatalog);
  const procedures = useProcedureCatalog(access.canViewCatalog);
  const [shown, setShown] = useState<Shown>('all');
  const [isAdding, setIsAdding] = useState(false);
  const [retiring, setRetiring] = useState<MajorCatalogEntry | null>(null);

  if (!access.canViewCatalog) return <ForbiddenResult subTitle="您的角色不能查看重大执法决定目录。" />;

  const options = procedures.data?.legalReview.catalogOptions ?? NO_OPTIONS;
  // The server's word on the catalog wins over the session's flag, which may be older.
  const canManage = access.canManageCatalog && catalog.data?.canManage !== false;
  const entries = catalog.data?.entries ?? [];
  const inForce = entries.filter((e) => e.retirement === null);
  const listed = shown === 'in_force' ? inForce : [...inForce, ...entries.filter((e) => e.retirement !== null)];

  return (
    <Flex vertical gap={12}>
      <Flex align="flex-start" justify="space-between" gap={16} wrap>
        <Flex vertical gap={4} style={{ flex: '1 1 480px' }}>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            重大执法决定目录
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="catalog-intro">
            本机关按执法类别、执法层级、所属领域、处罚种类和涉案金额确定的重大执法决定事项。拟作出的执法决定符合目录中有效事项的，须经法制审核，未经法制审核或者审核未通过的，不得作出决定（S3
            附件3 第四条，行政处罚法 第五十八条）。本目录依法向社会公开。
          </Typography.Paragraph>
        </Flex>
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsAdding(true)} disabled={!procedures.data}>
            新增事项
          </Button>
        ) : null}
      </Flex>
      {catalog.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : catalog.error ? (
        <QueryErrorResult error={catalog.error} onRetry={() => void catalog.refetch()} />
      ) : (
        <Card
          size="small"
          title={`目录事项（有效 ${inForce.length} 项）`}
          extra={
            <Segmented<Shown>
              size="small"
              value={shown}
              onChange={setShown}
              options={[
                { value: 'all', label: `全部（含已废止 ${entries.length - inForce.length} 项）` },
                { value: 'in_force', label: '仅有效' },
              ]}
              data-testid="catalog-shown"
            />
          }
        >
          {procedures.error ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`类别和领域名称暂时无法显示：${errorMessageOf(procedures.error)}`}
            />
          ) : null}
          <Table<MajorCatalogEntry>
            rowKey="id"
            size="middle"
            columns={columnsOf(options, canManage, setRetiring)}
            dataSource={listed}
            pagination={listed.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 1000 }}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="目录中尚无事项" />,
            }}
            data-testid="catalog-table"
          />
        </Card>
      )}
      {canManage && procedures.data ? (
        <AddCatalogEntryDrawer
          options={procedures.data.legalReview.catalogOptions}
          isOpen={isAdding}
          onClose={() => setIsAdding(false)}
        />
      ) : null}
      {retiring ? <RetireCatalogEntryModal entry={retiring} onClose={() => setRetiring(null)} /> : null}
    </Flex>
  );
};
