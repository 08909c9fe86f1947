import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { RouterProvider } from 'react-router';
import { createQueryClient } from '../api/query-client';
import { router } from './router';
import { appTheme } from './theme';

const queryClient = createQueryClient();

export const App = () => (
  // Buttons keep their text as written (登录, not 登 录) so their accessible names match the labels.
  <ConfigProvider locale={zhCN} theme={appTheme} button={{ autoInsertSpace: false }}>
    <AntApp>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </AntApp>
  </ConfigProvider>
);
