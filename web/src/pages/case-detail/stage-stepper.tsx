import { Steps, Typography } from 'antd';
import type { ProcedureDefinition } from '../../api/procedure-types';
import type { CaseWorkspace } from '../../api/workspace-types';
import { stageSteps } from '../../features/procedures/stage-steps';
import { formatChinaDateTime } from '../../features/time/china-time';

type Props = { definition: ProcedureDefinition; workspace: CaseWorkspace; registeredAt: string | undefined };

/** When the case entered each stage: registration for the first, the last change into it for the others. */
const enteredAt = (workspace: CaseWorkspace, stageId: string, registeredAt: string | undefined): string | null => {
  const change = workspace.stageChanges.findLast((c) => c.to === stageId);
  if (change) return change.at;

  return workspace.visitedStages[0] === stageId ? (registeredAt ?? null) : null;
};

/** PROC-1: the procedure's stages, the current one highlighted and the visited ones done. */
export const StageStepper = ({ definition, workspace, registeredAt }: Props) => {
  const steps = stageSteps(definition, workspace.stage.id, workspace.visitedStages);
  const current = steps.findIndex((s) => s.isCurrent);

  return (
    <div data-testid="stage-stepper" data-current={workspace.stage.id} style={{ overflowX: 'auto', paddingBottom: 4 }}>
      <Steps
        size="small"
        titlePlacement="vertical"
        current={current < 0 ? undefined : current}
        style={{ minWidth: Math.max(steps.length * 96, 480) }}
        items={steps.map((step) => {
          const at = step.status === 'wait' ? null : enteredAt(workspace, step.id, registeredAt);

          return {
            key: step.id,
            title: step.name,
            status: step.status,
            content: step.isSkipped ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                未经过
              </Typography.Text>
            ) : at ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatChinaDateTime(at, 'MM-DD HH:mm')}
              </Typography.Text>
            ) : null,
          };
        })}
      />
    </div>
  );
};
