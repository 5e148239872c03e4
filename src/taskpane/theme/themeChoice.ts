/**
 * Which theme the pane wears, from what the host says. Pure: the readings come from Office.context.officeTheme and
 * the browser's media queries (see useHostTheme).
 */
export type PaneTheme = "light" | "dark" | "black" | "contrast";

/** What Office.context.officeTheme gives (every field optional: older hosts give the colours only). */
export interface OfficeThemeReading {
  isDarkTheme?: boolean;
  /** Office.ThemeId as the host gives it; compared with `blackId` when both are known. */
  themeId?: unknown;
  bodyBackgroundColor?: string;
}

export interface SystemReading {
  prefersDark: boolean;
  /** Windows high contrast (CSS `forced-colors: active`). */
  forcedColors: boolean;
}

/** WCAG relative luminance of "#rrggbb" (or "#rgb"), undefined for anything else. */
export function luminance(color: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** A background this dark is Office's Black theme (#262626 is about 0.019; Dark Gray's #666666 about 0.13). */
const BLACK_LUMINANCE = 0.03;
const DARK_LUMINANCE = 0.2;

/**
 * The pane's theme inside Office. `isDarkTheme` is documented for Excel (Office.OfficeTheme, office-js-docs-reference
 * docs-ref-autogen/office_release/office/office.officetheme.yml: true for Black and Dark Gray); hosts that predate it
 * give only the colours, so the body background decides then.
 */
export function themeFromOffice(
  office: OfficeThemeReading | undefined,
  system: SystemReading,
  blackId?: unknown
): PaneTheme {
  if (system.forcedColors) return "contrast";
  if (!office) return system.prefersDark ? "dark" : "light";
  const bg = luminance(office.bodyBackgroundColor);
  const dark =
    typeof office.isDarkTheme === "boolean"
      ? office.isDarkTheme
      : bg !== undefined && bg < DARK_LUMINANCE;
  if (!dark) return "light";
  const black =
    (blackId !== undefined && office.themeId !== undefined && office.themeId === blackId) ||
    (bg !== undefined && bg < BLACK_LUMINANCE);
  return black ? "black" : "dark";
}

/** The pane's theme in a browser (the browser-only mode): the system's colour scheme. */
export function themeFromSystem(system: SystemReading): PaneTheme {
  if (system.forcedColors) return "contrast";
  return system.prefersDark ? "dark" : "light";
}
