import type { ImportStatus } from "../components/CriteriaSection";
import { usePane } from "../PaneContext";
import type { CheckOutcome } from "../session";
import { useAction } from "./useAction";

/**
 * "Nhập bộ tiêu chí": reads a criteria JSON; when the session accepts it, `onImported` shows the new check.
 * A refused file lists its problems.
 */
export function useCriteriaImport(onImported: (outcome: CheckOutcome) => void): {
  status: ImportStatus;
  importFile: (file: File) => Promise<void>;
} {
  const { session, lang } = usePane();
  const { status, run } = useAction<ImportStatus>({ kind: "idle" });
  const importFile = async (file: File) => {
    if (!session) return;
    return run({
      busy: { kind: "reading", name: file.name },
      work: async () => session.importCriteria(await file.text(), file.name, lang),
      done: (outcome) => {
        if (!outcome.ok) return { kind: "refused", name: outcome.name, problems: outcome.problems };
        onImported(outcome.check);
        return { kind: "idle" };
      },
      failed: (reason) => ({ kind: "failed", name: file.name, reason }),
    });
  };
  return { status, importFile };
}
