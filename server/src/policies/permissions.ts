import { ADMINISTRATOR_TRIAD, DomainError, ROLES, type Role } from '@liuhen/domain';
import type { Actor } from '../use-cases/context';

const CASE_CONTENT_ROLES = ROLES.filter((role) => !ADMINISTRATOR_TRIAD.includes(role) && role !== 'device_keeper');

// Who may do what, by role (ORG-4). Agency scope is checked by each use-case against the record.
export const PERMISSIONS = {
  // PROC-2: cases are registered by field officers, case handlers, their heads and the intake window.
  'case.create': ['officer', 'lead_officer', 'section_head', 'intake_clerk', 'agency_head'],
  // ORG-4: the administrator triad and device keepers do not read case content.
  'case.read': CASE_CONTENT_ROLES,
  // DOC-1: those who make text records in a case; approvals are checked per step against its role (REVIEW-6).
  'case.record': ['officer', 'lead_officer', 'section_head', 'legal_reviewer', 'agency_head', 'intake_clerk'],
  // PROC-1: moving a case to its next stage is the case handler's and the heads' call.
  'case.advance': ['officer', 'lead_officer', 'section_head', 'agency_head', 'intake_clerk'],
  'people.view': ['system_admin', 'security_admin', 'audit_admin', 'agency_head', 'section_head', 'supervisor'],
  'people.manage': ['system_admin'],
  // LEDGER-3/4: integrity status, audits and alerts; the log holds ids and digests, not case content.
  'ledger.inspect': ['supervisor', 'agency_head', 'security_admin', 'audit_admin'],
  // PROC-8: keeping the working-day calendar is system administration.
  'calendar.manage': ['system_admin'],
  // AV-7, AV-8: those who film, photograph, scan or receive materials file them to a case.
  'evidence.upload': ['officer', 'lead_officer', 'section_head', 'legal_reviewer', 'agency_head', 'intake_clerk'],
  // ACCESS-4: copying an original out needs the unit head's approval (S3 附件2 第十八条); viewing is case.read.
  'evidence.download': ['agency_head', 'section_head', 'archivist', 'supervisor'],
  // DEV-1: the device register is the device keeper's.
  'device.manage': ['device_keeper', 'agency_head'],
  // AV-5: whoever takes a device out logs its pre-use check.
  'device.check': ['officer', 'lead_officer', 'section_head', 'agency_head', 'device_keeper'],
  // RET-2: retention facts, legal holds and the one disposal path.
  'retention.manage': ['archivist', 'agency_head', 'legal_reviewer', 'lead_officer', 'section_head'],
  'legal_hold.manage': ['archivist', 'agency_head', 'legal_reviewer'],
  'evidence.dispose': ['agency_head'],
  // AV-6, fixity: late uploads and missing or altered originals are reported to those who supervise the files.
  'evidence.audit': ['supervisor', 'agency_head', 'archivist', 'section_head'],
  // AV-4, AV-6: the agency's upload deadline and continuity threshold.
  'evidence.configure': ['agency_head', 'system_admin'],
  // REVIEW-1: the legal section keeps the catalog of major decisions; the head answers for it.
  'review.catalog': ['legal_reviewer', 'agency_head'],
  // REVIEW-2: the section that drafted the decision submits it for legal review.
  'review.submit': ['officer', 'lead_officer', 'section_head', 'agency_head'],
  // REVIEW-3, REVIEW-4: the legal reviewers give the opinion and ask for more time.
  'review.decide': ['legal_reviewer'],
  // REVIEW-4: 经分管局领导批准 (the deputy head in charge; the head may always).
  'review.extend': ['deputy_head', 'agency_head'],
  // REVIEW-5: 由局主要领导经集体会议讨论后裁定.
  'review.rule': ['agency_head'],
  // REVIEW-4: reviews due and overdue, for reviewers and those who supervise them.
  'review.oversee': ['legal_reviewer', 'supervisor', 'agency_head', 'deputy_head'],
  // DOC-2, DOC-4: those who make the records generate their documents and collect the signatures on them.
  'document.generate': ['officer', 'lead_officer', 'section_head', 'legal_reviewer', 'agency_head', 'intake_clerk'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The seed and admin command act with database-owner authority, so every permission holds for them. */
export const can = (actor: Actor, permission: Permission): boolean =>
  actor.kind === 'system' || actor.roles.some((role) => (PERMISSIONS[permission] as readonly Role[]).includes(role));

export const authorize = (actor: Actor, permission: Permission): void => {
  if (!can(actor, permission)) throw new DomainError('FORBIDDEN', { permission });
};
