import { Button, Flex, Tag, Typography } from 'antd';
import type { CaseRecord } from '../../api/workspace-types';
import { ViewTag } from '../../components/view-tag';
import { APPROVAL_TAGS, SIGNATURE_TAGS, tagOf } from '../../features/procedures/procedure-labels';
import { formatChinaDateTime } from '../../features/time/china-time';

type Props = { record: CaseRecord; onOpen: (recordId: string) => void };

export const RecordStatusTags = ({ record }: { record: CaseRecord }) => {
  const approval = record.approval;

  return (
    <Flex gap={4} wrap>
      {record.version > 1 ? <Tag style={{ marginInlineEnd: 0 }}>第{record.version}版（已更正）</Tag> : null}
      <ViewTag view={SIGNATURE_TAGS[record.partySignature]} />
      {approval.status === 'pending' && approval.next ? (
        <ViewTag view={{ ...tagOf(APPROVAL_TAGS, 'pending'), label: `审批中 · 待${approval.next.label}` }} />
      ) : (
        <ViewTag view={APPROVAL_TAGS[approval.status]} />
      )}
      {approval.canAct ? (
        <Tag color="blue" variant="solid" style={{ marginInlineEnd: 0 }}>
          待您审批
        </Tag>
      ) : null}
    </Flex>
  );
};

/** One record in a list: when, by whom, and where its signature and approval stand. */
export const RecordSummary = ({ record, onOpen }: Props) => (
  <Flex
    data-testid="record-row"
    data-kind={record.kind}
    data-record-id={record.id}
    justify="space-between"
    align="center"
    gap={12}
    wrap
    style={{ padding: '8px 12px', background: '#fafbfc', border: '1px solid #eef0f4', borderRadius: 6 }}
  >
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Typography.Text>
        {record.name}
        <Typography.Text type="secondary">
          {' '}
          · {formatChinaDateTime(record.recordedAt)} · {record.officers.map((o) => o.name).join('、') || '—'}
        </Typography.Text>
      </Typography.Text>
      <RecordStatusTags record={record} />
    </Flex>
    <Button size="small" onClick={() => onOpen(record.id)}>
      详情
    </Button>
  </Flex>
);
