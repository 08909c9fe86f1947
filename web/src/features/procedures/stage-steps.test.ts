import { describe, expect, it } from 'vitest';
import { stageSteps } from './stage-steps';

const stage = (id: string, name: string, isTerminal = false) => ({
  id,
  name,
  isTerminal,
  citations: [],
  records: [],
});

const penalty = {
  stages: [
    stage('source', '案件来源'),
    stage('filing', '立案'),
    stage('investigation', '调查取证'),
    stage('report', '调查终结'),
    stage('notification', '告知'),
    stage('closing', '结案'),
    stage('archived', '归档', true),
    stage('not_filed', '不予立案', true),
  ],
};

const summary = (steps: ReturnType<typeof stageSteps>) =>
  steps.map((s) => `${s.id}:${s.status}${s.isSkipped ? '*' : ''}`);

describe('stageSteps', () => {
  it('shows the main path and hides the side exit the case did not take', () => {
    expect(summary(stageSteps(penalty, 'filing', ['source', 'filing']))).toEqual([
      'source:finish',
      'filing:process',
      'investigation:wait',
      'report:wait',
      'notification:wait',
      'closing:wait',
      'archived:wait',
    ]);
  });

  it('marks the current stage', () => {
    const steps = stageSteps(penalty, 'investigation', ['source', 'filing', 'investigation']);
    expect(steps.filter((s) => s.isCurrent).map((s) => s.id)).toEqual(['investigation']);
  });

  it('shows only the path to a side exit once the case takes it', () => {
    expect(summary(stageSteps(penalty, 'not_filed', ['source', 'not_filed']))).toEqual([
      'source:finish',
      'not_filed:finish',
    ]);
  });

  it('marks stages the case went past without entering', () => {
    expect(summary(stageSteps(penalty, 'closing', ['source', 'filing', 'investigation', 'report', 'closing']))).toEqual(
      [
        'source:finish',
        'filing:finish',
        'investigation:finish',
        'report:finish',
        'notification:wait*',
        'closing:process',
        'archived:wait',
      ],
    );
  });

  it('finishes the normal end', () => {
    const steps = stageSteps(penalty, 'archived', ['source', 'filing', 'archived']);
    expect(steps.at(-1)).toMatchObject({ id: 'archived', status: 'finish', isCurrent: true });
  });
});
