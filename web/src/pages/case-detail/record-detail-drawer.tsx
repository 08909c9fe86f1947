import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Divider, Drawer, Empty, Flex, Table, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { RecordKind, ServiceMethodDefinition } from '../../api/procedure-types';
import type { CaseRecord, RecordOfficer, RecordWitness } from '../../api/workspace-types';
import { Citations } from '../../components/citations';
import { ViewTag } from '../../components/view-tag';
import { SIGNATURE_TAGS } from '../../features/procedures/procedure-labels';
import { displayContentValue, unknownContentKeys } from '../../features/records/record-display';
import { visibleFields } from '../../features/records/record-form';
import { formatChinaDateTime } from '../../features/time/china-time';
import { ApprovalChain, ApprovalForm } from './approval-panel';
import { RecordDocuments } from './record-documents';
import { RecordStatusTags } from './record-summary';

type Props = {
  caseId: string;
  record: CaseRecord | null;
  kind: RecordKind | null;
  stageNameOf: (stageId: string) => string;
  isOpen: boolean;
  canCorrect: boolean;
  /** DOC-2, DOC-4: may generate the record's document and collect signatures on it. */
  canSign: boolean;
  serviceMethods: ServiceMethodDefinition[];
  onCorrect: (record: CaseRecord) => void;
  onClose: () => void;
  afterClose: () => void;
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <section style={{ marginTop: 20 }}>
    <Typography.Title level={5} style={{ marginBottom: 8 }}>
      {title}
    </Typography.Title>
    {children}
  </section>
);

const Mono = ({ children }: { children: ReactNode }) => (
  <span className="mono" style={{ wordBreak: 'break-all' }}>
    {children}
  </span>
);

const orDash = (value: string | null | undefined): string => (value ? value : '—');

const OfficerTable = ({ officers, isShownRecorded }: { officers: RecordOfficer[]; isShownRecorded: boolean }) => (
  <Table<RecordOfficer>
    rowKey="userId"
    size="small"
    pagination={false}
    dataSource={officers}
    columns={[
      { title: '姓名', dataIndex: 'name', width: 120 },
      {
        title: '执法证号',
        dataIndex: 'credentialNumber',
        render: (n: string | null) =>
          n ? <Mono>{n}</Mono> : <Typography.Text type="danger">无执法证</Typography.Text>,
      },
      {
        title: '记录日证件状态',
        dataIndex: 'isCredentialValid',
        width: 130,
        render: (isValid: boolean) => (isValid ? <Tag color="success">有效</Tag> : <Tag color="error">无效</Tag>),
      },
      ...(isShownRecorded
        ? [
            {
              title: '已出示执法证件',
              dataIndex: 'isCredentialShown',
              width: 130,
              render: (isShown: boolean) =>
                isShown ? <Tag color="success">已出示</Tag> : <Tag color="error">未出示</Tag>,
            },
          ]
        : []),
    ]}
  />
);

const WitnessTable = ({ witnesses }: { witnesses: RecordWitness[] }) => (
  <Table<RecordWitness>
    rowKey={(w) => `${w.name}-${w.idNumber ?? ''}-${w.phone ?? ''}`}
    size="small"
    pagination={false}
    dataSource={witnesses}
    columns={[
      { title: '姓名', dataIndex: 'name', width: 120 },
      { title: '身份证件号码', dataIndex: 'idNumber', render: (v: string | null) => <Mono>{orDash(v)}</Mono> },
      { title: '联系电话', dataIndex: 'phone', render: (v: string | null) => orDash(v) },
    ]}
  />
);

const ContentDescriptions = ({ record, kind }: { record: CaseRecord; kind: RecordKind | null }) => {
  if (!kind) {
    return (
      <Typography.Paragraph className="mono" style={{ whiteSpace: 'pre-wrap' }}>
        {JSON.stringify(record.content, null, 2)}
      </Typography.Paragraph>
    );
  }
  const shown = visibleFields(kind.fields, record.content);
  const extra = unknownContentKeys(kind.fields, record.content);

  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: 200 } }}
      items={[
        ...shown.map((field) => ({
          key: field.name,
          label: field.label,
          children: (
            <span style={{ whiteSpace: 'pre-wrap' }}>
              {displayContentValue(field, record.content[field.name]) ?? '—'}
            </span>
          ),
        })),
        ...extra.map((key) => ({ key, label: key, children: JSON.stringify(record.content[key]) })),
      ]}
    />
  );
};

