import { Alert, Card, Divider, Empty, Flex, Tag, Typography } from 'antd';
import { Fragment } from 'react';
import type { CaseDeadline } from '../../api/workspace-types';
import { Citations } from '../../components/citations';
import { ViewTag } from '../../components/view-tag';
import { UNCOVERED_CALENDAR_WARNING, dueText, sortDeadlines } from '../../features/deadlines/deadline-view';
import { DEADLINE_STATUS_TAGS, tagOf } from '../../features/procedures/procedure-labels';

type Props = { deadlines: readonly CaseDeadline[]; uncoveredCalendarYear: number | null };

const DeadlineRow = ({ deadline }: { deadline: CaseDeadline }) => (
  <div data-testid={`deadline-${deadline.ruleId}`} data-status={deadline.status} style={{ padding: '10px 0' }}>
    <Flex gap={8} align="center" wrap>
      <ViewTag view={tagOf(DEADLINE_STATUS_TAGS, deadline.status)} />
      {deadline.duty === 'party' ? <Tag style={{ marginInlineEnd: 0 }}>当事人期限</Tag> : null}
      <Typography.Text strong>{deadline.name}</Typography.Text>
    </Flex>
    <Flex gap={12} wrap style={{ marginTop: 4 }}>
      <Typography.Text>{dueText(deadline)}</Typography.Text>
      <Typography.Text type="secondary">起算 {deadline.startDate}</Typography.Text>
      {deadline.movedFrom ? (
        <Typography.Text type="secondary">（原为 {deadline.movedFrom}，遇休息日顺延）</Typography.Text>
      ) : null}
    </Flex>
    <Citations citations={deadline.citations} />
    {deadline.isCalendarCovered ? null : (
      <Alert
        type="warning"
        showIcon
        style={{ marginTop: 6 }}
        title={UNCOVERED_CALENDAR_WARNING}
        description={deadline.uncoveredYears.length ? `未覆盖年度：${deadline.uncoveredYears.join('、')}` : undefined}
      />
    )}
  </div>
);

/** PROC-8: the statutory periods that have started, soonest first. */
export const DeadlinePanel = ({ deadlines, uncoveredCalendarYear }: Props) => (
  <Card title="期限" data-testid="deadline-panel">
    {uncoveredCalendarYear !== null ? (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 8 }}
        title={`${uncoveredCalendarYear}年工作日历尚未维护`}
        description="按工作日计算的期限仅供参考，请系统管理员在「工作日历」中补充该年度日历。"
      />
    ) : null}
    {deadlines.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无已起算的法定期限" />
    ) : (
      sortDeadlines(deadlines).map((deadline, index) => (
        <Fragment key={deadline.ruleId}>
          {index > 0 ? <Divider style={{ margin: 0 }} /> : null}
          <DeadlineRow deadline={deadline} />
        </Fragment>
      ))
    )}
  </Card>
);
