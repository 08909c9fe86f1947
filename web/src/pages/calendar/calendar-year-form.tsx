import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type KeyboardEvent } from 'react';
import { useAddCalendarYear } from '../../api/calendar';
import { errorMessageOf, fieldErrorsOf, isApiError } from '../../api/http';
import { weekdayName } from '../../features/calendar/calendar-view';
import {
  CALENDAR_DAY_NAME_MAX,
  STATUTORY_HOLIDAY_NAMES,
  buildYearSchedule,
  fieldOfException,
  periodDays,
  toCalendarYearRequest,
  type DraftException,
  type YearSchedule,
} from '../../features/calendar/year-schedule';
import { toNamePath } from '../../features/forms/field-errors';
import { DATE_FORMAT } from '../../features/time/date-format';
import { Legend, YearGrid } from './calendar-grid';

type HolidayRow = { name?: string; start?: Dayjs | null; end?: Dayjs | null };
type MakeupRow = { date?: Dayjs | null; name?: string };
type YearFormValues = { holidays?: HolidayRow[]; makeups?: MakeupRow[] };

const INITIAL_VALUES: YearFormValues = {
  holidays: STATUTORY_HOLIDAY_NAMES.map((name) => ({ name, start: null, end: null })),
  makeups: [],
};

const toIso = (value: Dayjs | null | undefined): string | null =>
  value && dayjs.isDayjs(value) && value.isValid() ? value.format(DATE_FORMAT) : null;

const scheduleOf = (year: number, values: YearFormValues): YearSchedule =>
  buildYearSchedule(
    year,
    (values.holidays ?? []).map((row) => ({ name: row?.name, start: toIso(row?.start), end: toIso(row?.end) })),
    (values.makeups ?? []).map((row) => ({ date: toIso(row?.date), name: row?.name })),
  );

/** Enter confirms a typed date; it must not also open the confirmation. Only 建立日历 submits. */
const preventImplicitSubmit = (event: KeyboardEvent<HTMLFormElement>) => {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
};

const countsText = (schedule: YearSchedule): string => {
  const { days, workingDays, restDays, holidays, makeupDays } = schedule.counts;

  return `全年 ${days} 天：工作日 ${workingDays} 天，休息日 ${restDays} 天（其中节假日 ${holidays} 天），调休上班 ${makeupDays} 天`;
};

const exceptionColumns: TableColumnsType<DraftException> = [
  { title: '日期', dataIndex: 'date', width: 110, render: (date: string) => <span className="mono">{date}</span> },
  { title: '星期', dataIndex: 'date', key: 'weekday', width: 80, render: (date: string) => weekdayName(date) },
  {
    title: '安排',
    dataIndex: 'isWorkingDay',
    width: 90,
    render: (isWorkingDay: boolean) => (isWorkingDay ? <Tag color="orange">上班</Tag> : <Tag color="red">放假</Tag>),
  },
  { title: '名称', dataIndex: 'name', render: (name: string | null) => name ?? '—' },
];

const RowProblems = ({ id, messages }: { id: string; messages: readonly string[] }) =>
  messages.length ? (
    <Typography.Text type="danger" id={id} data-testid={id} style={{ display: 'block', fontSize: 13, marginTop: 2 }}>
      {messages.join('；')}
    </Typography.Text>
  ) : null;

type ServerProblems = { title: string; details: string[]; byField: Map<string, string[]> };

const FIELD_LABELS: Record<string, string> = { year: '年度', exceptions: '日历日期' };

/** Server refusals onto the rows they came from; what has no row is listed above the form. */
const serverProblemsOf = (error: unknown, schedule: YearSchedule): ServerProblems => {
  const byField = new Map<string, string[]>();
  const details: string[] = [];
  for (const problem of fieldErrorsOf(error)) {
    const field = fieldOfException(schedule, problem.field);
    const exception = /^exceptions\.(\d+)/.exec(problem.field);
    const day = exception ? schedule.exceptions[Number(exception[1])] : undefined;
    if (day) details.push(`${day.date}${day.name ? `（${day.name}）` : ''}：${problem.message}`);
    else details.push(`${FIELD_LABELS[problem.field.split('.')[0] ?? ''] ?? problem.field}：${problem.message}`);
    if (field) byField.set(field, [...(byField.get(field) ?? []), problem.message]);
  }

  return { title: errorMessageOf(error), details: [...new Set(details)], byField };
};

/**
 * PROC-8: enters a year the calendar does not have yet, from the State Council's notice: the periods off (every day
 * of each, weekends included) and the weekend days worked instead. Everything else is Monday–Friday working.
 */
