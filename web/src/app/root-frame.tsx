import { Outlet } from 'react-router';
import { DemoBanner } from '../features/demo/demo-banner';

/** Everything, the login page included, sits under the demo banner. */
export const RootFrame = () => (
  <>
    <DemoBanner />
    <Outlet />
  </>
);
