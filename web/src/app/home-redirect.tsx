import { Result } from 'antd';
import { Navigate } from 'react-router';
import { useCurrentUser } from './current-user';

export const HomeRedirect = () => {
  const me = useCurrentUser();
  if (me.permissions.canReadCases) return <Navigate to="/cases" replace />;
  if (me.permissions.canViewPeople) return <Navigate to="/people" replace />;
  if (me.permissions.canInspectLedger) return <Navigate to="/integrity" replace />;
  // DEV-1: the device keeper's work is the device register.
  if (me.permissions.canManageDevices) return <Navigate to="/devices" replace />;

  return (
    <Result
      status="info"
      title={`欢迎，${me.displayName}`}
      subTitle="您的账号暂无可用的业务功能。如需查阅或登记案件，请联系本机关系统管理员分配角色。"
    />
  );
};
