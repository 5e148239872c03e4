/**
 * @jest-environment jsdom
 *
 * The pane's theme: which theme the host's readings give (Office.context.officeTheme inside Excel, the media
 * queries in a browser), kept current as they change, and worn by the whole pane.
 */
import { act, cleanup, render, renderHook } from "@testing-library/react";
import { luminance, themeFromOffice, themeFromSystem } from "../../src/taskpane/theme/themeChoice";
import { FLUENT_THEMES } from "../../src/taskpane/theme/fluentTheme";
import { useHostTheme } from "../../src/taskpane/theme/useHostTheme";

const NONE = { prefersDark: false, forcedColors: false };

describe("themeFromOffice", () => {
  test.each([
    // [what Office says, the system, Office.ThemeId.Black, expected]
    [{ isDarkTheme: false, bodyBackgroundColor: "#FFFFFF" }, NONE, undefined, "light"],
    [{ isDarkTheme: false, bodyBackgroundColor: "#E6E6E6" }, NONE, undefined, "light"], // Colorful
    [{ isDarkTheme: true, bodyBackgroundColor: "#666666" }, NONE, undefined, "dark"], // Dark Gray
    [{ isDarkTheme: true, bodyBackgroundColor: "#262626" }, NONE, undefined, "black"],
    [{ isDarkTheme: true, themeId: 0, bodyBackgroundColor: "#444444" }, NONE, 0, "black"],
    [{ isDarkTheme: true, themeId: 2, bodyBackgroundColor: "#444444" }, NONE, 0, "dark"],
    // Hosts without isDarkTheme: the background decides.
    [{ bodyBackgroundColor: "#262626" }, NONE, undefined, "black"],
    [{ bodyBackgroundColor: "#444444" }, NONE, undefined, "dark"],
    [{ bodyBackgroundColor: "#ffffff" }, NONE, undefined, "light"],
    [{ bodyBackgroundColor: "not a colour" }, NONE, undefined, "light"],
    // isDarkTheme wins over a background that says otherwise.
    [{ isDarkTheme: false, bodyBackgroundColor: "#000000" }, NONE, undefined, "light"],
    // No reading at all: the system's scheme.
    [undefined, { prefersDark: true, forcedColors: false }, undefined, "dark"],
    [undefined, NONE, undefined, "light"],
    // Windows high contrast overrides everything.
    [
      { isDarkTheme: false, bodyBackgroundColor: "#FFFFFF" },
      { prefersDark: false, forcedColors: true },
      undefined,
      "contrast",
    ],
  ] as const)("%j under %j (Black = %j) → %s", (office, system, blackId, expected) => {
    expect(themeFromOffice(office, system, blackId)).toBe(expected);
  });
});

describe("themeFromSystem", () => {
  test.each([
    [{ prefersDark: false, forcedColors: false }, "light"],
    [{ prefersDark: true, forcedColors: false }, "dark"],
    [{ prefersDark: true, forcedColors: true }, "contrast"],
    [{ prefersDark: false, forcedColors: true }, "contrast"],
  ] as const)("%j → %s", (system, expected) => {
    expect(themeFromSystem(system)).toBe(expected);
  });
});

test("luminance follows WCAG (white 1, black 0, #777 about 0.18) and refuses what is not a colour", () => {
  expect(luminance("#ffffff")).toBeCloseTo(1, 5);
  expect(luminance("#000")).toBe(0);
  expect(luminance("777777")).toBeCloseTo(0.184, 3);
  expect(luminance("rgb(0,0,0)")).toBeUndefined();
  expect(luminance(undefined)).toBeUndefined();
});

test("dark themes keep body text above 4.5:1 on every background the pane uses", () => {
  const ratio = (a: string, b: string) => {
    const [hi, lo] = [luminance(a)!, luminance(b)!].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  for (const name of ["light", "dark", "black"] as const) {
    const t = FLUENT_THEMES[name];
    for (const bg of [
      t.colorNeutralBackground1,
      t.colorNeutralBackground2,
      t.colorNeutralBackground3,
    ])
      for (const fg of [t.colorNeutralForeground1, t.colorNeutralForeground2])
        expect({ name, bg, fg, ok: ratio(fg, bg) >= 4.5 }).toEqual({ name, bg, fg, ok: true });
  }
});

/** A controllable matchMedia: which queries match, and their change listeners. */
function mediaQueries(initial: Record<string, boolean>) {
  const state = { ...initial };
  const listeners = new Map<string, Set<() => void>>();
  window.matchMedia = ((query: string) => ({
    get matches() {
      return state[query] ?? false;
    },
    media: query,
    addEventListener: (_: string, l: () => void) => {
      if (!listeners.has(query)) listeners.set(query, new Set());
      listeners.get(query)!.add(l);
    },
    removeEventListener: (_: string, l: () => void) => listeners.get(query)?.delete(l),
    addListener: () => undefined,
    removeListener: () => undefined,
    onchange: null,
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  return {
    set(query: string, value: boolean) {
      state[query] = value;
      for (const l of listeners.get(query) ?? []) l();
    },
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

const DARK = "(prefers-color-scheme: dark)";
const FORCED = "(forced-colors: active)";

describe("useHostTheme", () => {
  afterEach(() => {
    cleanup();
    delete (globalThis as { Office?: unknown }).Office;
  });

  test("in a browser it follows prefers-color-scheme and forced colours as they change, and lets go on unmount", () => {
    const media = mediaQueries({ [DARK]: true });
    const { result, unmount } = renderHook(() => useHostTheme("browser"));
    expect(result.current).toBe("dark");
    act(() => media.set(DARK, false));
    expect(result.current).toBe("light");
    act(() => media.set(FORCED, true));
    expect(result.current).toBe("contrast");
    unmount();
    expect(media.listenerCount()).toBe(0);
  });

  test("in Excel it reads Office.context.officeTheme, and again when the pane gets focus", () => {
    mediaQueries({ [DARK]: true });
    const officeTheme = { isDarkTheme: false, bodyBackgroundColor: "#ffffff" };
    (globalThis as { Office?: unknown }).Office = { context: { officeTheme } };
    const { result } = renderHook(() => useHostTheme("excel"));
    // Excel's theme, not the system's.
    expect(result.current).toBe("light");
    Object.assign(officeTheme, { isDarkTheme: true, bodyBackgroundColor: "#262626" });
    act(() => {
      window.dispatchEvent(new Event("focus"));
    });
    expect(result.current).toBe("black");
    Object.assign(officeTheme, { isDarkTheme: true, bodyBackgroundColor: "#666666" });
    act(() => {
      document.dispatchEvent(new Event("visibilitychange"));
    });
    expect(result.current).toBe("dark");
  });

  test("in Excel before Office.context answers, it falls back to the system's scheme", () => {
    mediaQueries({ [DARK]: true });
    (globalThis as { Office?: unknown }).Office = {
      get context(): never {
        throw new Error("Office.context is not ready");
      },
    };
    const { result } = renderHook(() => useHostTheme("excel"));
    expect(result.current).toBe("dark");
  });
});

test("the whole pane wears the theme: its root says which, and the page's colour scheme follows", async () => {
  mediaQueries({ [DARK]: true });
  const { App } = await import("../../src/taskpane/App");
  const { container } = render(<App host={undefined} />);
  const root = container.querySelector("[data-theme]");
  expect(root?.getAttribute("data-theme")).toBe("dark");
  expect(document.documentElement.style.colorScheme).toBe("dark");
});
