import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useCalendarYear, useSetCalendarDay } from '../../api/calendar';
import { errorMessageOf } from '../../api/http';
import type { CalendarDay } from '../../api/workspace-types';
import { useCurrentUser } from '../../app/current-user';
import { QueryErrorResult } from '../../components/query-error-result';
import {
  DAY_KIND_LABELS,
  dayKind,
  isWeekend,
  monthWeeks,
  weekdayIndex,
  yearCounts,
  type DayKind,
} from '../../features/calendar/calendar-view';
import { chinaNow, formatChinaDateTime } from '../../features/time/china-time';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

const KIND_STYLES: Record<DayKind, { background: string; color: string; border: string }> = {
  working: { background: '#ffffff', color: '#1f2329', border: '#eef0f4' },
  rest: { background: '#f2f3f5', color: '#8a8f99', border: '#eef0f4' },
  holiday: { background: '#fff1f0', color: '#cf1322', border: '#ffccc7' },
  makeup: { background: '#fff7e6', color: '#d46b08', border: '#ffd591' },
  unknown: { background: '#fafafa', color: '#bfbfbf', border: '#f0f0f0' },
};

const Legend = () => (
  <Flex gap={12} wrap align="center">
    {(['working', 'rest', 'holiday', 'makeup'] as const).map((kind) => (
      <Flex key={kind} gap={4} align="center">
        <span
          aria-hidden
          style={{
            display: 'inline-block',
            width: 14,
            height: 14,
            borderRadius: 3,
            background: KIND_STYLES[kind].background,
            border: `1px solid ${KIND_STYLES[kind].border}`,
          }}
        />
        <Typography.Text>{DAY_KIND_LABELS[kind]}</Typography.Text>
      </Flex>
    ))}
    <Flex gap={4} align="center">
      <span
        aria-hidden
        style={{ width: 6, height: 6, borderRadius: 3, background: '#1d4f91', display: 'inline-block' }}
      />
      <Typography.Text>本机关调整</Typography.Text>
    </Flex>
  </Flex>
);

type DayCellProps = { date: string; day: CalendarDay | undefined; isToday: boolean; onPick: (() => void) | null };

const DayCell = ({ date, day, isToday, onPick }: DayCellProps) => {
  const kind = dayKind(date, day);
  const style = KIND_STYLES[kind];
  const label = `${date} ${DAY_KIND_LABELS[kind]}${day?.name ? ` ${day.name}` : ''}`;
  const body = (
    <>
      <span style={{ fontWeight: isToday ? 700 : 400 }}>{Number(date.slice(8))}</span>
      {kind === 'makeup' ? <span style={{ fontSize: 10, marginInlineStart: 2 }}>班</span> : null}
      {day?.source === 'admin' ? (
        <span
          aria-hidden
          style={{
            position: 'absolute',
            top: 3,
            right: 3,
            width: 5,
            height: 5,
            borderRadius: 3,
            background: '#1d4f91',
          }}
        />
      ) : null}
      <span
        style={{
          display: 'block',
          fontSize: 10,
          lineHeight: '12px',
          height: 12,
          overflow: 'hidden',
          whiteSpace: 'nowrap',
          textOverflow: 'ellipsis',
        }}
      >
        {kind === 'holiday' || kind === 'makeup' ? (day?.name ?? '') : ''}
      </span>
    </>
  );
  const cellStyle = {
    position: 'relative' as const,
    width: '100%',
    minHeight: 40,
    padding: '3px 2px',
    textAlign: 'center' as const,
    background: style.background,
    color: style.color,
    border: `1px solid ${isToday ? '#1d4f91' : style.border}`,
    borderRadius: 4,
    font: 'inherit',
    fontSize: 13,
  };

  return onPick ? (
    <button
      type="button"
      aria-label={label}
      title={label}
      data-testid={`calendar-day-${date}`}
      data-kind={kind}
      onClick={onPick}
      style={{ ...cellStyle, cursor: 'pointer' }}
    >
      {body}
    </button>
  ) : (
    <div title={label} data-testid={`calendar-day-${date}`} data-kind={kind} style={cellStyle}>
      {body}
    </div>
  );
};

