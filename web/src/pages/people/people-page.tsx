import { Card, Descriptions, Flex, Skeleton, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { usePeople } from '../../api/people';
import type { PeopleUser } from '../../api/types';
import { CredentialTag } from '../../components/credential-tag';
import { QueryErrorResult } from '../../components/query-error-result';
import { RoleTags } from '../../components/role-tags';
import { AGENCY_LEVEL_LABELS, SECTION_KIND_LABELS, labelOf } from '../../features/org/role-labels';

const columns: TableColumnsType<PeopleUser> = [
  { title: '姓名', dataIndex: 'displayName', width: 120 },
  {
    title: '用户名',
    dataIndex: 'username',
    width: 140,
    render: (username: string) => <span className="mono">{username}</span>,
  },
  {
    title: '所属科室',
    dataIndex: 'section',
    width: 160,
    render: (section: PeopleUser['section']) => section?.name ?? '—',
  },
  { title: '角色', dataIndex: 'roles', render: (roles: PeopleUser['roles']) => <RoleTags roles={roles} /> },
  {
    title: '执法证件',
    dataIndex: 'credentials',
    width: 260,
    render: (credentials: PeopleUser['credentials']) =>
      credentials.length ? (
        <Space orientation="vertical" size={4}>
          {credentials.map((c) => (
            <CredentialTag key={c.number} credential={c} />
          ))}
        </Space>
      ) : (
        <Typography.Text type="secondary">无</Typography.Text>
      ),
  },
  {
    title: '状态',
    dataIndex: 'isActive',
    width: 90,
    render: (isActive: boolean) => (isActive ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>),
  },
];

export const PeoplePage = () => {
  const { data, error, isPending, refetch } = usePeople();

  if (isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (error) return <QueryErrorResult error={error} onRetry={() => void refetch()} />;

  const { agency, sections, users } = data;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        机构人员
      </Typography.Title>
      <Card title="执法机关">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'name', label: '机关名称', children: agency.name },
            { key: 'shortName', label: '简称', children: agency.shortName },
            { key: 'code', label: '机关代码', children: <span className="mono">{agency.code}</span> },
            { key: 'level', label: '层级', children: labelOf(AGENCY_LEVEL_LABELS, agency.level) },
            {
              key: 'sections',
              label: '内设机构',
              span: 'filled',
              children: sections.length ? (
                <Flex wrap gap={8}>
                  {sections.map((s) => (
                    <Tag key={s.id}>
                      {s.name}
                      <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
                        {labelOf(SECTION_KIND_LABELS, s.kind)}
                      </Typography.Text>
                    </Tag>
                  ))}
                </Flex>
              ) : (
                '—'
              ),
            },
          ]}
        />
      </Card>
      <Card title="人员" extra={<Typography.Text type="secondary">共 {users.length} 人</Typography.Text>}>
        <Table<PeopleUser>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users}
          scroll={{ x: 960 }}
          pagination={users.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        />
      </Card>
    </Flex>
  );
};
