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
