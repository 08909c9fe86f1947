import { Alert, Card, Descriptions, Tag } from 'antd';
import type { ExecutionSummary } from '../../api/workspace-types';

const yuan = (amount: string) => `¥${Number(amount).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;

/**
 * SERVE-2: how the decision is being performed: the fine, what was paid, the late-payment surcharge (行政处罚法
 * 第七十二条：每日按罚款数额的百分之三加处罚款，不得超出罚款数额) and when a court may first be asked to enforce.
 */
export const ExecutionPanel = ({ execution }: { execution: ExecutionSummary }) => (
  <Card title="履行与执行" data-testid="execution-panel" size="small">
    {execution.isFullyPerformed ? (
      <Alert type="success" showIcon title="罚款已全部缴纳" style={{ marginBottom: 8 }} />
    ) : null}
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'fine', label: '罚款金额', children: yuan(execution.fineAmount) },
        { key: 'served', label: '决定书送达日', children: execution.decisionServedOn ?? '尚未送达' },
        { key: 'due', label: '缴款期限', children: execution.dueOn ? `${execution.dueOn}（送达之日起十五日）` : '—' },
        { key: 'paid', label: '已缴纳', children: yuan(execution.paidAmount) },
        { key: 'outstanding', label: '未缴纳', children: yuan(execution.outstandingAmount) },
        {
          key: 'surcharge',
          label: '加处罚款',
          children: execution.surcharge ? (
            <span data-testid="surcharge">
              {yuan(execution.surcharge.amount)}
              {execution.surcharge.daysOverdue > 0 ? `（逾期 ${execution.surcharge.daysOverdue} 日，每日 3%）` : ''}
              {execution.surcharge.isCapped ? (
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  已达罚款数额上限
                </Tag>
              ) : null}
            </span>
          ) : (
            '—'
          ),
        },
        { key: 'demand', label: '催告书送达日', children: execution.demandServedOn ?? '尚未催告' },
        {
          key: 'court',
          label: '最早可申请法院强制执行',
          children: execution.earliestCourtApplicationOn ?? '催告书送达十日后',
        },
      ]}
    />
  </Card>
);
