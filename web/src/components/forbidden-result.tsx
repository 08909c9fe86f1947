import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export const ForbiddenResult = ({ subTitle }: { subTitle: string }) => {
  const navigate = useNavigate();

  return (
    <Result
      status="403"
      title="无权访问"
      subTitle={subTitle}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
};