export const CalendarYearForm = ({ year, today }: { year: number; today: string }) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<YearFormValues>();
  const addYear = useAddCalendarYear();
  const [hasTriedSubmit, setHasTriedSubmit] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const [serverProblems, setServerProblems] = useState<ServerProblems | null>(null);
  const holidays = Form.useWatch('holidays', { form, preserve: true }) ?? INITIAL_VALUES.holidays;
  const makeups = Form.useWatch('makeups', { form, preserve: true }) ?? INITIAL_VALUES.makeups;
  const schedule = scheduleOf(year, { holidays, makeups });
  const yearStart = dayjs(`${year}-01-01`);
  const yearEnd = dayjs(`${year}-12-31`);

  // A missing input is only pointed out once the administrator has tried to submit; a wrong one at once.
  const problemsOf = (field: string): string[] => [
    ...schedule.problems
      .filter((p) => p.field === field && (hasTriedSubmit || p.kind === 'invalid'))
      .map((p) => p.message),
    ...(serverProblems?.byField.get(field) ?? []),
  ];
  // The inputs of a row turn red; the row's messages read in one line below it, so long ones do not break the row.
  const itemStatus = (field: string) => ({
    validateStatus: problemsOf(field).length ? ('error' as const) : undefined,
  });
  const rowProblems = (fields: readonly string[]): string[] => [...new Set(fields.flatMap(problemsOf))];

  const onSubmit = () => {
    setHasTriedSubmit(true);
    setServerProblems(null);
    const first = schedule.problems[0];
    if (first) {
      if (first.field !== 'holidays') form.scrollToField(toNamePath(first.field), { block: 'center' });
      return;
    }
    setIsConfirming(true);
  };

  const onConfirm = () => {
    addYear.mutate(toCalendarYearRequest(schedule), {
      onSuccess: (created) => {
        setIsConfirming(false);
        // The page now shows the year as a calendar; start reading it from the top.
        window.scrollTo({ top: 0 });
        void message.success(
          `已建立 ${created.year} 年工作日历：工作日 ${created.days - created.nonWorkingDays} 天，休息日 ${created.nonWorkingDays} 天`,
        );
      },
      onError: (error) => {
        setIsConfirming(false);
        // Someone else entered the year meanwhile; the page shows their calendar once it is read again.
        if (isApiError(error) && error.code === 'CALENDAR_YEAR_EXISTS') {
          window.scrollTo({ top: 0 });
          void message.warning(errorMessageOf(error));
          return;
        }
        setServerProblems(serverProblemsOf(error, schedule));
      },
    });
  };

  const periods = schedule.exceptions.filter((e) => !e.isWorkingDay);
  const workedDays = schedule.exceptions.filter((e) => e.isWorkingDay);
  const periodSummaries = (holidays ?? [])
    .map((row, index) => ({ index, name: row?.name?.trim() ?? '', start: toIso(row?.start), end: toIso(row?.end) }))
    .filter((row) => periods.some((p) => p.origin.index === row.index));

  return (
    <Flex vertical gap={16}>
      <Card title={`建立 ${year} 年工作日历`} data-testid="calendar-year-form" styles={{ body: { paddingTop: 12 } }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          按国务院办公厅公布的《关于{year}
          年部分节假日安排的通知》填写：每项放假安排写名称和起止日期（含其中的周末），通知中“某日（星期六/星期日）上班”的日子另列为调休上班日。其余日子周一至周五为工作日，周六、周日休息。建立后写入账本，之后只能逐日修改。
        </Typography.Paragraph>
        {serverProblems ? (
          <Alert
            type="error"
            showIcon
            data-testid="calendar-year-error"
            title={serverProblems.title}
            description={
              serverProblems.details.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {serverProblems.details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              ) : undefined
            }
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={14}>
            <Form<YearFormValues>
              form={form}
              name={`calendar-year-${year}`}
              initialValues={INITIAL_VALUES}
              onFinish={onSubmit}
              onKeyDown={preventImplicitSubmit}
              onValuesChange={() => serverProblems && setServerProblems(null)}
              disabled={addYear.isPending}
            >
              <Typography.Title level={2} style={{ fontSize: 15, margin: '0 0 8px' }}>
                放假安排
              </Typography.Title>
              <Form.List name="holidays">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, index) => {
                      const n = index + 1;
                      const row = holidays?.[index];
                      const start = toIso(row?.start);
                      const end = toIso(row?.end);
                      const length = start && end ? periodDays(start, end) : null;
                      const problems = rowProblems(['name', 'start', 'end'].map((part) => `holidays.${index}.${part}`));
                      const problemsId = `calendar-year-holiday-${index}-problems`;
                      const describedBy = problems.length ? problemsId : undefined;

                      return (
                        <div key={field.key} data-testid={`calendar-year-holiday-${index}`} style={{ marginBottom: 8 }}>
                          <Flex gap={8} wrap align="flex-start">
                            <Form.Item
                              name={[field.name, 'name']}
                              style={{ marginBottom: 0 }}
                              {...itemStatus(`holidays.${index}.name`)}
                            >
                              <Input
                                aria-label={`放假安排${n}名称`}
                                aria-describedby={describedBy}
                                placeholder="名称，如：春节"
                                maxLength={CALENDAR_DAY_NAME_MAX}
                                autoComplete="off"
                                style={{ width: 130 }}
                              />
                            </Form.Item>
                            <Form.Item
                              name={[field.name, 'start']}
                              style={{ marginBottom: 0 }}
                              {...itemStatus(`holidays.${index}.start`)}
                            >
                              <DatePicker
                                aria-label={`放假安排${n}开始日期`}
                                aria-describedby={describedBy}
                                placeholder="开始日期"
                                format={DATE_FORMAT}
                                minDate={yearStart}
                                maxDate={yearEnd}
                                defaultPickerValue={yearStart}
                                style={{ width: 150 }}
                              />
                            </Form.Item>
                            <Typography.Text style={{ lineHeight: '32px' }}>至</Typography.Text>
                            <Form.Item
                              name={[field.name, 'end']}
                              style={{ marginBottom: 0 }}
                              {...itemStatus(`holidays.${index}.end`)}
                            >
                              <DatePicker
                                aria-label={`放假安排${n}结束日期`}
                                aria-describedby={describedBy}
                                placeholder="结束日期"
                                format={DATE_FORMAT}
                                minDate={row?.start && dayjs.isDayjs(row.start) ? row.start : yearStart}
                                maxDate={yearEnd}
                                defaultPickerValue={row?.start && dayjs.isDayjs(row.start) ? row.start : yearStart}
                                style={{ width: 150 }}
                              />
                            </Form.Item>
                            <Typography.Text
                              type="secondary"
                              style={{ lineHeight: '32px', minWidth: 116 }}
                              data-testid={`calendar-year-holiday-${index}-days`}
                            >
                              {length && length.days > 0 ? `共 ${length.days} 天，占工作日 ${length.weekdays} 天` : ''}
                            </Typography.Text>
                            <Button
                              type="text"
                              icon={<DeleteOutlined aria-hidden />}
                              aria-label={`删除放假安排${n}`}
                              onClick={() => remove(field.name)}
                            />
                          </Flex>
                          <RowProblems id={problemsId} messages={problems} />
                        </div>
                      );
                    })}
                    {problemsOf('holidays').length ? (
                      <Typography.Text type="danger" style={{ display: 'block', marginBottom: 8 }}>
                        {problemsOf('holidays').join('；')}
                      </Typography.Text>
                    ) : null}
                    <Button
                      icon={<PlusOutlined aria-hidden />}
                      onClick={() => add({ name: '', start: null, end: null })}
                      style={{ marginBottom: 20 }}
                    >
                      添加放假安排
                    </Button>
                  </>
                )}
              </Form.List>
              <Typography.Title level={2} style={{ fontSize: 15, margin: '0 0 4px' }}>
                调休上班
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                通知中写明上班的周六、周日，名称写“某某补班”。没有调休的年份可不填。
              </Typography.Paragraph>
              <Form.List name="makeups">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, index) => {
                      const n = index + 1;
                      const date = toIso(makeups?.[index]?.date);
                      const problems = rowProblems([`makeups.${index}.date`, `makeups.${index}.name`]);
                      const problemsId = `calendar-year-makeup-${index}-problems`;
                      const describedBy = problems.length ? problemsId : undefined;

                      return (
                        <div key={field.key} data-testid={`calendar-year-makeup-${index}`} style={{ marginBottom: 8 }}>
                          <Flex gap={8} wrap align="flex-start">
                            <Form.Item
                              name={[field.name, 'date']}
                              style={{ marginBottom: 0 }}
                              {...itemStatus(`makeups.${index}.date`)}
                            >
                              <DatePicker
                                aria-label={`调休上班日${n}日期`}
                                aria-describedby={describedBy}
                                placeholder="上班日期"
                                format={DATE_FORMAT}
                                minDate={yearStart}
                                maxDate={yearEnd}
                                defaultPickerValue={yearStart}
                                style={{ width: 150 }}
                              />
                            </Form.Item>
                            <Typography.Text type="secondary" style={{ lineHeight: '32px', minWidth: 42 }}>
                              {date ? weekdayName(date) : ''}
                            </Typography.Text>
                            <Form.Item
                              name={[field.name, 'name']}
                              style={{ marginBottom: 0 }}
                              {...itemStatus(`makeups.${index}.name`)}
                            >
                              <Input
                                aria-label={`调休上班日${n}名称`}
                                aria-describedby={describedBy}
                                placeholder="名称，如：春节补班"
                                maxLength={CALENDAR_DAY_NAME_MAX}
                                autoComplete="off"
                                style={{ width: 160 }}
                              />
                            </Form.Item>
                            <Button
                              type="text"
                              icon={<DeleteOutlined aria-hidden />}
                              aria-label={`删除调休上班日${n}`}
                              onClick={() => remove(field.name)}
                            />
                          </Flex>
                          <RowProblems id={problemsId} messages={problems} />
                        </div>
                      );
                    })}
                    <Button
                      icon={<PlusOutlined aria-hidden />}
                      onClick={() => add({ date: null, name: '' })}
                      style={{ marginBottom: 20 }}
                    >
                      添加调休上班日
                    </Button>
                  </>
                )}
              </Form.List>
              <Flex gap={12} align="center" wrap>
                <Button type="primary" htmlType="submit" loading={addYear.isPending} data-testid="calendar-year-submit">
                  建立日历
                </Button>
                {hasTriedSubmit && schedule.problems.length ? (
                  <Typography.Text type="danger">尚有 {schedule.problems.length} 处需要修改</Typography.Text>
                ) : null}
              </Flex>
            </Form>
          </Col>
          <Col xs={24} xl={10}>
            <Flex vertical gap={8}>
              <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
                预览
              </Typography.Title>
              <Typography.Text strong data-testid="calendar-year-counts">
                {countsText(schedule)}
              </Typography.Text>
              <Typography.Text type="secondary">
                日历将记载以下 {schedule.exceptions.length} 天（放假 {periods.length} 天，调休上班 {workedDays.length}{' '}
                天），其余按周一至周五上班。
              </Typography.Text>
              <Table<DraftException>
                size="small"
                rowKey="date"
                columns={exceptionColumns}
                dataSource={schedule.exceptions}
                pagination={false}
                scroll={{ y: 360 }}
                data-testid="calendar-year-exceptions"
                locale={{ emptyText: '填写日期后在此列出' }}
              />
            </Flex>
          </Col>
        </Row>
      </Card>
      <Card
        size="small"
        title={`预览：${year} 年（尚未建立）`}
        extra={<Legend showsAdjusted={false} />}
        styles={{ body: { padding: 12 } }}
      >
        <YearGrid
          year={year}
          days={new Map(schedule.days.map((d) => [d.date, d]))}
          today={today}
          onPick={null}
          testId="calendar-year-preview"
        />
      </Card>
      <Modal
        open={isConfirming}
        title={`建立 ${year} 年工作日历`}
        okText="确认建立"
        cancelText="返回修改"
        onOk={onConfirm}
        onCancel={() => setIsConfirming(false)}
        confirmLoading={addYear.isPending}
        width={600}
        destroyOnHidden
      >
        <Flex vertical gap={12} data-testid="calendar-year-confirm">
          <Typography.Text>{countsText(schedule)}。</Typography.Text>
          <Descriptions
            size="small"
            column={1}
            bordered
            styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
            items={[
              ...periodSummaries.map((row) => ({
                key: `h-${row.index}`,
                label: row.name || `放假安排${row.index + 1}`,
                children: `${row.start} 至 ${row.end}，共 ${periodDays(row.start ?? '', row.end ?? '').days} 天`,
              })),
              ...(workedDays.length
                ? [
                    {
                      key: 'makeups',
                      label: '调休上班',
                      children: workedDays.map((d) => `${d.date}（${weekdayName(d.date)}）${d.name ?? ''}`).join('；'),
                    },
                  ]
                : []),
            ]}
          />
          <Alert
            type="warning"
            showIcon
            title="请与通知逐项核对"
            description="建立后写入账本，按工作日计算的期限随即按本日历计算；此后只能逐日修改，不能整年重建。"
          />
        </Flex>
      </Modal>
    </Flex>
  );
};
