import { checkWorkbook, KnownUnitCheck, WorkbookCheck } from "../check/checkWorkbook";
import { WorkbookRead } from "../port";
import { CriteriaInUse, criteriaInUse, CriteriaOptions } from "./criteriaInUse";
import { ReadPurpose, WorkbookPort } from "./workbookPort";

/** A stage of a run, in order: reading the workbook, checking it, writing what the run planned. */
export type RunStep = "reading" | "checking" | "writing";

export interface CheckOptions extends CriteriaOptions {
  /** The file's name, for the findings (the command line, the browser mode). */
  file?: string;
  /**
   * Told each stage before it starts (the pane's progress). Throwing there stops the run: before "writing", nothing
   * has been written; a run is never stopped halfway through its write.
   */
  onStep?: (step: RunStep) => void | Promise<void>;
  /** Unit sheets checked before with the set in use (a consolidation's files): not checked again. */
  known?: KnownUnitCheck;
}

export interface Checked extends CriteriaInUse {
  read: WorkbookRead;
  check: WorkbookCheck;
}

/** "Kiểm tra": reads the workbook, finds the criteria set that applies and checks every unit sheet. */
export async function check(
  port: Pick<WorkbookPort, "read">,
  options: CheckOptions,
  purpose: ReadPurpose = "check"
): Promise<Checked> {
  await options.onStep?.("reading");
  const read = await port.read(purpose);
  await options.onStep?.("checking");
  return checkRead(read, options);
}

/** The check of a workbook already read. */
export function checkRead(read: WorkbookRead, options: CheckOptions): Checked {
  const criteria = criteriaInUse(read, options);
  return {
    ...criteria,
    read,
    check: checkWorkbook(criteria.set, read, options.file, options.known),
  };
}
