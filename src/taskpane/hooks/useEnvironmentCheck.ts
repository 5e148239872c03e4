import type { EnvironmentStatus } from "../components/EnvironmentSection";
import { usePane } from "../PaneContext";
import { useAction } from "./useAction";

/** Excel: "Kiểm tra môi trường", its report as text. */
export function useEnvironmentCheck(): { status: EnvironmentStatus; run: () => Promise<void> } {
  const { session, lang } = usePane();
  const action = useAction<EnvironmentStatus>({ kind: "idle" });
  const run = async () => {
    if (session?.mode !== "excel") return;
    return action.run({
      busy: { kind: "busy" },
      work: () => session.checkEnvironment(lang),
      done: (text) => ({ kind: "done", text }),
      failed: (reason) => ({ kind: "failed", reason }),
    });
  };
  return { status: action.status, run };
}
