import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../pages/login/login-page';
import { NotFoundPage } from '../pages/not-found/not-found-page';
import { HomeRedirect } from './home-redirect';
import { CaseDetailPage, CaseListPage, IntegrityPage, NewCasePage, PeoplePage } from './lazy-pages';
import { RequireAuth } from './require-auth';
import { RequirePermission } from './require-permission';
import { RootFrame } from './root-frame';
import { RouteErrorPage } from './route-error-page';

export const router = createBrowserRouter([
  {
    element: <RootFrame />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomeRedirect /> },
          {
            path: 'cases',
            element: (
              <RequirePermission permission="canReadCases" reason="您的角色不能查阅案件。">
                <CaseListPage />
              </RequirePermission>
            ),
          },
          {
            path: 'cases/new',
            element: (
              <RequirePermission permission="canCreateCase" reason="您的角色不能登记案件。">
                <NewCasePage />
              </RequirePermission>
            ),
          },
          {
            path: 'cases/:id',
            element: (
              <RequirePermission permission="canReadCases" reason="您的角色不能查阅案件。">
                <CaseDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: 'people',
            element: (
              <RequirePermission permission="canViewPeople" reason="您的角色不能查看机构人员。">
                <PeoplePage />
              </RequirePermission>
            ),
          },
          {
            path: 'integrity',
            element: (
              <RequirePermission permission="canInspectLedger" reason="您的角色不能查看账本完整性。">
                <IntegrityPage />
              </RequirePermission>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
