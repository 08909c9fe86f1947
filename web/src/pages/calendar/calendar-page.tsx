import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Radio, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCalendarYear, useSetCalendarDay } from '../../api/calendar';
import { errorMessageOf } from '../../api/http';
import type { CalendarDay } from '../../api/workspace-types';
import { useCurrentUser } from '../../app/current-user';
import { QueryErrorResult } from '../../components/query-error-result';
import {
  DAY_KIND_LABELS,
  adjustedDates,
  dayKind,
  isWeekend,
  weekdayIndex,
  yearCounts,
} from '../../features/calendar/calendar-view';
import { chinaNow, formatChinaDateTime } from '../../features/time/china-time';
import { Legend, WEEKDAYS, YearGrid } from './calendar-grid';
import { CalendarYearForm } from './calendar-year-form';

type DayFormValues = { isWorkingDay: boolean; name?: string };

type DayEditorProps = { date: string; day: CalendarDay | undefined; isAdjusted: boolean; onClose: () => void };

const DayEditor = ({ date, day, isAdjusted, onClose }: DayEditorProps) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<DayFormValues>();
  const setDay = useSetCalendarDay();
  const [error, setError] = useState<string | null>(null);
  const kind = dayKind(date, day);

  const onFinish = (values: DayFormValues) => {
    setError(null);
    setDay.mutate(
      { date, isWorkingDay: values.isWorkingDay, name: values.name?.trim() || null },
      {
        onSuccess: () => {
          void message.success(`已将 ${date} 设为${values.isWorkingDay ? '工作日' : '休息日'}`);
          onClose();
        },
        onError: (e) => setError(errorMessageOf(e)),
      },
    );
  };

  return (
    <Modal
      open
      title={`${date}（星期${WEEKDAYS[weekdayIndex(date)]}）`}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={setDay.isPending}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Text>
          当前：<Tag>{DAY_KIND_LABELS[kind]}</Tag>
          {day?.name ? <Typography.Text>{day.name}</Typography.Text> : null}
          {day ? (
            <Typography.Text type="secondary">
              {' '}
              ·{' '}
              {day.source === 'official'
                ? '国家法定安排'
                : isAdjusted
                  ? `本机关于 ${formatChinaDateTime(day.updatedAt)} 调整`
                  : `本机关于 ${formatChinaDateTime(day.updatedAt)} 按国务院办公厅通知建立`}
            </Typography.Text>
          ) : null}
        </Typography.Text>
        {error ? <Alert type="error" showIcon title={error} /> : null}
        <Form<DayFormValues>
          form={form}
          layout="vertical"
          initialValues={{ isWorkingDay: day?.isWorkingDay ?? !isWeekend(date), name: day?.name ?? '' }}
          onFinish={onFinish}
          disabled={setDay.isPending}
        >
          <Form.Item label="该日为" name="isWorkingDay" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: true, label: '工作日' },
                { value: false, label: '休息日' },
              ]}
            />
          </Form.Item>
          <Form.Item
            label="名称"
            name="name"
            extra="节假日写节日名称（如：春节），调休上班写“某某补班”；普通工作日和周末可不填。修改写入账本，并影响按工作日计算的期限。"
          >
            <Input maxLength={50} placeholder="如：国庆节、国庆节补班" />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
};

/** PROC-8: the working-day calendar that statutory periods are counted on, kept by the system administrator. */
export const CalendarPage = () => {
  const me = useCurrentUser();
  const canManage = me.permissions.canManageCalendar === true;
  const today = chinaNow().format('YYYY-MM-DD');
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState<string | null>(null);
  const { data, error, isPending, refetch, isPlaceholderData } = useCalendarYear(year);

  const yearOptions = [
    ...new Set([...(data?.coveredYears ?? []), thisYear - 1, thisYear, thisYear + 1, thisYear + 2, year]),
  ]
    .filter((y) => y >= 2000 && y <= 2100)
    .sort((a, b) => b - a)
    .map((y) => ({ value: y, label: `${y}年` }));

  if (isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (error) return <QueryErrorResult error={error} onRetry={() => void refetch()} />;

  const days = new Map(data.days.map((d) => [d.date, d]));
  const adjusted = adjustedDates(data.days);
  const counts = yearCounts(data.days);
  // Days of an uncovered year cannot be set one at a time: the server counts only whole years.
  const canEditDays = canManage && data.isCovered && !isPlaceholderData;
  const isUncovered = data.year === year && !data.isCovered;

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          工作日历
        </Typography.Title>
        <Flex gap={8} align="center">
          <Button icon={<LeftOutlined aria-hidden />} aria-label="上一年" onClick={() => setYear((y) => y - 1)} />
          <Select
            aria-label="年度"
            value={year}
            options={yearOptions}
            onChange={setYear}
            style={{ width: 120 }}
            data-testid="calendar-year"
          />
          <Button icon={<RightOutlined aria-hidden />} aria-label="下一年" onClick={() => setYear((y) => y + 1)} />
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        法定期限中的“工作日”按本日历计算：法定节假日休息，调休补班的周末上班。日历按国务院办公厅每年发布的节假日安排维护。
        {canManage
          ? '点击某一天可将其设为工作日或休息日；尚未建立的年度按国务院办公厅的通知整年建立。'
          : '如发现日历有误，请联系系统管理员。'}
      </Typography.Paragraph>
      {isUncovered ? (
        <Alert
          type="warning"
          showIcon
          data-testid="calendar-uncovered"
          title={`尚未建立 ${year} 年工作日历`}
          description={[
            `期限跨入 ${year} 年时，目前只能按“周一至周五为工作日”估算，并标注“仅供参考”。`,
            canManage
              ? `请在国务院办公厅公布 ${year} 年部分节假日安排后，在下方按通知整年建立。`
              : `该年度日历由系统管理员按国务院办公厅公布的安排整年建立，请联系系统管理员。`,
            `已建立的年度：${data.coveredYears.length ? `${data.coveredYears[0]}–${data.coveredYears.at(-1)}年` : '无'}。`,
          ].join('')}
        />
      ) : (
        <Flex gap={16} wrap align="center" justify="space-between">
          <Legend />
          <Typography.Text type="secondary" data-testid="calendar-counts">
            全年工作日 {counts.workingDays} 天，休息日 {counts.restDays} 天（其中节假日 {counts.holidays} 天），调休补班{' '}
            {counts.makeupDays} 天
          </Typography.Text>
        </Flex>
      )}
      {isUncovered && canManage ? (
        <CalendarYearForm key={year} year={year} today={today} />
      ) : (
        <YearGrid
          year={year}
          days={days}
          adjusted={adjusted}
          today={today}
          onPick={canEditDays ? (date) => setEditing(date) : null}
          isDimmed={isPlaceholderData}
        />
      )}
      {editing ? (
        <DayEditor
          date={editing}
          day={days.get(editing)}
          isAdjusted={adjusted.has(editing)}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Flex>
  );
};
