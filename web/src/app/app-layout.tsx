import {
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FileAddOutlined,
  FileProtectOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Badge, Button, Flex, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../api/auth';
import { errorMessageOf } from '../api/http';
import { queryKeys } from '../api/query-keys';
import type { MyWork } from '../api/workspace-types';
import { deviceAccessOf } from '../features/devices/device-access';
import { evidenceOversightAccessOf } from '../features/evidence-oversight/oversight-access';
import { legalReviewAccessOf } from '../features/legal-review/legal-review-access';
import { FullPageSpin } from '../components/full-page-spin';
import { RoleTags } from '../components/role-tags';
import { useCurrentUser } from './current-user';

const selectedMenuKey = (pathname: string): string => {
  if (pathname === '/cases/new') return '/cases/new';
  if (pathname.startsWith('/cases')) return '/cases';
  if (pathname.startsWith('/my-work')) return '/my-work';
  if (pathname.startsWith('/calendar')) return '/calendar';
  if (pathname.startsWith('/people')) return '/people';
  if (pathname.startsWith('/devices')) return '/devices';
  if (pathname.startsWith('/evidence')) return '/evidence';
  if (pathname.startsWith('/integrity')) return '/integrity';
  if (pathname.startsWith('/legal-reviews')) return '/legal-reviews';
  if (pathname.startsWith('/major-catalog')) return '/major-catalog';

  return '';
};

export const AppLayout = () => {
  const me = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();
  // The to-do list walks every open case on the server, so the menu only reads it once the page has loaded it.
  const { data: myWork } = useQuery<MyWork>({ queryKey: queryKeys.myWork, enabled: false });
  const approvalCount = myWork?.approvals.length ?? 0;

  const items: MenuProps['items'] = [
    me.permissions.canReadCases && {
      key: '/cases',
      icon: <UnorderedListOutlined />,
      label: <Link to="/cases">案件列表</Link>,
    },
    me.permissions.canReadCases && {
      key: '/my-work',
      icon: <CheckSquareOutlined />,
      label: (
        <Link to="/my-work">
          <Flex align="center" justify="space-between" gap={8}>
            我的待办
            {approvalCount > 0 ? (
              <Badge count={approvalCount} size="small" title={`${approvalCount} 项待审批`} />
            ) : null}
          </Flex>
        </Link>
      ),
    },
    me.permissions.canCreateCase && {
      key: '/cases/new',
      icon: <FileAddOutlined />,
      label: <Link to="/cases/new">登记案件</Link>,
    },
    me.permissions.canViewPeople && {
      key: '/people',
      icon: <TeamOutlined />,
      label: <Link to="/people">机构人员</Link>,
    },
    deviceAccessOf(me).canView && {
      key: '/devices',
      icon: <VideoCameraOutlined />,
      label: <Link to="/devices">设备管理</Link>,
    },
    evidenceOversightAccessOf(me).canView && {
      key: '/evidence',
      icon: <AuditOutlined />,
      label: <Link to="/evidence">证据监督</Link>,
    },
    legalReviewAccessOf(me).canOversee && {
      key: '/legal-reviews',
      icon: <FileProtectOutlined />,
      label: <Link to="/legal-reviews">法制审核</Link>,
    },
    legalReviewAccessOf(me).canViewCatalog && {
      key: '/major-catalog',
      icon: <BookOutlined />,
      label: <Link to="/major-catalog">重大执法决定目录</Link>,
    },
    me.permissions.canInspectLedger && {
      key: '/integrity',
      icon: <SafetyCertificateOutlined />,
      label: <Link to="/integrity">账本完整性</Link>,
    },
    me.permissions.canManageCalendar === true && {
      key: '/calendar',
      icon: <CalendarOutlined />,
      label: <Link to="/calendar">工作日历</Link>,
    },
  ].filter((item) => item !== false);

  const onLogout = async () => {
    try {
      await logout.mutateAsync();
    } catch (error) {
      // The local session is dropped either way; tell the user only if the server did not hear us.
      void message.warning(errorMessageOf(error));
    }
    await navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, borderBottom: '1px solid #e5e8ef' }}>
        <Link to="/" aria-label="留痕 首页" style={{ color: 'inherit' }}>
          <Flex align="baseline" gap={12}>
            <Typography.Title level={3} style={{ margin: 0, color: '#1d4f91', letterSpacing: 2 }}>
              留痕
            </Typography.Title>
            <Typography.Text type="secondary">行政执法全过程记录</Typography.Text>
          </Flex>
        </Link>
        <Flex align="center" gap={16} style={{ marginLeft: 'auto', minWidth: 0 }}>
          <Typography.Text strong ellipsis data-testid="header-agency">
            {me.agency.name}
          </Typography.Text>
          <Space size={4} data-testid="header-user">
            <Typography.Text>{me.displayName}</Typography.Text>
            {me.section ? <Typography.Text type="secondary">（{me.section.name}）</Typography.Text> : null}
            <RoleTags roles={me.roles} />
          </Space>
          <Button onClick={() => void onLogout()} loading={logout.isPending}>
            退出登录
          </Button>
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #e5e8ef' }}>
          <nav aria-label="主菜单">
            <Menu
              mode="inline"
              items={items}
              selectedKeys={[selectedMenuKey(location.pathname)]}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
};
