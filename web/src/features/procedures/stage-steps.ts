import type { ProcedureDefinition } from '../../api/procedure-types';

export type StageStepStatus = 'finish' | 'process' | 'wait';

export type StageStep = {
  id: string;
  name: string;
  status: StageStepStatus;
  isCurrent: boolean;
  /** Before the current stage, but the case went past it without entering it (e.g. 不予处罚 skips the hearing). */
  isSkipped: boolean;
};

/**
 * PROC-1: the stepper's stages. The first terminal stage is the procedure's normal end; any later terminal stage
 * (不予立案, 不予受理) is a side exit and is shown only when the case took it, with the path that led there.
 */
export const stageSteps = (
  definition: Pick<ProcedureDefinition, 'stages'>,
  currentStage: string,
  visitedStages: readonly string[],
): StageStep[] => {
  const visited = new Set(visitedStages);
  const firstTerminal = definition.stages.findIndex((s) => s.isTerminal);
  const isSideExit = (index: number) => firstTerminal >= 0 && index > firstTerminal;
  const currentIndex = definition.stages.findIndex((s) => s.id === currentStage);
  const isOnSideExit = currentIndex >= 0 && isSideExit(currentIndex);
  const shown = definition.stages.filter((stage, index) =>
    isOnSideExit ? visited.has(stage.id) || stage.id === currentStage : !isSideExit(index),
  );
  const shownCurrent = shown.findIndex((s) => s.id === currentStage);

  return shown.map((stage, index) => {
    const isCurrent = index === shownCurrent;
    const isVisited = visited.has(stage.id);
    let status: StageStepStatus = 'wait';
    if (isCurrent) status = stage.isTerminal ? 'finish' : 'process';
    else if (isVisited) status = 'finish';

    return {
      id: stage.id,
      name: stage.name,
      status,
      isCurrent,
      isSkipped: !isVisited && !isCurrent && shownCurrent >= 0 && index < shownCurrent,
    };
  });
};
