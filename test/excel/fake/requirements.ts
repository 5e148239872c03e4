/** Answers Office.context.requirements.isSetSupported("ExcelApi", "1.x") for x up to maxMinor. */
export function installRequirementSets(maxMinor: number): () => void {
  const g = globalThis as Record<string, unknown>;
  const before = g.Office;
  g.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) =>
          name === "ExcelApi" && Number(version.split(".")[1] ?? 0) <= maxMinor,
      },
    },
  };
  return () => {
    g.Office = before;
  };
}

/** For a test file or describe block: ExcelApi 1.1 to 1.maxMinor supported around each test. */
export function useRequirementSets(maxMinor: number): void {
  let restore: () => void;
  beforeEach(() => (restore = installRequirementSets(maxMinor)));
  afterEach(() => restore());
}