/** DOC-1, DOC-3: everything about one record, its versions and its approvals, and what the user may do with it. */
export const RecordDetailDrawer = ({
  caseId,
  record,
  kind,
  stageNameOf,
  isOpen,
  canCorrect,
  canSign,
  serviceMethods,
  onCorrect,
  onClose,
  afterClose,
}: Props) => (
  <Drawer
    title={record ? `${record.name} · 第 ${record.version} 版` : '记录'}
    open={isOpen}
    onClose={onClose}
    afterOpenChange={(open) => {
      if (!open) afterClose();
    }}
    size="min(860px, 100vw)"
    extra={
      record && canCorrect ? (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => onCorrect(record)}>
          更正
        </Button>
      ) : null
    }
  >
    {record ? (
      <div data-testid="record-detail" data-record-id={record.id}>
        <Flex vertical gap={6}>
          <RecordStatusTags record={record} />
          {kind ? <Citations citations={kind.citations} /> : null}
        </Flex>
        {record.approval.canAct ? (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={`本记录待您签署「${record.approval.next?.label ?? '审批'}」，请在下方「审批」中填写意见`}
          />
        ) : null}
        <Section title="记录信息">
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'stage', label: '环节', children: stageNameOf(record.stage) },
              { key: 'recordedAt', label: '记录时间', children: formatChinaDateTime(record.recordedAt) },
              { key: 'place', label: '地点', children: orDash(record.place), span: 'filled' },
              {
                key: 'signature',
                label: '当事人签名',
                children:
                  record.partySignature === 'not_required' ? (
                    '无需当事人签名'
                  ) : (
                    <Flex vertical gap={4}>
                      <span>
                        <ViewTag view={SIGNATURE_TAGS[record.partySignature]} />
                      </span>
                      {record.refusalReason ? <span>拒签理由：{record.refusalReason}</span> : null}
                    </Flex>
                  ),
                span: 'filled',
              },
              ...(record.avReason
                ? [{ key: 'av', label: '音像记录书面说明', children: record.avReason, span: 'filled' as const }]
                : []),
              {
                key: 'createdBy',
                label: '制作人',
                children: `${record.createdBy.displayName || '—'} · ${formatChinaDateTime(record.createdAt)}`,
                span: 'filled',
              },
              {
                key: 'sha',
                label: '内容哈希（SHA-256）',
                children: <Mono>{record.contentSha256}</Mono>,
                span: 'filled',
              },
            ]}
          />
        </Section>
        <Section title="文书内容">
          <ContentDescriptions record={record} kind={kind} />
        </Section>
        <Section title="执法人员">
          <OfficerTable officers={record.officers} isShownRecorded={kind?.officers.isCredentialShownRecorded ?? true} />
        </Section>
        {record.witnesses.length > 0 || (kind && kind.witnesses !== 'none') ? (
          <Section title="见证人">
            {record.witnesses.length ? (
              <WitnessTable witnesses={record.witnesses} />
            ) : (
              <Typography.Text type="secondary">未记录见证人</Typography.Text>
            )}
          </Section>
        ) : null}
        <Section title="格式文书与签名">
          <RecordDocuments caseId={caseId} record={record} serviceMethods={serviceMethods} canAct={canSign} />
        </Section>
        {record.approval.steps.length > 0 ? (
          <Section title="审批">
            <ApprovalChain record={record} />
            {record.approval.canAct ? <ApprovalForm key={record.id} caseId={caseId} record={record} /> : null}
            {record.approval.status === 'returned' ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 8 }}
                title="本记录已被退回：请按审批意见更正，更正后的版本重新逐级审批"
              />
            ) : null}
          </Section>
        ) : null}
        <Section title="版本记录">
          <Timeline
            items={[...record.versions].reverse().map((version) => ({
              key: version.id,
              color: version.version === record.version ? 'blue' : 'gray',
              content: (
                <Flex vertical gap={2}>
                  <Typography.Text strong>
                    第 {version.version} 版
                    <Typography.Text type="secondary"> · {formatChinaDateTime(version.createdAt)}</Typography.Text>
                  </Typography.Text>
                  {version.correctionReason ? (
                    <Typography.Text>更正理由：{version.correctionReason}</Typography.Text>
                  ) : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <Mono>{version.contentSha256}</Mono>
                  </Typography.Text>
                </Flex>
              ),
            }))}
          />
        </Section>
        <Divider />
      </div>
    ) : (
      <Empty description="该记录已不存在" />
    )}
  </Drawer>
);
