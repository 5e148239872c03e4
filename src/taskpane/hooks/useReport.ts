import type { ReportAction } from "../components/ReportSection";
import type { ActionStatus } from "../components/ScoreSection";
import { downloadBytes } from "../download";
import { t } from "../i18n";
import { usePane } from "../PaneContext";
import type { PickedFile } from "../session";
import { useAction } from "./useAction";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** "Tạo báo cáo": the Word report of the open workbook's units (with last year's where given), downloaded. */
export function useReport(): ReportAction {
  const { session, lang } = usePane();
  const { status, run } = useAction<ActionStatus>({ kind: "idle" });
  const build = async (lastYear?: PickedFile) => {
    if (!session) return;
    return run({
      busy: { kind: "busy", label: t("report.running") },
      work: () => session.report(lang, lastYear),
      done: (file) => {
        downloadBytes(file.bytes, file.fileName, DOCX_TYPE);
        return { kind: "done", text: t("report.done", { name: file.fileName, units: file.units }) };
      },
      failed: (reason) => ({ kind: "failed", text: t("report.failed", { reason }) }),
    });
  };
  return { status, build };
}