type MonthProps = {
  year: number;
  month: number;
  days: ReadonlyMap<string, CalendarDay>;
  today: string;
  onPick: ((date: string) => void) | null;
};

const Month = ({ year, month, days, today, onPick }: MonthProps) => (
  <Card size="small" title={`${month}月`} styles={{ body: { padding: 8 } }}>
    <table style={{ width: '100%', borderCollapse: 'separate', borderSpacing: 2, tableLayout: 'fixed' }}>
      <thead>
        <tr>
          {WEEKDAYS.map((w, i) => (
            <th
              key={w}
              scope="col"
              style={{ fontWeight: 400, fontSize: 12, color: i >= 5 ? '#cf1322' : '#8a8f99', paddingBottom: 2 }}
            >
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(year, month).map((week, index) => (
          <tr key={index}>
            {week.map((date, i) => (
              <td key={date ?? `blank-${i}`} style={{ padding: 0 }}>
                {date ? (
                  <DayCell
                    date={date}
                    day={days.get(date)}
                    isToday={date === today}
                    onPick={onPick ? () => onPick(date) : null}
                  />
                ) : null}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </Card>
);

type DayFormValues = { isWorkingDay: boolean; name?: string };

const DayEditor = ({ date, day, onClose }: { date: string; day: CalendarDay | undefined; onClose: () => void }) => {
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
              · {day.source === 'admin' ? `本机关于 ${formatChinaDateTime(day.updatedAt)} 调整` : '国家法定安排'}
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
  const counts = yearCounts(data.days);
  // Days of an uncovered year cannot be set one at a time: the server counts only whole years.
  const canEditDays = canManage && data.isCovered && !isPlaceholderData;

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
        {canManage ? '点击某一天可将其设为工作日或休息日。' : '如发现日历有误，请联系系统管理员。'}
      </Typography.Paragraph>
      {data.year === year && !data.isCovered ? (
        <Alert
          type="warning"
          showIcon
          data-testid="calendar-uncovered"
          title={`该年度日历未覆盖：${year}年`}
          description={[
            `日历中没有 ${year} 年的数据，期限跨入该年度时只能按“周一至周五为工作日”估算，并标注“仅供参考”。`,
            `该年度日历须按国务院办公厅发布的 ${year} 年部分节假日安排，以整年为单位一次补充。`,
            '系统目前尚不支持在本页整年录入或从草稿生成，也不能逐日补充（不完整的年度会使日历无法使用），请在通知发布后联系系统运维人员导入该年度日历。',
            `已覆盖年度：${data.coveredYears.length ? `${data.coveredYears[0]}–${data.coveredYears.at(-1)}年` : '无'}。`,
          ].join('')}
        />
      ) : (
        <Flex gap={16} wrap align="center" justify="space-between">
          <Legend />
          <Typography.Text type="secondary">
            全年工作日 {counts.workingDays} 天，休息日 {counts.restDays} 天（其中节假日 {counts.holidays} 天），调休补班{' '}
            {counts.makeupDays} 天
          </Typography.Text>
        </Flex>
      )}
      <Row gutter={[12, 12]} style={{ opacity: isPlaceholderData ? 0.5 : 1 }}>
        {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
          <Col key={month} xs={24} md={12} xl={8} xxl={6}>
            <Month
              year={year}
              month={month}
              days={days}
              today={today}
              onPick={canEditDays ? (date) => setEditing(date) : null}
            />
          </Col>
        ))}
      </Row>
      {editing ? <DayEditor date={editing} day={days.get(editing)} onClose={() => setEditing(null)} /> : null}
    </Flex>
  );
};
