import { Alert, Card, Divider, Flex, Typography } from 'antd';
import { Fragment } from 'react';
import type { RuleFinding } from '../../api/workspace-types';
import { ViewTag } from '../../components/view-tag';
import { complianceSummary } from '../../features/compliance/findings';
import { RULE_STATUS_TAGS } from '../../features/procedures/procedure-labels';
import { FindingRow } from './finding-row';

type Props = {
  findings: readonly RuleFinding[];
  stageNameOf: (stageId: string) => string;
  onOpenRecord: (recordId: string) => void;
};

const Verdict = ({ findings }: { findings: readonly RuleFinding[] }) => {
  const summary = complianceSummary(findings);
  const applicable = summary.total - summary.not_applicable;
  if (summary.missing === 0 && summary.broken === 0) {
    return (
      <Alert
        type="success"
        showIcon
        title={`全过程符合全部 ${applicable} 项适用规则`}
        description="已检查本案经过的每个环节及其记录。"
      />
    );
  }
  const parts = [
    summary.broken > 0 ? `${summary.broken} 项违规` : null,
    summary.missing > 0 ? `${summary.missing} 项缺失` : null,
  ].filter(Boolean);

  return (
    <Alert
      type={summary.broken > 0 ? 'error' : 'warning'}
      showIcon
      title={`${applicable} 项适用规则中，${summary.met} 项满足，${parts.join('、')}`}
      description={
        summary.blockingOpen > 0
          ? `其中 ${summary.blockingOpen} 项为阻断规则：补齐前案件不能进入下一环节。`
          : '未满足的均为提示规则，不阻止案件进入下一环节。'
      }
    />
  );
};

/** SUP-2: every rule of the procedure against the whole process so far, for the handler and for a supervisor. */
export const CompliancePanel = ({ findings, stageNameOf, onOpenRecord }: Props) => {
  const summary = complianceSummary(findings);

  return (
    <Card
      id="compliance-panel"
      title="合规检查"
      data-testid="compliance-panel"
      extra={
        <Flex gap={6} wrap>
          {(['met', 'missing', 'broken', 'not_applicable'] as const).map((status) => (
            <span key={status}>
              <ViewTag
                view={{ ...RULE_STATUS_TAGS[status], label: `${RULE_STATUS_TAGS[status].label} ${summary[status]}` }}
              />
            </span>
          ))}
        </Flex>
      }
    >
      <Verdict findings={findings} />
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
        按本程序的全部合规规则逐项检查案件已经过的各环节；「阻断」规则未满足时不能进入下一环节，「提示」规则仅作提醒。
      </Typography.Paragraph>
      {findings.map((finding, index) => (
        <Fragment key={finding.ruleId}>
          {index > 0 ? <Divider style={{ margin: 0 }} /> : null}
          <FindingRow
            finding={finding}
            stageNameOf={stageNameOf}
            onOpenRecord={onOpenRecord}
            testId={`rule-${finding.ruleId}`}
          />
        </Fragment>
      ))}
    </Card>
  );
};
