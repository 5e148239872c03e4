import type { FileStatus } from "../components/WorkbookSection";
import { usePane } from "../PaneContext";
import type { CheckOutcome } from "../session";
import { useAction } from "./useAction";
import { useWork, type Work } from "./useWork";

/**
 * Browser mode: the .xlsx the pane works on. Opening one checks it (`onOpened` shows the outcome); only the last
 * file picked counts, even if an earlier one finishes reading after it. `onPick` is called as a file is picked.
 */
export function useWorkbookFile(
  onOpened: (outcome: CheckOutcome) => void,
  onPick: () => void
): { status: FileStatus; open: (file: File) => Promise<void>; work: Work } {
  const { session, lang } = usePane();
  const { status, run } = useAction<FileStatus>({ kind: "none" });
  const work = useWork();
  const open = async (file: File) => {
    if (session?.mode !== "browser") return;
    const previous =
      status.kind === "open" ? status.name : "previous" in status ? status.previous : undefined;
    onPick();
    return run({
      busy: { kind: "reading", name: file.name },
      work: async () =>
        session.open(new Uint8Array(await file.arrayBuffer()), file.name, lang, work.begin()),
      done: (outcome) => {
        onOpened(outcome);
        return { kind: "open", name: file.name };
      },
      failed: (reason) => ({
        kind: "failed",
        name: file.name,
        reason,
        ...(previous ? { previous } : {}),
      }),
      // The file open before stays open.
      cancelled: () => ({ kind: "stopped", name: file.name, ...(previous ? { previous } : {}) }),
    });
  };
  return { status, open, work };
}
