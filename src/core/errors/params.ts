import { Lang } from "../i18n/lang";
import { TypedCellConflict } from "../plan/unitPlan";
import { Problem } from "../problem";

export type None = Record<string, never>;

/** The params of each code's message (and what a face needs besides, e.g. a refused set's problems). */
export interface DomainErrorParams {
  "file-not-found": None;
  "file-unreadable": { reason: string };
  "file-empty": None;
  "not-xlsx": { looksLike?: string };
  "xls-binary": None;
  encrypted: None;
  damaged: { missing?: string; reason?: string };
  "no-worksheets": None;
  "too-large": { size: string | number; limit: string | number };
  /** No criteria set given and the workbook has no criteria sheet. */
  "no-criteria": None;
  /** `sheet`: the workbook's criteria sheet, where the refused set came from one. */
  "criteria-refused": { count: number; sheet?: string; problems?: Problem[] };
  "criteria-not-json": { reason: string };
  "criteria-unknown-type": None;
  /** `criteria --from-form`: the named sheet (or, without one, every sheet) has no scoring table. */
  "form-not-found": { sheet?: string };
  "out-exists-as-input": None;
  "out-is-input": { file: string };
  "out-is-criteria": { file: string };
  "out-not-regular": { kind: string };
  "write-failed": { reason: string };
  /** Sheets a run would write to are protected: nothing was written. */
  "sheet-protected": { sheets: string; count: number };
  "beyond-limits": {
    what: string;
    sheet?: string;
    range?: string;
    count?: string | number;
    limit?: string | number;
  };
  "nothing-to-revert": None;
  "revert-conflicts": { count: number };
  "snapshot-unreadable": { reason: string };
  "bad-arguments": { detail: string };
  opendocument: { kind: string };
  /** `diff`: a workbook with no unit scoring sheet. */
  "no-unit-sheets": None;
  /** `--previous LAST` is neither a cchc --json report nor a summary workbook written by cchc. */
  "previous-unrecognised": { reason?: string };
  internal: { reason: string };
  /** Someone changed a cell the run would write, between the read and the write (`cells` as shown). */
  "workbook-changed": { cells: string; count: number; changed?: { sheet: string; cell: string }[] };
  "host-too-old": { version: string };
  /** A ribbon command would replace typed values with formulas; it cannot ask, so it wrote nothing. */
  "typed-cells-not-confirmed": { count: number; conflicts?: TypedCellConflict[] };
  "structure-protected": None;
  "sheet-hidden": { sheet: string };
}

export type DomainErrorCode = keyof DomainErrorParams;

/** A code's params, optional where it has none. */
export type ParamsArg<C extends DomainErrorCode> = None extends DomainErrorParams[C]
  ? [params?: DomainErrorParams[C]]
  : [params: DomainErrorParams[C]];

/** Messages for the codes `K`, in each language. */
export type Texts<K extends DomainErrorCode> = Record<
  Lang,
  { [C in K]: (p: DomainErrorParams[C]) => string }
>;
