import { Tag } from 'antd';
import type { Role } from '../api/types';
import { roleLabel } from '../features/org/role-labels';

const TRIAD: readonly string[] = ['system_admin', 'security_admin', 'audit_admin'];

export const RoleTags = ({ roles }: { roles: readonly Role[] }) => (
  <>
    {roles.map((role) => (
      <Tag key={role} color={TRIAD.includes(role) ? 'purple' : 'blue'} variant="outlined">
        {roleLabel(role)}
      </Tag>
    ))}
  </>
);
