import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../pages/login/login-page';
import { NotFoundPage } from '../pages/not-found/not-found-page';
import { HomeRedirect } from './home-redirect';
import {
  CalendarPage,
  CaseDetailPage,
  CaseListPage,
  DevicesPage,
  EvidenceOversightPage,
  IntegrityPage,
  LegalReviewsPage,
  MajorCatalogPage,
  MyWorkPage,
  NewCasePage,
  PeoplePage,
} from './lazy-pages';
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
            path: 'my-work',
            element: (
              <RequirePermission permission="canReadCases" reason="您的角色不办理案件，没有待办事项。">
                <MyWorkPage />
              </RequirePermission>
            ),
          },
          {
            path: 'calendar',
            element: (
              <RequirePermission permission="canManageCalendar" reason="工作日历由系统管理员维护。">
                <CalendarPage />
              </RequirePermission>
            ),
          },
          // DEV-1: device keepers read no cases, so the page decides who sees it (features/devices/device-access).
          { path: 'devices', element: <DevicesPage /> },
          // AV-6, RET-2: the tabs depend on four permissions, so the page decides (features/evidence-oversight).
          { path: 'evidence', element: <EvidenceOversightPage /> },
          // REVIEW-4: reviewers and their supervisors; the page decides, as the extension buttons need another flag.
          { path: 'legal-reviews', element: <LegalReviewsPage /> },
          {
            path: 'major-catalog',
            element: (
              <RequirePermission permission="canReadCases" reason="您的角色不能查看重大执法决定目录。">
                <MajorCatalogPage />
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
