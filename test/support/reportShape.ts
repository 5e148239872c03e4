import { RULE_SEVERITY } from "../../src/core/findings/finding";

/**
 * The report of docs/contracts/report.md, checked field by field: every documented field present with its type;
 * extra fields are allowed (the contract lets fields be added), renamed or missing ones are not.
 */
export function reportProblems(r: unknown): string[] {
  const p: string[] = [];
  const obj = (v: unknown, at: string): v is Record<string, unknown> => {
    if (typeof v === "object" && v !== null && !Array.isArray(v)) return true;
    p.push(`${at}: not an object`);
    return false;
  };
  const type = (o: Record<string, unknown>, key: string, t: string, at: string, optional = false) => {
    const v = o[key];
    if (v === undefined && optional) return;
    const ok = t === "array" ? Array.isArray(v) : t === "number|null" ? v === null || typeof v === "number" : typeof v === t;
    if (!ok) p.push(`${at}.${key}: expected ${t}, got ${JSON.stringify(v)}`);
  };
  if (!obj(r, "$")) return p;
  if (obj(r.tool, "$.tool")) {
    type(r.tool, "name", "string", "$.tool");
    type(r.tool, "version", "string", "$.tool");
  }
  if (obj(r.criteriaSet, "$.criteriaSet")) {
    type(r.criteriaSet, "id", "string", "$.criteriaSet");
    type(r.criteriaSet, "title", "string", "$.criteriaSet");
    type(r.criteriaSet, "year", "number", "$.criteriaSet", true);
    type(r.criteriaSet, "maxTotal", "number", "$.criteriaSet");
  }
  type(r, "units", "array", "$");
  ((r.units as unknown[]) ?? []).forEach((u, i) => {
    const at = `$.units[${i}]`;
    if (!obj(u, at)) return;
    for (const k of ["sheet", "name", "band"]) type(u, k, "string", at);
    type(u, "file", "string", at, true);
    for (const k of ["max", "maxApplicable", "self", "bonus", "penalty", "index", "rank"]) type(u, k, "number", at);
    type(u, "appraised", "number|null", at);
    // Added fields (issue 12, item 6: like with like).
    for (const k of ["difference", "appraisedSelfScored", "differenceSelfScored", "survey"]) type(u, k, "number|null", at);
    type(u, "fields", "array", at);
    ((u.fields as unknown[]) ?? []).forEach((f, j) => {
      if (!obj(f, `${at}.fields[${j}]`)) return;
      type(f, "code", "string", `${at}.fields[${j}]`);
      for (const k of ["max", "self"]) type(f, k, "number", `${at}.fields[${j}]`);
      type(f, "appraised", "number|null", `${at}.fields[${j}]`);
      for (const k of ["difference", "appraisedSelfScored", "differenceSelfScored", "survey"]) type(f, k, "number|null", `${at}.fields[${j}]`);
    });
  });
  type(r, "findings", "array", "$");
  ((r.findings as unknown[]) ?? []).forEach((f, i) => {
    const at = `$.findings[${i}]`;
    if (!obj(f, at)) return;
    type(f, "rule", "string", at);
    if (!(String(f.rule) in RULE_SEVERITY)) p.push(`${at}.rule: unknown rule ${f.rule}`);
    if (!["error", "warning", "info"].includes(String(f.severity))) p.push(`${at}.severity: ${f.severity}`);
    for (const k of ["file", "sheet", "cell", "criterion"]) type(f, k, "string", at, true);
    if (f.cell !== undefined && !/^[A-Z]{1,3}[1-9]\d*$/.test(String(f.cell))) p.push(`${at}.cell: not an A1 address`);
    type(f, "message", "string", at);
    if (obj(f.params, `${at}.params`)) void 0;
  });
  if (obj(r.counts, "$.counts")) for (const k of ["error", "warning", "info"]) type(r.counts, k, "number", "$.counts");
  return p;
}
