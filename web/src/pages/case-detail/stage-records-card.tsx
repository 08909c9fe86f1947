import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Tooltip, Typography } from 'antd';
import type { FieldDefinition } from '../../api/procedure-types';
import type { CaseRecord, CaseWorkspace, StageRecordStatus } from '../../api/workspace-types';
import { Citations } from '../../components/citations';
import { ViewTag } from '../../components/view-tag';
import { avConditionText, avTag, requirementTag } from '../../features/procedures/procedure-labels';
import { RecordSummary } from './record-summary';

type Props = {
  workspace: CaseWorkspace;
  canRecord: boolean;
  /** The form fields of a kind, to say in words when a conditional recording applies. */
  fieldsOf: (kind: string) => readonly FieldDefinition[] | undefined;
  /** Kinds the catalog knows a form for; a kind without one cannot be made here. */
  hasForm: (kind: string) => boolean;
  onMake: (requirement: StageRecordStatus) => void;
  onOpenRecord: (recordId: string) => void;
};

const RequirementBlock = ({
  requirement,
  fields,
  records,
  canMake,
  makeTip,
  onMake,
  onOpenRecord,
}: {
  requirement: StageRecordStatus;
  fields: readonly FieldDefinition[] | undefined;
  records: CaseRecord[];
  canMake: boolean;
  makeTip: string | null;
  onMake: () => void;
  onOpenRecord: (recordId: string) => void;
}) => {
  const isMissing = requirement.isNeeded && records.length === 0;
  const button = (
    <Button
      icon={<PlusOutlined aria-hidden />}
      aria-label={`制作${requirement.name}`}
      disabled={!canMake}
      onClick={onMake}
    >
      制作
    </Button>
  );

  return (
    <div
      data-testid={`stage-record-${requirement.kind}`}
      data-needed={requirement.isNeeded}
      data-count={records.length}
      style={{ padding: 12, border: '1px solid #eef0f4', borderRadius: 8 }}
    >
      <Flex justify="space-between" align="flex-start" gap={12}>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{requirement.name}</Typography.Text>
            <ViewTag view={requirementTag(requirement.requirement, requirement.isNeeded)} />
            {requirement.avWhen && avTag(requirement.av, requirement.avWhen, fields) ? (
              <Tooltip title={`${avConditionText(requirement.avWhen, fields ?? [])}须音像记录`}>
                <span data-testid="av-tag">
                  <ViewTag view={avTag(requirement.av, requirement.avWhen, fields)} />
                </span>
              </Tooltip>
            ) : (
              <ViewTag view={avTag(requirement.av, null, fields)} />
            )}
          </Flex>
          <Citations citations={requirement.citations} />
        </Flex>
        {makeTip ? (
          <Tooltip title={makeTip}>
            <span style={{ display: 'inline-block' }}>{button}</span>
          </Tooltip>
        ) : (
          button
        )}
      </Flex>
      <Flex vertical gap={6} style={{ marginTop: 8 }}>
        {records.map((record) => (
          <RecordSummary key={record.id} record={record} onOpen={onOpenRecord} />
        ))}
        {records.length === 0 ? (
          <Typography.Text type={isMissing ? 'warning' : 'secondary'} style={{ fontSize: 13 }}>
            {isMissing ? '本案需要，尚未制作' : '暂无记录'}
          </Typography.Text>
        ) : null}
      </Flex>
    </div>
  );
};

/** PROC-1: what the current stage asks for, each with its records and a way to make one. */
export const StageRecordsCard = ({ workspace, canRecord, fieldsOf, hasForm, onMake, onOpenRecord }: Props) => {
  const { stage } = workspace;
  const byId = new Map(workspace.records.map((r) => [r.id, r]));

  return (
    <Card
      title={`本环节记录 · ${stage.name}`}
      extra={<Citations citations={stage.citations} prefix="环节依据：" />}
      data-testid="stage-records"
    >
      {workspace.stageRecords.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={stage.isTerminal ? '案件已办结，本环节不制作记录' : '本环节无需制作文字记录'}
        />
      ) : (
        <Flex vertical gap={10}>
          {workspace.stageRecords.map((requirement) => {
            const records = requirement.recordIds
              .map((id) => byId.get(id))
              .filter((r): r is CaseRecord => r !== undefined);
            const makeTip = !canRecord
              ? '您的角色不能制作记录'
              : !hasForm(requirement.kind)
                ? '未找到该文书的格式，请刷新页面后重试'
                : null;

            return (
              <RequirementBlock
                key={requirement.kind}
                requirement={requirement}
                fields={fieldsOf(requirement.kind)}
                records={records}
                canMake={makeTip === null}
                makeTip={makeTip}
                onMake={() => onMake(requirement)}
                onOpenRecord={onOpenRecord}
              />
            );
          })}
        </Flex>
      )}
    </Card>
  );
};
