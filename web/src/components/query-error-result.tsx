import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { errorMessageOf, isApiError } from '../api/http';

type Props = { error: unknown; onRetry?: () => void };

/** Whole-page answer to a failed load: 403 and 404 get their own pictures, the rest a retry. */
export const QueryErrorResult = ({ error, onRetry }: Props) => {
  const navigate = useNavigate();
  const message = errorMessageOf(error);
  const home = (isPrimary: boolean) => (
    <Button key="home" type={isPrimary ? 'primary' : 'default'} onClick={() => void navigate('/')}>
      返回首页
    </Button>
  );
  if (isApiError(error) && error.status === 403) {
    return <Result status="403" title="无权访问" subTitle={message} extra={home(true)} />;
  }
  if (isApiError(error) && error.status === 404) {
    return <Result status="404" title="未找到" subTitle={message} extra={home(true)} />;
  }

  return (
    <Result
      status="error"
      title="加载失败"
      subTitle={message}
      extra={[
        onRetry ? (
          <Button key="retry" type="primary" onClick={onRetry}>
            重试
          </Button>
        ) : null,
        home(!onRetry),
      ]}
    />
  );
};
