import { Button, Flex, Tag, Typography } from 'antd';
import type { RuleFinding } from '../../api/workspace-types';
import { Citations } from '../../components/citations';
import { ViewTag } from '../../components/view-tag';
import { findingLines } from '../../features/compliance/findings';
import { RULE_STATUS_TAGS, SEVERITY_TAGS, tagOf } from '../../features/procedures/procedure-labels';

type Props = {
  finding: RuleFinding;
  stageNameOf: (stageId: string) => string;
  /** Opens the record an item points at; absent where records cannot be opened (e.g. inside a dialog). */
  onOpenRecord?: (recordId: string) => void;
  testId?: string;
};

/** One compliance rule: its status, severity and basis, then each missing or broken item with where it is. */
export const FindingRow = ({ finding, stageNameOf, onOpenRecord, testId }: Props) => {
  const lines = findingLines(finding);

  return (
    <div data-testid={testId} data-status={finding.status} style={{ padding: '10px 0' }}>
      <Flex gap={8} align="center" wrap>
        <ViewTag view={tagOf(RULE_STATUS_TAGS, finding.status)} />
        <ViewTag view={tagOf(SEVERITY_TAGS, finding.severity)} />
        <Typography.Text strong={finding.status === 'missing' || finding.status === 'broken'}>
          {finding.name}
        </Typography.Text>
      </Flex>
      <div style={{ marginTop: 2 }}>
        <Citations citations={finding.citations} />
      </div>
      {lines.length > 0 ? (
        <ul style={{ margin: '6px 0 0', paddingInlineStart: 20 }}>
          {lines.map(({ item, isBroken }, index) => (
            <li key={`${isBroken ? 'b' : 'm'}-${index}`} style={{ marginBottom: 4 }}>
              <Flex vertical gap={0}>
                <Flex gap={6} align="baseline" wrap>
                  <Tag color={isBroken ? 'red' : 'orange'} variant="outlined" style={{ marginInlineEnd: 0 }}>
                    {isBroken ? '违规' : '缺失'}
                  </Tag>
                  {item.stage ? <Typography.Text type="secondary">{stageNameOf(item.stage)}：</Typography.Text> : null}
                  <Typography.Text>{item.message}</Typography.Text>
                  {item.recordId && onOpenRecord ? (
                    <Button
                      type="link"
                      size="small"
                      style={{ paddingInline: 4, height: 'auto' }}
                      onClick={() => onOpenRecord(item.recordId!)}
                    >
                      查看记录
                    </Button>
                  ) : null}
                </Flex>
                <Citations citations={item.citations} />
              </Flex>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};
