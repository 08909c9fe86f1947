import { RECORD_KINDS, type RecordKindId } from '@liuhen/domain';
import type { UseCaseContext, UserActor } from '../../server/src/use-cases/context';
import { changeCaseStage } from '../../server/src/use-cases/change-case-stage';
import { getCaseWorkspace } from '../../server/src/use-cases/case-workspace';
import { decideApproval } from '../../server/src/use-cases/decide-approval';
import { makeCaseRecord, type RecordInput } from '../../server/src/use-cases/make-case-record';
import { signRecord } from '../../server/src/use-cases/sign-record';
import { recordContent } from '../factories/record-content';
import { signaturePng } from './signature-png';

export type Team = Record<'officer1' | 'officer2' | 'sectionhead1' | 'head1' | 'legal1', UserActor>;

const ROLE_ACTOR: Record<string, keyof Team> = {
  lead_officer: 'officer1',
  section_head: 'sectionhead1',
  legal_reviewer: 'legal1',
  agency_head: 'head1',
};

/** Drives one case through its procedure with the demo team, as officers would in the workspace. */
export const procedureWalker = (ctx: UseCaseContext, team: Team, caseId: string) => {
  const record = async (
    kind: RecordKindId,
    overrides: { content?: Record<string, unknown>; isUnsigned?: boolean } & Partial<RecordInput> = {},
  ) => {
    const { content, isUnsigned, ...envelope } = overrides;
    const definition = RECORD_KINDS[kind];

    const row = await makeCaseRecord({
      ctx,
      actor: team.officer1,
      caseId,
      input: {
        kind,
        recordedAt: '2026-11-20T09:00:00+08:00',
        place: '示范市新城区建设路18号',
        officers: [
          { userId: team.officer1.userId, isCredentialShown: true },
          { userId: team.officer2.userId, isCredentialShown: true },
        ],
        ...(definition.partySignature === 'required' ? { partySignature: 'signed' as const } : {}),
        witnesses: [],
        // Audio-video files come with the evidence module; a written reason stands in where AV is required.
        avReason: '现场音像记录文件另行上传',
        content: recordContent(kind, content ?? {}),
        ...envelope,
      },
    });
    // SERVE-1: service in person is proved by the server's and the recipient's signatures on the receipt.
    if (kind === 'service_receipt' && !isUnsigned && (row.content as Record<string, unknown>).method === 'direct') {
      await signRecord({
        ctx,
        actor: team.officer1,
        caseId,
        recordId: row.id,
        input: { role: 'server', method: 'electronic' },
      });
      await signRecord({
        ctx,
        actor: team.officer1,
        caseId,
        recordId: row.id,
        input: {
          role: 'recipient',
          method: 'handwritten',
          signerName: '张三',
          imagePng: signaturePng().toString('base64'),
        },
      });
    }

    return row;
  };
  const approveAll = async (recordId: string) => {
    for (;;) {
      const workspace = await getCaseWorkspace({ ctx, actor: team.officer1, caseId });
      const next = workspace.records.find((r) => r.row.id === recordId)!.approval.next;
      if (!next) return;
      await decideApproval({
        ctx,
        actor: team[ROLE_ACTOR[next.role]!],
        caseId,
        recordId,
        input: { decision: 'approved', opinion: `${next.label}：同意` },
      });
    }
  };
  const advance = (to: string) => changeCaseStage({ ctx, actor: team.officer1, caseId, input: { to } });
  const workspace = () => getCaseWorkspace({ ctx, actor: team.officer1, caseId });

  return { record, approveAll, advance, workspace };
};
