import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useLedgerIntegrity } from '../../api/ledger';
import { QueryErrorResult } from '../../components/query-error-result';
import { agencyNamesOf } from '../../features/ledger/integrity-view';
import { LedgerLogCard } from './ledger-log-card';
import { WitnessAlerts } from './witness-alerts';

export const IntegrityPage = () => {
  const { data, error, isPending, isFetching, refetch } = useLedgerIntegrity();

  const header = (
    <Flex vertical gap={4}>
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          账本完整性
        </Typography.Title>
        <Button
          size="small"
          icon={<ReloadOutlined aria-hidden />}
          loading={isFetching && !isPending}
          onClick={() => void refetch()}
          style={{ marginLeft: 'auto' }}
        >
          刷新
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        每个机关的执法记录写入独立的防篡改账本；上级机关定期见证下级账本的检查点；任何删改都会在核验中被发现。
      </Typography.Paragraph>
    </Flex>
  );

  if (isPending) {
    return (
      <Flex vertical gap={16}>
        {header}
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </Flex>
    );
  }
  if (error) return <QueryErrorResult error={error} onRetry={() => void refetch()} />;

  return (
    <Flex vertical gap={16}>
      {header}
      <WitnessAlerts alerts={data.alerts} agencyNames={agencyNamesOf(data.logs)} />
      {data.logs.length ? (
        data.logs.map((log) => <LedgerLogCard key={log.agency.id} log={log} />)
      ) : (
        <Card>
          <Empty description="本机关及下级机关尚无账本" />
        </Card>
      )}
    </Flex>
  );
};
