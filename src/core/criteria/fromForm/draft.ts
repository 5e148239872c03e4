import { Problem } from "../../problem";
import { CriteriaSet } from "../model";

/**
 * A criteria set drafted from a scoring form (issue 13): the set, what in it a person must confirm, and what the
 * form said that did not add up. See docs/contracts/criteria-draft.md.
 */
export interface Draft {
  set: CriteriaSet;
  toConfirm: ToConfirm[];
  notes: DraftNote[];
  /** The sheet the draft was read from. */
  sheet: string;
}

/**
 * Why a value is to be confirmed: "default" — the form cannot say it, a safe default was used; "from-name" —
 * guessed from a name (a survey field); "from-title" — read from the title above the table; "no-max" — the form
 * gives no max for a leaf; "no-name" — the row has no name, its code stands in.
 */
export type ConfirmReason = "default" | "from-name" | "from-title" | "no-max" | "no-name";

export interface ToConfirm {
  /** The node or adjustment the keys belong to; absent for keys of the set itself. */
  code?: string;
  keys: string[];
  reason: ConfirmReason;
}

export type DraftNoteCode =
  | "parent-max-mismatch"
  | "total-mismatch"
  | "duplicate-row"
  | "item-without-parent"
  | "item-as-text"
  | "leaf-no-max";

/** Something on the form that did not add up or was left out; every one names its cells. */
export interface DraftNote {
  code: DraftNoteCode;
  sheet: string;
  /** The cell the note is about (A1). */
  cell: string;
  params: Record<string, unknown>;
}

export type DraftResult =
  | { ok: true; draft: Draft }
  /** No table with code, name and max headers: nothing to draft from. */
  | { ok: false; reason: "no-form"; sheet: string }
  /** Never expected: the drafted set fails the loader's own checks (listed). */
  | { ok: false; reason: "invalid"; sheet: string; problems: Problem[] };
