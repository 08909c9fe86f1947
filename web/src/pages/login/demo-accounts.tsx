import { Button, Card, Flex, Typography } from 'antd';
import type { Meta } from '../../api/types';
import { RoleTags } from '../../components/role-tags';

type Props = { meta: Meta; onPick: (username: string) => void };

export const DemoAccounts = ({ meta, onPick }: Props) => (
  <Card title="演示账号" style={{ width: 440, maxWidth: '100%' }} data-testid="demo-accounts">
    <Typography.Paragraph type="secondary">点击账号即可填入登录表单。</Typography.Paragraph>
    {meta.demoPassword ? (
      <Typography.Paragraph>
        统一密码：
        <Typography.Text code copyable data-testid="demo-password">
          {meta.demoPassword}
        </Typography.Text>
      </Typography.Paragraph>
    ) : null}
    <Flex vertical gap={8}>
      {meta.demoUsers.map((user) => (
        <Button
          key={user.username}
          block
          onClick={() => onPick(user.username)}
          data-testid={`demo-account-${user.username}`}
          style={{
            height: 'auto',
            padding: '8px 12px',
            justifyContent: 'flex-start',
            textAlign: 'left',
            whiteSpace: 'normal',
          }}
        >
          <Flex component="span" vertical gap={4} align="flex-start">
            <span>
              <Typography.Text strong>{user.displayName}</Typography.Text>
              <Typography.Text type="secondary" className="mono" style={{ marginLeft: 8 }}>
                {user.username}
              </Typography.Text>
            </span>
            <span>
              <RoleTags roles={user.roles} />
            </span>
          </Flex>
        </Button>
      ))}
    </Flex>
  </Card>
);
