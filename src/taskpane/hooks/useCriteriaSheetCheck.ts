import { usePane } from "../PaneContext";
import type { CheckOutcome, CriteriaSheetCheck } from "../session";
import { type DraftAction, useDraftCriteria } from "./useDraftCriteria";
import { useAction } from "./useAction";
import { GoTo, useGoTo } from "./useGoTo";

export type SheetCheckStatus =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "done"; result: CriteriaSheetCheck }
  | { kind: "failed"; reason: string };

export interface CriteriaSheetCheckAction {
  status: SheetCheckStatus;
  run: () => Promise<void>;
  /** Going from a problem to its cell (its own status, shown in the criteria section). */
  goTo: GoTo;
  /** "Tạo bộ tiêu chí từ trang này": the criteria sheet drafted from a scoring form. */
  draft: DraftAction;
}

/**
 * The criteria sheet's tools: "Kiểm tra bộ tiêu chí" reads it and lists its problems, each a click from its cell;
 * "Tạo bộ tiêu chí từ trang này" drafts one from a scoring form, and `apply` shows the check made with it.
 */
export function useCriteriaSheetCheck(
  apply: (outcome: CheckOutcome) => void
): CriteriaSheetCheckAction {
  const { session, lang } = usePane();
  const { status, run } = useAction<SheetCheckStatus>({ kind: "idle" });
  const goTo = useGoTo();
  const draft = useDraftCriteria(apply);
  const { reset } = goTo;
  const check = async () => {
    if (!session) return;
    reset();
    return run({
      busy: { kind: "checking" },
      work: () => session.checkCriteriaSheet(lang),
      done: (result) => ({ kind: "done", result }),
      failed: (reason) => ({ kind: "failed", reason }),
    });
  };
  return { status, run: check, goTo, draft };
}
