import { useState } from "react";
import type { Compare, CompareGoToStatus } from "../components/CompareSection";
import type { ActionStatus } from "../components/ScoreSection";
import { highlightable, type ChangeView, type CompareView } from "../compareView";
import { t } from "../i18n";
import { usePane } from "../PaneContext";
import { reasonOf } from "../session";
import { useAction } from "./useAction";
import { useWork } from "./useWork";

/** "So sánh với bản trước": the comparison, its highlight in Excel, and going to a changed cell. */
export function useCompare(): Compare {
  const { session, lang } = usePane();
  const { status, run } = useAction<ActionStatus>({ kind: "idle" });
  const marking = useAction<ActionStatus>({ kind: "idle" });
  const work = useWork();
  const [view, setView] = useState<CompareView>();
  const [goToStatus, setGoToStatus] = useState<CompareGoToStatus>();

  const compare = async (file: File) => {
    if (!session) return;
    setGoToStatus(undefined);
    marking.reset();
    return run({
      busy: { kind: "busy", label: t("compare.running", { name: file.name }), stoppable: true },
      work: async () =>
        session.compare(
          { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
          lang,
          work.begin()
        ),
      cancelled: () => ({ kind: "info", text: t("work.stopped") }),
      done: (result) => {
        setView(result);
        const units = result.units.filter((u) => u.changes.length).length;
        return result.changeCount
          ? {
              kind: "done",
              text: t("compare.summary", { name: file.name, count: result.changeCount, units }),
            }
          : { kind: "info", text: t("compare.nothing", { name: file.name }) };
      },
      failed: (reason) => {
        setView(undefined);
        return { kind: "failed", text: t("compare.failed", { name: file.name, reason }) };
      },
    });
  };

  const mark = async (clear: boolean) => {
    if (session?.mode !== "excel") return;
    return marking.run({
      busy: { kind: "busy", label: t(clear ? "compare.clear" : "compare.highlight") },
      work: () =>
        clear ? session.clearHighlight() : session.highlightChanges(highlightable(view!)),
      done: (outcome) => ({
        kind: "done",
        text: t(clear ? "compare.cleared" : "compare.highlighted", { count: outcome.count }),
        notices: [
          ...(outcome.protectedSheets.length
            ? [t("compare.protected", { sheets: outcome.protectedSheets.join(", ") })]
            : []),
          ...(outcome.unreadableSheets.length
            ? [t("compare.unreadable", { sheets: outcome.unreadableSheets.join(", ") })]
            : []),
        ],
      }),
      failed: (reason) => ({ kind: "failed", text: t("compare.highlightFailed", { reason }) }),
    });
  };

  const goTo = async ({ sheet, cell, inOpenWorkbook }: ChangeView) => {
    if (session?.mode !== "excel" || !inOpenWorkbook) {
      setGoToStatus({ text: t("goto.browserCell", { sheet, cell }), intent: "info" });
      return;
    }
    try {
      await session.goTo(sheet, cell);
      setGoToStatus({ text: t("goto.selected", { sheet, cell }), intent: "success" });
    } catch (error) {
      setGoToStatus({
        text: t("goto.failed", { sheet, cell, reason: reasonOf(error, lang) }),
        intent: "error",
      });
    }
  };

  return {
    status,
    work,
    view,
    compare,
    highlight: () => mark(false),
    clear: () => mark(true),
    highlightStatus: marking.status,
    goTo,
    goToStatus,
  };
}
