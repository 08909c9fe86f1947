import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Navigate, useSearchParams } from 'react-router';
import { useLogin, useMe, useMeta, type LoginInput } from '../../api/auth';
import { useAuthNotice } from '../../api/auth-notice';
import { errorMessageOf } from '../../api/http';
import { safeRedirect } from '../../features/auth/redirect';
import { DemoAccounts } from './demo-accounts';

export const LoginPage = () => {
  const [form] = Form.useForm<LoginInput>();
  const [searchParams] = useSearchParams();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  const login = useLogin();
  const notice = useAuthNotice();
  const redirect = safeRedirect(searchParams.get('redirect'));

  if (me) return <Navigate to={redirect} replace />;

  const onFinish = (values: LoginInput) => {
    login.mutate({ username: values.username.trim(), password: values.password });
  };

  const pickAccount = (username: string) => {
    form.setFieldsValue({ username, ...(meta?.demoPassword ? { password: meta.demoPassword } : {}) });
    login.reset();
  };

  return (
    <Flex justify="center" align="flex-start" gap={24} wrap style={{ padding: '8vh 16px 48px' }}>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <Typography.Title level={1} style={{ margin: 0, color: '#1d4f91', letterSpacing: 4 }}>
            留痕
          </Typography.Title>
          <Typography.Text type="secondary">行政执法全过程记录</Typography.Text>
        </Flex>
        {notice && !login.isError ? (
          <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />
        ) : null}
        {login.isError ? (
          <Alert
            type="error"
            showIcon
            title={errorMessageOf(login.error)}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        ) : null}
        <Form
          form={form}
          name="login"
          layout="vertical"
          onFinish={onFinish}
          requiredMark={false}
          disabled={login.isPending}
        >
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
              登录
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {meta?.isDemo ? <DemoAccounts meta={meta} onPick={pickAccount} /> : null}
    </Flex>
  );
};
