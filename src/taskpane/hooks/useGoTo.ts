import { useCallback, useState } from "react";
import type { GoToStatus } from "../components/CheckSection";
import type { ListedFinding } from "../findingsView";
import { t } from "../i18n";
import { usePane } from "../PaneContext";
import { isSheetHidden, reasonOf } from "../session";

export interface GoTo {
  /** The finding picked last (highlighted in the list). */
  current: number | undefined;
  status: GoToStatus | undefined;
  /** Goes to a finding's cell (Excel) or says where it is (browser, or a finding about the whole workbook). */
  pick: (item: ListedFinding) => Promise<void>;
  /** The same for any item of a list (a criteria sheet's problem): its id, sheet and cell. */
  pickPlace: (id: number, sheet: string | undefined, cell: string | undefined) => Promise<void>;
  /** Excel: activates a sheet. */
  goToSheet: (sheet: string) => Promise<void>;
  dismiss: () => void;
  /** Forgets the finding picked and the status (a new check's findings are shown). Stable. */
  reset: () => void;
}

/** Going from a finding to its place in the workbook, and what the pane says about it. */
export function useGoTo(): GoTo {
  const { session, lang } = usePane();
  const [current, setCurrent] = useState<number>();
  const [status, setStatus] = useState<GoToStatus>();

  /** Excel: activates the sheet and selects the cell; a hidden sheet comes with the offer to unhide it. */
  const goToInExcel = async (sheet: string, cell: string | undefined, unhide = false) => {
    if (session?.mode !== "excel") return;
    try {
      await (unhide ? session.goTo(sheet, cell, { unhide }) : session.goTo(sheet, cell));
      setStatus({
        text: cell ? t("goto.selected", { sheet, cell }) : t("goto.sheetSelected", { sheet }),
        intent: "success",
      });
    } catch (error) {
      setStatus({
        text: t("goto.failed", { sheet, cell: cell ?? "", reason: reasonOf(error, lang) }),
        intent: "error",
        ...(isSheetHidden(error) && !unhide
          ? { unhide: { sheet, run: () => void goToInExcel(sheet, cell, true) } }
          : {}),
      });
    }
  };

  const pick = (item: ListedFinding) => pickPlace(item.id, item.finding.sheet, item.finding.cell);

  const pickPlace = async (id: number, sheet: string | undefined, cell: string | undefined) => {
    setCurrent(id);
    if (sheet === undefined) {
      setStatus({ text: t("goto.workbook"), intent: "info" });
      return;
    }
    if (session?.mode !== "excel") {
      setStatus({
        text: cell ? t("goto.browserCell", { sheet, cell }) : t("goto.browserSheet", { sheet }),
        intent: "info",
      });
      return;
    }
    await goToInExcel(sheet, cell);
  };

  const reset = useCallback(() => {
    setCurrent(undefined);
    setStatus(undefined);
  }, []);

  return {
    current,
    status,
    pick,
    pickPlace,
    goToSheet: (sheet) => goToInExcel(sheet, undefined),
    dismiss: () => setStatus(undefined),
    reset,
  };
}
