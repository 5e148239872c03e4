import { downloadBytes } from "../download";
import { t } from "../i18n";
import { usePane } from "../PaneContext";
import type { CheckOutcome, CriteriaProblemView } from "../session";
import { useAction } from "./useAction";

export type DraftStatus =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; text: string; notes: string[] }
  | { kind: "info"; text: string }
  | { kind: "refused"; text: string; problems: CriteriaProblemView[] }
  | { kind: "failed"; text: string };

export interface DraftAction {
  status: DraftStatus;
  run: () => Promise<void>;
}

/**
 * "Tạo bộ tiêu chí từ trang này": drafts a criteria set from a scoring form — in Excel the active sheet, written as
 * the criteria sheet; in a browser the open file's form, downloaded and used for the session — and shows the
 * check made with it (`apply`).
 */
export function useDraftCriteria(apply: (outcome: CheckOutcome) => void): DraftAction {
  const { session, lang } = usePane();
  const { status, run } = useAction<DraftStatus>({ kind: "idle" });
  const draft = async () => {
    if (!session) return;
    return run({
      busy: { kind: "busy" },
      work: () => session.draftCriteria(lang),
      done: (outcome): DraftStatus => {
        if (outcome.status === "no-workbook") return { kind: "info", text: t("draft.noWorkbook") };
        if (outcome.status === "exists")
          return { kind: "info", text: t("draft.exists", { sheet: outcome.sheet }) };
        if (outcome.status === "no-form")
          return { kind: "info", text: t("draft.noForm", { from: outcome.from }) };
        if (outcome.status === "refused")
          return {
            kind: "refused",
            text: t("draft.refused", { from: outcome.from, count: outcome.problems.length }),
            problems: outcome.problems,
          };
        apply(outcome.check);
        const count = outcome.toConfirm;
        if (outcome.download) {
          downloadBytes(outcome.download.bytes, outcome.download.fileName);
          const file = outcome.download.fileName;
          return {
            kind: "done",
            text: t("draft.downloaded", { file, from: outcome.from, count }),
            notes: outcome.notes,
          };
        }
        const text = t("draft.written", { sheet: outcome.sheet, from: outcome.from, count });
        return { kind: "done", text, notes: outcome.notes };
      },
      failed: (reason) => ({ kind: "failed", text: t("draft.failed", { reason }) }),
    });
  };
  return { status, run: draft };
}
