/**
 * The Excel session of the pane's jsdom tests: a fake of src/taskpane/modes/excelSession (the real one needs
 * Excel) over a checked two-unit workbook, whose score asks once about one typed value.
 */
import { cleanup, configure } from "@testing-library/react";
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { buildReport, Report } from "../../src/core/report/report";
import type { CheckOutcome, ConflictView, ExcelSession } from "../../src/taskpane/session";
import { setLang } from "../../src/taskpane/i18n";
import { installBrowserStubs } from "./jsdomBrowser";
import { fixtureSet } from "./sample";
import { unitSheet } from "./workbookBuilder";

export const SET = fixtureSet();

export function sampleReport(): Report {
  const sheets = [
    unitSheet(SET, {
      sheet: "Bình Minh",
      unitName: "UBND xã Bình Minh",
      leaves: { "1.3": { self: 0.75 }, "2.2": { evidence: null } },
    }),
    unitSheet(SET, { sheet: "An Bình", unitName: '=HYPERLINK("http://x","y") <b>An Bình</b>' }),
  ];
  const result = checkWorkbook(SET, { sheets });
  return buildReport(SET, result.units, result.findings, "vi", "test");
}

export const OUTCOME: CheckOutcome = {
  criteria: {
    status: "ok",
    summary: {
      id: SET.set.id,
      title: SET.set.title,
      year: 2025,
      maxTotal: SET.maxTotal,
      fields: SET.fields.length,
      leaves: SET.leaves.length,
      source: { kind: "sheet", sheet: "Bộ tiêu chí" },
    },
  },
  report: sampleReport(),
};

export const CONFLICT: ConflictView = {
  sheet: "Bình Minh",
  cell: "E60",
  value: "81,5",
  formula: "SUM(E6,E12)",
};

export interface Fake extends ExcelSession {
  changed?: () => void;
  writing: boolean;
}

export function fakeSession(): jest.Mocked<Fake> {
  const fake = {
    mode: "excel",
    writing: false,
    check: jest.fn(async () => OUTCOME),
    importCriteria: jest.fn(),
    draftCriteria: jest.fn(),
    score: jest.fn(async (_lang: string, confirm: (c: ConflictView[]) => Promise<boolean>) =>
      (await confirm([CONFLICT]))
        ? { done: true as const, conflicts: [CONFLICT] }
        : { done: false as const }
    ),
    revertLastRun: jest.fn(async () => ({ status: "reverted" as const, notices: [], left: [] })),
    buildSummary: jest.fn(async () => ({ done: true as const, conflicts: [] })),
    goTo: jest.fn(async () => undefined),
    watchChanges: jest.fn(async (onChange: () => void) => {
      fake.changed = onChange;
      return async () => {
        fake.changed = undefined;
      };
    }),
    isAddinWriting: jest.fn(() => fake.writing),
  } as unknown as jest.Mocked<Fake>;
  return fake;
}

/**
 * The jsdom pane tests' common setup around the fake session: a longer wait (Fluent's first render is slow under
 * ts-jest), browser stubs, Vietnamese, a new fake session before each test (given to `use`; the test file's
 * jest.mock of excelSession returns it), and the render cleaned up after each test.
 */
export function paneTestSetup(use: (session: jest.Mocked<Fake>) => void): void {
  configure({ asyncUtilTimeout: 5000 });
  beforeAll(() => {
    installBrowserStubs();
    setLang("vi");
  });
  beforeEach(() => use(fakeSession()));
  afterEach(cleanup);
}
