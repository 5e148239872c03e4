import { useEffect, useState } from "react";
import type { HostMode } from "../host";
import {
  themeFromOffice,
  themeFromSystem,
  type OfficeThemeReading,
  type PaneTheme,
  type SystemReading,
} from "./themeChoice";

const DARK_QUERY = "(prefers-color-scheme: dark)";
const FORCED_QUERY = "(forced-colors: active)";

function matches(query: string): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia(query).matches;
}

function systemReading(): SystemReading {
  return { prefersDark: matches(DARK_QUERY), forcedColors: matches(FORCED_QUERY) };
}

function officeReading(): { theme?: OfficeThemeReading; blackId?: unknown } {
  if (typeof Office === "undefined") return {};
  try {
    return {
      theme: Office.context?.officeTheme as OfficeThemeReading | undefined,
      blackId: (Office as { ThemeId?: { Black?: unknown } }).ThemeId?.Black,
    };
  } catch {
    // Office.context throws before Office.onReady in some hosts: no reading yet.
    return {};
  }
}

function currentTheme(host: HostMode | undefined): PaneTheme {
  const system = systemReading();
  if (host !== "excel") return themeFromSystem(system);
  const { theme, blackId } = officeReading();
  return themeFromOffice(theme, system, blackId);
}

/**
 * The pane's theme, kept current. In a browser it follows the media queries' change events. Excel reports no theme
 * change to a task pane (Office.EventType.OfficeThemeChanged is Outlook's, Mailbox 1.14: office.eventtype.yml), so
 * the Excel mode reads Office.context.officeTheme again whenever the pane gets focus or becomes visible — a local
 * property read, not a round trip to the workbook.
 */
export function useHostTheme(host: HostMode | undefined): PaneTheme {
  const [theme, setTheme] = useState<PaneTheme>(() => currentTheme(host));
  useEffect(() => {
    const update = (): void => setTheme(currentTheme(host));
    update();
    const queries =
      typeof window.matchMedia === "function"
        ? [DARK_QUERY, FORCED_QUERY].map((q) => window.matchMedia(q))
        : [];
    for (const q of queries) q.addEventListener?.("change", update);
    window.addEventListener("focus", update);
    document.addEventListener("visibilitychange", update);
    return () => {
      for (const q of queries) q.removeEventListener?.("change", update);
      window.removeEventListener("focus", update);
      document.removeEventListener("visibilitychange", update);
    };
  }, [host]);
  return theme;
}
