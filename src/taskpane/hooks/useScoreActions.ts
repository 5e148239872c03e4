import type { ActionStatus } from "../components/ScoreSection";
import { downloadBytes } from "../download";
import { t } from "../i18n";
import { usePane } from "../PaneContext";
import type { ConflictView } from "../session";
import { useAction } from "./useAction";
import { useWork, type Work } from "./useWork";

export interface ScoreActions {
  status: ActionStatus;
  score: () => Promise<void>;
  /** Undo the last run; `restoreSafe` (Excel, after conflicts): undo what is safe and leave the conflicts. */
  revert: (restoreSafe?: boolean) => Promise<void>;
  reset: () => void;
  /** The score's progress and stop. */
  work: Work;
}

/**
 * "Tính điểm" and its undo, sharing one status: in Excel they write to the workbook (asking `confirm` before typed
 * values are replaced) and check again; in a browser they download the new file.
 */
export function useScoreActions(
  confirm: (conflicts: ConflictView[]) => Promise<boolean>,
  recheck: () => Promise<void>
): ScoreActions {
  const { session, lang } = usePane();
  const { status, run, reset } = useAction<ActionStatus>({ kind: "idle" });
  const work = useWork(session?.mode === "excel");
  const stopped = (): ActionStatus => ({ kind: "info", text: t("work.stopped") });
  const scoreFailed = (reason: string): ActionStatus => ({
    kind: "failed",
    text: t("score.failed", { reason }),
  });
  const revertFailed = (reason: string): ActionStatus => ({
    kind: "failed",
    text: t("score.revertFailed", { reason }),
  });

  const score = async () => {
    if (!session) return;
    if (session.mode === "browser")
      return run({
        busy: { kind: "busy", label: t("score.preparing"), stoppable: true },
        work: () => session.score(lang, work.begin()),
        cancelled: stopped,
        done: (scored) => {
          downloadBytes(scored.bytes, scored.fileName);
          return {
            kind: "done",
            text: t("score.downloaded", { name: scored.fileName }),
            conflicts: scored.conflicts,
          };
        },
        failed: scoreFailed,
      });
    return run({
      busy: { kind: "busy", label: t("score.running"), stoppable: true },
      work: () => session.score(lang, confirm, work.begin()),
      cancelled: stopped,
      done: (outcome) => {
        if (!outcome.done) return { kind: "info", text: t("score.cancelled") };
        void recheck();
        return { kind: "done", text: t("score.done"), notices: outcome.notices };
      },
      failed: scoreFailed,
    });
  };

  const revert = async (restoreSafe = false) => {
    if (!session) return;
    const busy: ActionStatus = { kind: "busy", label: t("score.reverting") };
    if (session.mode === "browser")
      return run({
        busy,
        work: () => session.revert(lang),
        done: (reverted) => {
          downloadBytes(reverted.bytes, reverted.fileName);
          return { kind: "done", text: t("score.revertedBrowser", { name: reverted.fileName }) };
        },
        failed: revertFailed,
      });
    return run({
      busy,
      work: () => session.revertLastRun(lang, restoreSafe ? { restoreSafe } : undefined),
      done: (outcome) => {
        if (outcome.status === "conflicts")
          return {
            kind: "revertConflicts",
            text: t("score.revertConflicts", { count: outcome.conflicts.length }),
            conflicts: outcome.conflicts,
          };
        void recheck();
        return {
          kind: "done",
          text: outcome.left.length
            ? t("score.revertedSafe", { count: outcome.left.length })
            : t("score.reverted"),
          notices: outcome.notices,
          left: outcome.left,
        };
      },
      failed: revertFailed,
    });
  };

  return { status, score, revert, reset, work };
}
