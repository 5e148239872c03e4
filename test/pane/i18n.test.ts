import { messageTables, pickLang, t } from "../../src/taskpane/i18n";

describe("pane messages", () => {
  test("Vietnamese and English have the same keys and the same placeholders", () => {
    const { vi, en } = messageTables();
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect({ key, holes: holes(en[key]) }).toEqual({ key, holes: holes(vi[key]) });
      expect(vi[key].trim()).not.toBe("");
    }
  });

  test("English only for English language tags", () => {
    expect(pickLang("en-US")).toBe("en");
    expect(pickLang("EN")).toBe("en");
    expect(pickLang("vi-VN")).toBe("vi");
    expect(pickLang("fr-FR")).toBe("vi");
    expect(pickLang(undefined)).toBe("vi");
  });

  test("placeholders are filled once, and workbook text is never read as a template", () => {
    expect(t("file.opened", { name: "a.xlsx" }, "vi")).toBe("Đang dùng: a.xlsx");
    expect(t("file.opened", { name: "{name} <b>x</b>" }, "en")).toBe("In use: {name} <b>x</b>");
    expect(t("section.check", "en")).toBe("Check");
  });
});
