import {
  countAgencyRunFindings,
  countUnreferencedOfRuns,
  lastFinishedFixityRun,
  listOpenFixityProblems,
  listRecentFixityRuns,
  listUnreferencedOfRun,
  type OpenFixityProblemRow,
} from '../db/repos/evidence-audit-repo';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import { runningFixityRunId } from './run-fixity-check';

const RECENT_RUNS = 30;

export type FixityRunView = {
  id: string;
  startedAt: Date;
  finishedAt: Date | null;
  status: 'running' | 'finished' | 'unfinished';
  /** This agency's kept items among the originals the run checked. */
  agency: { checked: number; bytes: number; missing: number; altered: number; unreadable: number };
  /** The whole store: originals rehashed, bytes read, and bytes found that no item refers to. */
  store: { checked: number; bytes: number; unreferenced: number };
};

export type FixityProblemView = {
  sha256: string;
  outcome: 'missing' | 'altered' | 'unreadable';
  checkedAt: Date;
  runId: string;
  expectedSize: number | null;
  actualSize: number | null;
  actualSha256: string | null;
  error: string | null;
  /** The agency's items that refer to this original. */
  items: Pick<
    OpenFixityProblemRow,
    'evidenceId' | 'caseId' | 'caseNumber' | 'caseSummary' | 'filename' | 'kind' | 'recordedStartedAt' | 'uploadedAt'
  >[];
};

export type FixityFindings = {
  runningRunId: string | null;
  runs: FixityRunView[];
  problems: FixityProblemView[];
  /** Bytes in the store no `blobs` row names, as the last finished run listed them; the same for every agency. */
  unreferenced: { sha256: string; size: number | null; checkedAt: Date }[];
};

/**
 * Fixity, for supervisors: the recent runs with what each found in this agency's originals, and the open problems:
 * originals whose newest check found them missing, altered or unreadable, with the agency's items (case and file)
 * that refer to them. A later check that finds the bytes intact closes a problem.
 */
export const listFixityFindings = async ({
  ctx,
  actor,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
}): Promise<FixityFindings> => {
  authorize(actor, 'evidence.audit');
  const running = runningFixityRunId();
  const runs = await listRecentFixityRuns(ctx.db, RECENT_RUNS);
  const counts = new Map(
    (
      await countAgencyRunFindings(
        ctx.db,
        actor.agencyId,
        runs.map((r) => r.id),
      )
    ).map((c) => [c.runId, c]),
  );
  const unreferencedOfRun = new Map(
    (
      await countUnreferencedOfRuns(
        ctx.db,
        runs.map((r) => r.id),
      )
    ).map((c) => [c.runId, c.n]),
  );
  const problems = new Map<string, FixityProblemView>();
  for (const row of await listOpenFixityProblems(ctx.db, actor.agencyId)) {
    const problem = problems.get(row.sha256) ?? {
      sha256: row.sha256,
      outcome: row.outcome as FixityProblemView['outcome'],
      checkedAt: row.checkedAt,
      runId: row.runId,
      expectedSize: row.expectedSize,
      actualSize: row.actualSize,
      actualSha256: row.actualSha256,
      error: row.error,
      items: [],
    };
    problem.items.push({
      evidenceId: row.evidenceId,
      caseId: row.caseId,
      caseNumber: row.caseNumber,
      caseSummary: row.caseSummary,
      filename: row.filename,
      kind: row.kind,
      recordedStartedAt: row.recordedStartedAt,
      uploadedAt: row.uploadedAt,
    });
    problems.set(row.sha256, problem);
  }
  const lastFinished = await lastFinishedFixityRun(ctx.db);
  const unreferenced = lastFinished ? await listUnreferencedOfRun(ctx.db, lastFinished.id) : [];

  return {
    runningRunId: running,
    runs: runs.map((run) => {
      const mine = counts.get(run.id);

      return {
        id: run.id,
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        status: run.finishedAt !== null ? 'finished' : run.id === running ? 'running' : 'unfinished',
        agency: {
          checked: mine?.checked ?? 0,
          bytes: mine?.bytes ?? 0,
          missing: mine?.missing ?? 0,
          altered: mine?.altered ?? 0,
          unreadable: mine?.unreadable ?? 0,
        },
        store: {
          checked: run.checked,
          bytes: run.bytes,
          unreferenced: unreferencedOfRun.get(run.id) ?? 0,
        },
      };
    }),
    problems: [...problems.values()],
    unreferenced: unreferenced.map((u) => ({ sha256: u.sha256, size: u.size, checkedAt: u.checkedAt })),
  };
};
