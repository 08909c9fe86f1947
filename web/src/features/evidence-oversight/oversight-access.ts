import type { Me } from '../../api/types';

export const OVERSIGHT_TABS = ['late', 'fixity', 'disposal', 'preview', 'settings'] as const;
export type OversightTab = (typeof OVERSIGHT_TABS)[number];

export const OVERSIGHT_TAB_LABELS: Record<OversightTab, string> = {
  late: '逾期上传',
  fixity: '完整性核验',
  disposal: '销毁审批',
  preview: '可销毁预览',
  settings: '证据设置',
};

export type OversightAccess = {
  /** AV-6, fixity: late uploads and the rehashing of originals. */
  canAudit: boolean;
  /** RET-2: deciding disposal requests (the agency head). */
  canDispose: boolean;
  /** RET-2: the disposal queue as a record, and the preview. */
  canManageRetention: boolean;
  /** AV-4, AV-6: changing the upload deadline and the gap threshold. */
  canConfigure: boolean;
  /** The 证据监督 page and its menu item. */
  canView: boolean;
  /** The tabs this user may open, in display order. */
  tabs: OversightTab[];
};

/**
 * Who sees 证据监督 and which of its tabs: supervisors and the heads see late uploads and fixity; the agency head and
 * those who manage retention see the disposal queue and preview; the settings are shown read-only to everyone on the
 * page and are editable by the agency head and the system administrator.
 */
export const evidenceOversightAccessOf = (me: Pick<Me, 'permissions'>): OversightAccess => {
  // The server's permission table decides (GET /api/auth/me); a flag it leaves out means no.
  const canAudit = me.permissions.canAuditEvidence === true;
  const canDispose = me.permissions.canDisposeEvidence === true;
  const canManageRetention = me.permissions.canManageRetention === true;
  const canConfigure = me.permissions.canConfigureEvidence === true;
  const canView = canAudit || canDispose || canManageRetention || canConfigure;
  // The disposal list also needs case content (server: case.read); the administrator triad reads none.
  const canSeeDisposal = (canDispose || canManageRetention) && me.permissions.canReadCases;
  const tabs = OVERSIGHT_TABS.filter((tab) => {
    if (tab === 'late' || tab === 'fixity') return canAudit;
    if (tab === 'disposal' || tab === 'preview') return canSeeDisposal;

    return canView;
  });

  return { canAudit, canDispose, canManageRetention, canConfigure, canView, tabs };
};

/** The tab named in the address if this user may open it, else the first one they may. */
export const tabOf = (param: string | null, access: Pick<OversightAccess, 'tabs'>): OversightTab | null => {
  const wanted = access.tabs.find((tab) => tab === param);

  return wanted ?? access.tabs[0] ?? null;
};
