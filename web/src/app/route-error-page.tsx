import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last resort for a render crash, so the officer sees a way back instead of a blank page. */
export const RouteErrorPage = () => {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : '页面出现异常';

  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle={`${detail}，请刷新页面或返回首页。`}
      extra={
        <Button type="primary" href="/">
          返回首页
        </Button>
      }
    />
  );
};
