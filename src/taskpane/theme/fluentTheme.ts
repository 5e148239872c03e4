import {
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import type { PaneTheme } from "./themeChoice";

/**
 * Office's Black theme is darker than Fluent's web dark theme: the pane's page and cards follow it so the pane does
 * not stand out as a grey slab beside Excel. Foreground tokens are unchanged, and stay above 4.5:1 on these.
 */
const webBlackTheme: Theme = {
  ...webDarkTheme,
  colorNeutralBackground1: "#141414",
  colorNeutralBackground2: "#0a0a0a",
  colorNeutralBackground3: "#1f1f1f",
};

export const FLUENT_THEMES: Record<PaneTheme, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  black: webBlackTheme,
  contrast: teamsHighContrastTheme,
};

/** The CSS `color-scheme` for native parts (scrollbars, file inputs) under each theme. */
export const COLOR_SCHEME: Record<PaneTheme, "light" | "dark"> = {
  light: "light",
  dark: "dark",
  black: "dark",
  contrast: "dark",
};
