import { createContext, useContext } from "react";
import type { HostMode } from "./host";
import { getLang, type Lang } from "./i18n";
import type { Session } from "./session";

/** What every part of the pane may need without having it passed down: where it runs, its language, its session. */
export interface PaneContextValue {
  host: HostMode;
  lang: Lang;
  /** undefined while the mode's code is loading. */
  session: Session | undefined;
}

const PaneContext = createContext<PaneContextValue | undefined>(undefined);

export const PaneProvider = PaneContext.Provider;

export function usePane(): PaneContextValue {
  const value = useContext(PaneContext);
  if (!value) throw new Error("usePane() needs a <PaneProvider> above it");
  return value;
}

/** The pane's language; outside a pane (a component rendered on its own) the language set with setLang. */
export function useLang(): Lang {
  return useContext(PaneContext)?.lang ?? getLang();
}
