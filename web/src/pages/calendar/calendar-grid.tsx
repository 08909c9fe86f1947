import { Card, Col, Flex, Row, Typography } from 'antd';
import {
  DAY_KIND_LABELS,
  dayKind,
  monthWeeks,
  type CalendarDayLike,
  type DayKind,
} from '../../features/calendar/calendar-view';

export const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

const KIND_STYLES: Record<DayKind, { background: string; color: string; border: string }> = {
  working: { background: '#ffffff', color: '#1f2329', border: '#eef0f4' },
  rest: { background: '#f2f3f5', color: '#8a8f99', border: '#eef0f4' },
  holiday: { background: '#fff1f0', color: '#cf1322', border: '#ffccc7' },
  makeup: { background: '#fff7e6', color: '#d46b08', border: '#ffd591' },
  unknown: { background: '#fafafa', color: '#bfbfbf', border: '#f0f0f0' },
};

export const Legend = ({ showsAdjusted = true }: { showsAdjusted?: boolean }) => (
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
    {showsAdjusted ? (
      <Flex gap={4} align="center">
        <span
          aria-hidden
          style={{ width: 6, height: 6, borderRadius: 3, background: '#1d4f91', display: 'inline-block' }}
        />
        <Typography.Text>本机关调整</Typography.Text>
      </Flex>
    ) : null}
  </Flex>
);

type DayCellProps = {
  date: string;
  day: CalendarDayLike | undefined;
  isToday: boolean;
  isAdjusted: boolean;
  onPick: (() => void) | null;
};

const DayCell = ({ date, day, isToday, isAdjusted, onPick }: DayCellProps) => {
  const kind = dayKind(date, day);
  const style = KIND_STYLES[kind];
  const label = `${date} ${DAY_KIND_LABELS[kind]}${day?.name ? ` ${day.name}` : ''}${isAdjusted ? ' 本机关调整' : ''}`;
  const body = (
    <>
      <span style={{ fontWeight: isToday ? 700 : 400 }}>{Number(date.slice(8))}</span>
      {kind === 'makeup' ? <span style={{ fontSize: 10, marginInlineStart: 2 }}>班</span> : null}
      {isAdjusted ? (
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
  days: ReadonlyMap<string, CalendarDayLike>;
  /** Days this agency changed, marked with a dot. */
  adjusted: ReadonlySet<string>;
  today: string;
  onPick: ((date: string) => void) | null;
};

export const Month = ({ year, month, days, adjusted, today, onPick }: MonthProps) => (
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
                    isAdjusted={adjusted.has(date)}
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

type YearGridProps = {
  year: number;
  days: ReadonlyMap<string, CalendarDayLike>;
  adjusted?: ReadonlySet<string>;
  today: string;
  onPick: ((date: string) => void) | null;
  isDimmed?: boolean;
  testId?: string;
};

/** The twelve months of a year, each day coloured by its kind. */
const NONE: ReadonlySet<string> = new Set();

export const YearGrid = ({ year, days, adjusted = NONE, today, onPick, isDimmed = false, testId }: YearGridProps) => (
  <Row gutter={[12, 12]} style={{ opacity: isDimmed ? 0.5 : 1 }} data-testid={testId}>
    {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
      <Col key={month} xs={24} md={12} xl={8} xxl={6}>
        <Month year={year} month={month} days={days} adjusted={adjusted} today={today} onPick={onPick} />
      </Col>
    ))}
  </Row>
);
