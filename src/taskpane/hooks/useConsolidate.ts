import { useCallback, useRef, useState } from "react";
import type { ConsolidateProgress, ReplaceView } from "../session";
import { ct } from "../consolidateText";
import { downloadBytes } from "../download";
import { usePane } from "../PaneContext";
import { reasonOf, type CheckOutcome, type ConflictView } from "../session";
import { useConfirm } from "./useConfirm";

export type ConsolidateStatus =
  | { kind: "idle" }
  | { kind: "busy"; progress?: ConsolidateProgress }
  | { kind: "done"; lines: string[]; failed: string[] }
  | { kind: "info"; text: string }
  | { kind: "failed"; text: string };

/**
 * "Tổng hợp nhiều sổ": the picked files consolidated by the session, with progress (n of N), a stop button and
 * the replace question; the consolidated workbook's check goes to the findings list (`apply`), and in the browser
 * the consolidated workbook is downloaded.
 */
export function useConsolidate(
  confirmTyped: (conflicts: ConflictView[]) => Promise<boolean>,
  apply: (outcome: CheckOutcome) => void
) {
  const { session, lang } = usePane();
  const [status, setStatus] = useState<ConsolidateStatus>({ kind: "idle" });
  const replace = useConfirm<ReplaceView[]>();
  const abort = useRef<AbortController | undefined>(undefined);

  const run = useCallback(
    async (picked: File[]) => {
      if (!session || !picked.length || abort.current) return;
      const controller = new AbortController();
      abort.current = controller;
      setStatus({ kind: "busy" });
      try {
        const files = await Promise.all(
          picked.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))
        );
        const outcome = await session.consolidate(files, lang, {
          signal: controller.signal,
          onProgress: (progress) => setStatus({ kind: "busy", progress }),
          confirmReplace: replace.ask,
          // The browser mode never changes the picked files: typed values are replaced and listed, as its score.
          confirmTyped: session.mode === "excel" ? confirmTyped : async () => true,
        });
        if (outcome.status === "cancelled")
          return setStatus({ kind: "info", text: ct("consolidate.cancelled") });
        if (outcome.status === "declined")
          return setStatus({ kind: "info", text: ct("consolidate.declined") });
        apply(outcome.check);
        const lines = [
          ct("consolidate.done", { added: outcome.added, replaced: outcome.replaced }),
        ];
        if (outcome.path === "values") lines.push(ct("consolidate.valuesPath"));
        if (outcome.download) {
          downloadBytes(outcome.download.bytes, outcome.download.fileName);
          lines.push(ct("consolidate.downloaded", { file: outcome.download.fileName }));
        }
        lines.push(...outcome.notices);
        setStatus({
          kind: "done",
          lines,
          failed: outcome.failed.map((f) =>
            ct("consolidate.failedFile", { file: f.file, reason: f.reason })
          ),
        });
      } catch (error) {
        setStatus({
          kind: "failed",
          text: ct("consolidate.failed", { reason: reasonOf(error, lang) }),
        });
      } finally {
        abort.current = undefined;
      }
    },
    [session, lang, replace.ask, confirmTyped, apply]
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { status, run, cancel, replace };
}
