/** Last year's results as `summary --previous` reads them, from a --json report or a summary workbook. */
export interface LastYear {
  kind: "report" | "summary-workbook";
  criteriaSet: { id: string; title: string; year?: number } | null;
  /**
   * The criteria it shows and how deep: "leaves" (a summary workbook's leaf table: every leaf's code and max),
   * "fields" (a report: each unit's fields), "none" (nothing to compare the criteria with).
   */
  criteria: { depth: "leaves" | "fields" | "none"; nodes: { code: string; max: number }[] };
  units: LastYearUnit[];
}

export interface LastYearUnit {
  name: string;
  sheet?: string;
  index: number;
  rank: number;
  band: string;
}
