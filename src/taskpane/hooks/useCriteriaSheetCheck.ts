import { usePane } from "../PaneContext";
import type { CriteriaSheetCheck } from "../session";
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
}

/** "Kiểm tra bộ tiêu chí": reads the workbook's criteria sheet and lists its problems, each a click from its cell. */
export function useCriteriaSheetCheck(): CriteriaSheetCheckAction {
  const { session, lang } = usePane();
  const { status, run } = useAction<SheetCheckStatus>({ kind: "idle" });
  const goTo = useGoTo();
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
  return { status, run: check, goTo };
}
