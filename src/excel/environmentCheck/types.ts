/** What the environment check ("Kiểm tra môi trường") finds: one result per capability the add-in relies on. */

export const CAPABILITIES = [
  "read",
  "formulas",
  "textLikeFormula",
  "conditionalFormat",
  "listValidation",
  "veryHiddenSheet",
  "changeEvents",
  "navigation",
  "chart",
] as const;

export type CapabilityId = (typeof CAPABILITIES)[number];

export type CapabilityResult =
  | { id: CapabilityId; status: "pass"; note?: string }
  /** `detail`: what went wrong (Office.js's error code and message, or what was read back instead). */
  | { id: CapabilityId; status: "fail"; detail: string }
  /** This host does not offer what the capability needs, and the add-in does without it. */
  | { id: CapabilityId; status: "skipped"; detail: string }
  /** The temporary sheet could not be added: nothing was tried. */
  | { id: CapabilityId; status: "not-run" };

export interface HostInfo {
  host: string;
  platform: string;
  version: string;
  /** Each requirement set the add-in asks about, and whether this host has it. */
  sets: { name: string; version: string; supported: boolean }[];
}

export interface EnvironmentReport {
  at: Date;
  host: HostInfo;
  /** Why nothing could be tried (the temporary sheet could not be added), if so. */
  setupError?: string;
  capabilities: CapabilityResult[];
  /** The temporary sheet, and all else the check added, removed again; else what is left and why. */
  cleanup: { ok: true } | { ok: false; detail: string };
  syncs: number;
}
