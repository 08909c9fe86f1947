import { lazy } from 'react';

// Screens behind the login load on demand, so the login page paints from the shell chunk alone.
export const CaseListPage = lazy(() =>
  import('../pages/case-list/case-list-page').then((m) => ({ default: m.CaseListPage })),
);
export const NewCasePage = lazy(() =>
  import('../pages/new-case/new-case-page').then((m) => ({ default: m.NewCasePage })),
);
export const CaseDetailPage = lazy(() =>
  import('../pages/case-detail/case-detail-page').then((m) => ({ default: m.CaseDetailPage })),
);
export const PeoplePage = lazy(() => import('../pages/people/people-page').then((m) => ({ default: m.PeoplePage })));
export const IntegrityPage = lazy(() =>
  import('../pages/integrity/integrity-page').then((m) => ({ default: m.IntegrityPage })),
);
export const MyWorkPage = lazy(() => import('../pages/my-work/my-work-page').then((m) => ({ default: m.MyWorkPage })));
export const CalendarPage = lazy(() =>
  import('../pages/calendar/calendar-page').then((m) => ({ default: m.CalendarPage })),
);
export const DevicesPage = lazy(() =>
  import('../pages/devices/devices-page').then((m) => ({ default: m.DevicesPage })),
);
export const EvidenceOversightPage = lazy(() =>
  import('../pages/evidence-oversight/evidence-oversight-page').then((m) => ({ default: m.EvidenceOversightPage })),
);
export const LegalReviewsPage = lazy(() =>
  import('../pages/legal-reviews/legal-reviews-page').then((m) => ({ default: m.LegalReviewsPage })),
);
export const MajorCatalogPage = lazy(() =>
  import('../pages/major-catalog/major-catalog-page').then((m) => ({ default: m.MajorCatalogPage })),
);
