import type { ActionStatus } from "../components/ScoreSection";
import { t } from "../i18n";
import { usePane } from "../PaneContext";
import type { ConflictView, PickedFile } from "../session";
import { useAction } from "./useAction";

/** Excel: "Tổng hợp" builds the summary sheet (asking `confirm` as scoring does), then checks again. */
export function useSummary(
  confirm: (conflicts: ConflictView[]) => Promise<boolean>,
  recheck: () => Promise<void>
): { status: ActionStatus; build: (lastYear?: PickedFile) => Promise<void> } {
  const { session, lang } = usePane();
  const { status, run } = useAction<ActionStatus>({ kind: "idle" });
  /** `lastYear`: last year's results, written beside this year's (and charted). */
  const build = async (lastYear?: PickedFile) => {
    if (session?.mode !== "excel") return;
    return run({
      busy: { kind: "busy", label: t("summary.running") },
      work: () => session.buildSummary(lang, confirm, lastYear),
      done: (outcome) => {
        if (!outcome.done) return { kind: "info", text: t("score.cancelled") };
        void recheck();
        return { kind: "done", text: t("summary.done"), notices: outcome.notices };
      },
      failed: (reason) => ({ kind: "failed", text: t("summary.failed", { reason }) }),
    });
  };
  return { status, build };
}
