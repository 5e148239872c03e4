import { useCallback } from "react";
import type { CheckOutcome } from "../session";
import { useCriteriaImport } from "./useCriteriaImport";
import { useWorkbookFile } from "./useWorkbookFile";

/**
 * The two other sources of a check's outcome besides checking: a workbook file opened (the browser mode), which
 * clears any check error, and a criteria set imported, after which a scoring's status no longer applies.
 */
export function useOutcomeSources(
  apply: (outcome: CheckOutcome) => void,
  clearError: () => void,
  resetScore: () => void
) {
  const file = useWorkbookFile(
    useCallback(
      (outcome: CheckOutcome) => {
        apply(outcome);
        clearError();
      },
      [apply, clearError]
    ),
    resetScore
  );
  const criteria = useCriteriaImport(
    useCallback(
      (outcome: CheckOutcome) => {
        apply(outcome);
        resetScore();
      },
      [apply, resetScore]
    )
  );
  return { file, criteria };
}
