import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import type { RuleFinding } from '../../api/workspace-types';
import { blockedFindingsOf, blockingFindings, complianceSummary, findingLines } from './findings';

const finding = (over: Partial<RuleFinding>): RuleFinding => ({
  ruleId: 'stage-records',
  name: '各环节必需的文字记录齐全',
  severity: 'blocking',
  status: 'met',
  citations: [],
  missing: [],
  broken: [],
  ...over,
});

describe('complianceSummary', () => {
  it('counts each status and the open blocking rules', () => {
    const summary = complianceSummary([
      finding({ status: 'met' }),
      finding({ ruleId: 'a', status: 'missing' }),
      finding({ ruleId: 'b', status: 'broken', severity: 'warning' }),
      finding({ ruleId: 'c', status: 'not_applicable' }),
    ]);
    expect(summary).toEqual({ met: 1, missing: 1, broken: 1, not_applicable: 1, total: 4, blockingOpen: 1 });
  });
});

describe('blockingFindings', () => {
  it('keeps blocking rules that are missing or broken', () => {
    const open = blockingFindings([
      finding({ ruleId: 'met' }),
      finding({ ruleId: 'missing', status: 'missing' }),
      finding({ ruleId: 'warn', status: 'broken', severity: 'warning' }),
    ]);
    expect(open.map((f) => f.ruleId)).toEqual(['missing']);
  });
});

describe('findingLines', () => {
  it('puts what was done wrongly before what is missing', () => {
    const lines = findingLines(
      finding({
        missing: [{ stage: 'filing', message: '缺少立案审批表' }],
        broken: [{ stage: 'investigation', message: '询问笔录仅有 1 名持有效执法证的执法人员' }],
      }),
    );
    expect(lines.map((l) => [l.isBroken, l.item.stage])).toEqual([
      [true, 'investigation'],
      [false, 'filing'],
    ]);
  });
});

describe('blockedFindingsOf', () => {
  it('reads the rules of a refused stage change, citations formatted by the server', () => {
    const error = new ApiError(409, 'TRANSITION_BLOCKED', '尚有必须完成的事项', {
      from: 'source',
      to: 'filing',
      findings: [
        {
          ruleId: 'stage-records',
          name: '各环节必需的文字记录齐全',
          severity: 'blocking',
          status: 'missing',
          citations: [{ source: 'S2', article: '第十条', text: 'S2 第十条' }],
          missing: [
            {
              stage: 'source',
              kind: 'complaint_registration',
              message: '缺少举报登记表',
              citations: [{ source: '行政处罚法', article: '第五十四条', text: '《行政处罚法》第五十四条' }],
            },
          ],
          broken: [{ stage: 'source', message: '记录有误', citations: [{ source: 'S4', article: '第十二条' }] }],
        },
        { nonsense: true },
      ],
    });
    expect(blockedFindingsOf(error)).toEqual([
      {
        ruleId: 'stage-records',
        name: '各环节必需的文字记录齐全',
        severity: 'blocking',
        status: 'missing',
        citations: [{ source: 'S2', article: '第十条', text: 'S2 第十条' }],
        missing: [
          {
            stage: 'source',
            kind: 'complaint_registration',
            message: '缺少举报登记表',
            citations: [{ source: '行政处罚法', article: '第五十四条', text: '《行政处罚法》第五十四条' }],
          },
        ],
        // A citation without its text still names its source and article.
        broken: [
          {
            stage: 'source',
            message: '记录有误',
            citations: [{ source: 'S4', article: '第十二条', text: 'S4 第十二条' }],
          },
        ],
      },
    ]);
  });

  it('gives null for other errors', () => {
    expect(blockedFindingsOf(new ApiError(409, 'TRANSITION_NOT_ALLOWED', '不能转到'))).toBeNull();
    expect(blockedFindingsOf(new Error('x'))).toBeNull();
  });
});
