import { useEffect, useState } from "react";
import type { HostMode } from "../host";
import type { Session } from "../session";

/**
 * Each mode's workbook code is its own lazy chunk: the browser mode's pulls in src/xlsx and ExcelJS, the
 * Excel mode's src/excel. Neither is in the pane's initial chunk.
 */
export function loadSession(host: HostMode): Promise<Session> {
  return host === "excel"
    ? import(/* webpackChunkName: "excel-mode" */ "../modes/excelSession").then((m) =>
        m.createExcelSession()
      )
    : import(/* webpackChunkName: "browser-mode" */ "../modes/browserSession").then((m) =>
        m.createBrowserSession()
      );
}

export type SessionState =
  | { status: "loading" }
  | { status: "ready"; session: Session }
  /** The mode's code could not be loaded; the error is said in the pane's language where it is shown. */
  | { status: "failed"; error: unknown };

/** The session of the host's mode, loaded once per host; a load that finishes after the host changed is dropped. */
export function useSession(host: HostMode, load = loadSession): SessionState {
  const [state, setState] = useState<{ host: HostMode; value: SessionState }>({
    host,
    value: { status: "loading" },
  });
  useEffect(() => {
    let cancelled = false;
    load(host).then(
      (session) => !cancelled && setState({ host, value: { status: "ready", session } }),
      (error: unknown) => !cancelled && setState({ host, value: { status: "failed", error } })
    );
    return () => {
      cancelled = true;
    };
  }, [host, load]);
  // Until the new host's session is there, the previous host's is not offered.
  return state.host === host ? state.value : { status: "loading" };
}
