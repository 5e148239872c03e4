/**
 * @jest-environment jsdom
 *
 * The pane's units table compares like with like (issue 12, item 6): beside the appraised score, the difference on
 * the self-scored part and the survey points, from the report of a real check.
 */
import { cleanup, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { buildReport } from "../../src/core/report/report";
import { UnitsTable } from "../../src/taskpane/components/UnitsTable";
import { setLang } from "../../src/taskpane/i18n";
import { checkSheets, SET } from "../support/checkHelpers";
import { unitSheet } from "../support/workbookBuilder";

afterEach(() => {
  cleanup();
  setLang("vi");
});

test.each(["vi", "en"] as const)(
  "%s: self, appraised, difference on the self-scored part, survey, index, rank, band",
  (lang) => {
    setLang(lang);
    const run = checkSheets([
      unitSheet(SET, { sheet: "A", unitName: "Xã A", appraisalRounds: 1 }),
      unitSheet(SET, {
        sheet: "B",
        unitName: "Xã B",
        appraisalRounds: 1,
        leaves: { "2.5": { self: 1.5, appraised: [0], note: "x" } },
      }),
      unitSheet(SET, { sheet: "C", unitName: "Xã C", appraisalRounds: 0 }),
    ]);
    const units = buildReport(SET, run.units, run.findings, lang, "t").units;
    render(
      <FluentProvider theme={webLightTheme}>
        <UnitsTable units={units} headingId="h" />
      </FluentProvider>
    );
    const n = (x: number) => (lang === "vi" ? String(x).replace(".", ",") : String(x));
    const rows = screen
      .getAllByTestId("unit-row")
      .map((r) => Array.from(r.querySelectorAll("td")).map((td) => td.textContent));
    const a = units[0];
    expect(rows[0]).toEqual([
      expect.stringContaining("Xã A"),
      n(a.self),
      n(a.appraised!),
      "0",
      "27",
      n(a.index),
      String(a.rank),
      a.band,
    ]);
    expect(rows[1].slice(3, 5)).toEqual(["-1" + (lang === "vi" ? ",5" : ".5"), "27"]);
    expect(rows[2].slice(2, 5)).toEqual(["—", "—", "—"]);
  }
);
