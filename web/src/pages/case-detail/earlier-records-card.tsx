import { Card, Collapse, Flex, Typography } from 'antd';
import type { CaseWorkspace } from '../../api/workspace-types';
import { RecordSummary } from './record-summary';

type Props = {
  workspace: CaseWorkspace;
  stageNameOf: (stageId: string) => string;
  onOpenRecord: (recordId: string) => void;
};

/** The records of the stages the case has left, stage by stage, folded away until wanted. */
export const EarlierRecordsCard = ({ workspace, stageNameOf, onOpenRecord }: Props) => {
  const earlier = [...new Set(workspace.visitedStages)].filter((id) => id !== workspace.stage.id);
  if (earlier.length === 0) return null;

  return (
    <Card title="以往环节记录" data-testid="earlier-records">
      <Collapse
        items={earlier.map((stageId) => {
          const records = workspace.records.filter((r) => r.stage === stageId);

          return {
            key: stageId,
            label: `${stageNameOf(stageId)}（${records.length} 份记录）`,
            children: records.length ? (
              <Flex vertical gap={6}>
                {records.map((record) => (
                  <RecordSummary key={record.id} record={record} onOpen={onOpenRecord} />
                ))}
              </Flex>
            ) : (
              <Typography.Text type="secondary">该环节没有制作记录</Typography.Text>
            ),
          };
        })}
      />
    </Card>
  );
};
