import { Space, Tag, Tooltip, Typography } from 'antd';
import type { Credential } from '../api/types';
import { credentialStatus } from '../features/org/credential-status';
import { todayIso } from '../features/time/date-format';

export const CredentialTag = ({ credential }: { credential: Credential }) => {
  const status = credentialStatus(credential, todayIso());

  return (
    <Tooltip title={`${credential.field} · ${credential.issuer} · ${credential.validFrom} 至 ${credential.validTo}`}>
      <Space size={4}>
        <Typography.Text style={{ fontFamily: 'monospace' }}>{credential.number}</Typography.Text>
        <Tag color={status.color}>{status.label}</Tag>
      </Space>
    </Tooltip>
  );
};
