import { Button, DatePicker, Flex, Input, Select, Switch, type SelectProps } from 'antd';
import dayjs from 'dayjs';
import { useId, useState } from 'react';
import type { CaseListQuery } from '../../api/cases';
import { CASE_SOURCES_BY_PROCEDURE, CASE_SOURCE_LABELS, PROCEDURE_LABELS } from '../../features/cases/case-labels';
import { DEFAULT_CASE_QUERY, withFilter, withProcedure } from '../../features/cases/case-filters';
import { PROCEDURE_TYPES } from '../../features/procedures/procedure-labels';
import { DATE_FORMAT } from '../../features/time/date-format';

type Props = { query: CaseListQuery; onChange: (next: CaseListQuery) => void };

// A source id may start cases of several procedures (检查发现 in a penalty and in a compulsion): each is listed once.
const ALL_SOURCE_OPTIONS = Object.entries(CASE_SOURCES_BY_PROCEDURE).map(([procedure, sources], index, all) => ({
  label: PROCEDURE_LABELS[procedure] ?? procedure,
  title: PROCEDURE_LABELS[procedure] ?? procedure,
  options: sources
    .filter((value) => !all.slice(0, index).some(([, earlier]) => earlier.includes(value)))
    .map((value) => ({ value, label: CASE_SOURCE_LABELS[value] ?? value })),
}));

const PROCEDURE_OPTIONS = PROCEDURE_TYPES.map((value) => ({ value, label: PROCEDURE_LABELS[value] ?? value }));

/** With a procedure chosen, only the sources its cases start from. */
const sourceOptions = (procedure: CaseListQuery['procedure']): SelectProps['options'] =>
  procedure
    ? CASE_SOURCES_BY_PROCEDURE[procedure].map((value) => ({ value, label: CASE_SOURCE_LABELS[value] ?? value }))
    : ALL_SOURCE_OPTIONS;

export const CaseFilterBar = ({ query, onChange }: Props) => {
  const [text, setText] = useState(query.q);
  const [syncedQ, setSyncedQ] = useState(query.q);
  const mineId = useId();

  // Back/forward and 重置 change the address; the box follows it.
  if (syncedQ !== query.q) {
    setSyncedQ(query.q);
    setText(query.q);
  }

  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] = [
    query.discoveredFrom ? dayjs(query.discoveredFrom) : null,
    query.discoveredTo ? dayjs(query.discoveredTo) : null,
  ];

  return (
    <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
      <Input.Search
        aria-label="关键词"
        placeholder="搜索案件编号、当事人、地点或摘要"
        allowClear
        value={text}
        maxLength={200}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => onChange(withFilter(query, { q: value.trim() }))}
        style={{ width: 320 }}
      />
      <Select
        aria-label="执法程序"
        placeholder="执法程序"
        allowClear
        options={PROCEDURE_OPTIONS}
        value={query.procedure ?? undefined}
        onChange={(value) => onChange(withProcedure(query, value ?? null))}
        style={{ width: 150 }}
        data-testid="filter-procedure"
      />
      <Select
        aria-label="来源"
        placeholder="案件来源"
        allowClear
        options={sourceOptions(query.procedure)}
        value={query.source ?? undefined}
        onChange={(value) => onChange(withFilter(query, { source: value ?? null }))}
        style={{ width: 180 }}
        data-testid="filter-source"
      />
      <DatePicker.RangePicker
        aria-label="发现日期"
        placeholder={['发现日期起', '发现日期止']}
        format={DATE_FORMAT}
        value={range}
        allowEmpty={[true, true]}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        onChange={(dates) =>
          onChange(
            withFilter(query, {
              discoveredFrom: dates?.[0]?.format(DATE_FORMAT) ?? null,
              discoveredTo: dates?.[1]?.format(DATE_FORMAT) ?? null,
            }),
          )
        }
        data-testid="filter-discovered"
      />
      <Flex align="center" gap={8}>
        <Switch id={mineId} checked={query.isMine} onChange={(isMine) => onChange(withFilter(query, { isMine }))} />
        <label htmlFor={mineId} style={{ cursor: 'pointer' }}>
          只看我登记的
        </label>
      </Flex>
      <Button
        onClick={() => {
          setText('');
          onChange({ ...DEFAULT_CASE_QUERY, pageSize: query.pageSize });
        }}
      >
        重置
      </Button>
    </Flex>
  );
};
