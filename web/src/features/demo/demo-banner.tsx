import { Alert } from 'antd';
import { useMeta } from '../../api/auth';

export const DEMO_NOTICE = '演示模式：本系统含演示机构与演示账号，数据仅供体验，请勿录入真实案件';

export const DemoBanner = () => {
  const { data: meta } = useMeta();
  if (!meta?.isDemo) return null;

  return <Alert data-testid="demo-banner" type="warning" banner showIcon title={DEMO_NOTICE} />;
};
