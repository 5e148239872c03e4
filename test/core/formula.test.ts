import {
  formulaKey,
  functionsIn,
  hasArrayConstant,
  hasIntersection,
  hasUnion,
  sheetsReferenced,
  shiftFormula,
} from "../../src/core/formula/formulaText";
import { tokenize } from "../../src/core/formula/tokenize";

const kinds = (f: string) => tokenize(f).map((t) => `${t.kind}:${t.text}`);

describe("tokenize", () => {
  it.each([
    "SUM(E10:E12)+'An Bình'!F5",
    'IF(ISNUMBER(MATCH(TRIM($F12),_cchc.marks,0)),"KĐG ""x""",N(G12))',
    "{1,2;3,4}",
    "Table1[[#This Row],[Điểm]]*2",
    "[1]Sheet1!$A$1 + Sheet1:Sheet3!B2",
    "LOG10(A1)&A1B&TRUE",
  ])("gives the formula back when its tokens are joined: %s", (f) => {
    expect(
      tokenize(f)
        .map((t) => t.text)
        .join("")
    ).toBe(f);
  });

  it("tells references from functions and names that look like them", () => {
    expect(kinds("LOG10(A1)+Q1Data+XFD1048576+XFE1")).toEqual([
      "function:LOG10(",
      "ref:A1",
      "close:)",
      "operator:+",
      "name:Q1Data",
      "operator:+",
      "ref:XFD1048576",
      "operator:+",
      "name:XFE1",
    ]);
  });

  it("reads quoted sheet names with doubled quotes, whole columns and rows, and error literals", () => {
    expect(kinds("'It''s'!A:B+Bình!1:3+#REF!")).toEqual([
      "ref:'It''s'!A:B",
      "operator:+",
      "ref:Bình!1:3",
      "operator:+",
      "error:#REF!",
    ]);
  });

  it("keeps a string whole, with quotes and braces inside", () => {
    expect(kinds('"a{b}""c",1')).toEqual(['string:"a{b}""c"', "comma:,", "number:1"]);
  });
});

describe("shiftFormula", () => {
  it.each([
    ["SUM(E10:E12)", 3, 0, "SUM(E13:E15)"],
    ["$E$10+E$10+$E10", 2, 1, "$E$10+F$10+$E12"],
    ["'An Bình'!F5*2", 1, 1, "'An Bình'!G6*2"],
    ["SUM(A:A)+SUM(3:3)", 2, 2, "SUM(C:C)+SUM(5:5)"],
    ['"E10"&E10', 1, 0, '"E10"&E11'],
    ["CotDiem+_cchc.list.2", 5, 5, "CotDiem+_cchc.list.2"],
    ["A1+B2", -1, 0, "#REF!+B1"],
    ["Sheet2!A1", 0, -1, "Sheet2!#REF!"],
  ])("%s moved by %i rows and %i columns is %s", (f, r, c, expected) => {
    expect(shiftFormula(f as string, r as number, c as number)).toBe(expected);
  });
});

describe("formulaKey", () => {
  it("compares without the =, spaces outside strings and case outside strings", () => {
    expect(formulaKey("=sum( e10 , 'an bình'!f5 )")).toBe(formulaKey("SUM(E10,'An Bình'!F5)"));
    expect(formulaKey('IF(A1="KĐG",1,0)')).not.toBe(formulaKey('IF(A1="kđg",1,0)'));
    expect(formulaKey('"a b"')).toBe('"a b"');
  });
});

describe("what a rule formula may not hold", () => {
  it.each([
    ['ISNUMBER(MATCH(TRIM($F12),{"KĐG","N/A"},0))', true],
    ["ISNUMBER(MATCH(TRIM($F12),_cchc.marks,0))", false],
    ['"{not an array}"', false],
  ])("array constant in %s: %s", (f, expected) => {
    expect(hasArrayConstant(f as string)).toBe(expected);
  });

  it.each([
    ["SUM((A1,B1))", true],
    ["A1,B1", true],
    ["SUM(A1,B1)", false],
    ["IF(AND(A1>0,B1>0),1,0)", false],
    ["MATCH(A1,{1,2},0)", false],
  ])("union in %s: %s", (f, expected) => {
    expect(hasUnion(f as string)).toBe(expected);
  });

  it.each([
    ["A1:B5 B2:C9", true],
    ["SUM(A1:B5) + 1", false],
    ["Cot1 Hang2", true],
    ['"a b"', false],
  ])("intersection in %s: %s", (f, expected) => {
    expect(hasIntersection(f as string)).toBe(expected);
  });

  it("lists the functions called, prefixes kept", () => {
    expect(functionsIn("IF(ISNUMBER(A1),_xlfn.XLOOKUP(1,B:B,C:C),sum(1))")).toEqual([
      "IF",
      "ISNUMBER",
      "_XLFN.XLOOKUP",
      "SUM",
    ]);
  });
});

describe("sheetsReferenced", () => {
  it("names each sheet a reference points at, quoted or not, both ends of a 3-D range, not other workbooks", () => {
    expect(
      sheetsReferenced(
        "'Tổng hợp'!C5+Xã_A!E7+SUM(Sheet1:Sheet3!B2)+'Ea H''leo'!A1+[1]Khác!A1+'[2]Ngoài'!A1+\"'Chuỗi'!A1\"+E5"
      )
    ).toEqual(["Tổng hợp", "Xã_A", "Sheet1", "Sheet3", "Ea H'leo"]);
  });
});
