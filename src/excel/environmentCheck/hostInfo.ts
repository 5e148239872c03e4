/** Host, platform, Office version and the requirement sets the add-in asks about, from Office.context. */
import { EXCEL_API } from "../requirements";
import type { HostInfo } from "./types";

/** Every ExcelApi version src/excel asks for (requirements.ts), and the ribbon's dialog (DialogApi 1.1). */
export function requirementSetsAsked(): { name: string; version: string }[] {
  const minor = (v: string) => Number(v.split(".")[1]);
  const excel = [...new Set(Object.values(EXCEL_API))].sort((a, b) => minor(a) - minor(b));
  return [
    ...excel.map((version) => ({ name: "ExcelApi", version })),
    { name: "DialogApi", version: "1.1" },
  ];
}

export function hostInfo(): HostInfo {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const context = office?.context;
  let diagnostics: Partial<Office.ContextInformation> | undefined;
  try {
    diagnostics = context?.diagnostics;
  } catch {
    diagnostics = undefined;
  }
  const supported = (name: string, version: string): boolean => {
    try {
      return context?.requirements?.isSetSupported(name, version) === true;
    } catch {
      return false;
    }
  };
  return {
    host: String(diagnostics?.host ?? "?"),
    platform: String(diagnostics?.platform ?? "?"),
    version: String(diagnostics?.version ?? "?"),
    sets: requirementSetsAsked().map((s) => ({ ...s, supported: supported(s.name, s.version) })),
  };
}
