/**
 * What Fluent UI asks of a browser that jest's jsdom lacks, for the pane's jsdom tests: matchMedia (no media
 * query matches: light, no forced colours) and ResizeObserver (a MessageBar's reflow). Each is installed only
 * where jsdom has none.
 */
export function installBrowserStubs(): void {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    onchange: null,
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
