import { Button, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { CriteriaSheetCheckAction } from "../hooks/useCriteriaSheetCheck";
import { t } from "../i18n";
import { useCriteriaSectionStyles } from "./CriteriaSection.styles";
import { ProblemList } from "./ProblemList";

/** The button "Kiểm tra bộ tiêu chí" and what it found: the criteria sheet's problems, each going to its cell. */
export function CriteriaSheetCheck({
  action,
  disabled,
}: {
  action: CriteriaSheetCheckAction;
  disabled?: boolean;
}) {
  const styles = useCriteriaSectionStyles();
  const { status, goTo } = action;
  const result = status.kind === "done" ? status.result : undefined;
  return (
    <>
      <Button
        size="small"
        onClick={() => void action.run()}
        disabled={disabled || status.kind === "checking"}
      >
        {t("criteria.checkSheet")}
      </Button>
      {status.kind === "checking" && <Spinner size="extra-tiny" label={t("criteria.checkSheet")} />}
      <div data-testid="criteria-sheet-check" className={styles.sheetCheck}>
        {result?.status === "none" && (
          <MessageBar intent="warning">
            <MessageBarBody>{t("criteria.noSheet")}</MessageBarBody>
          </MessageBar>
        )}
        {result?.status === "ok" && (
          <MessageBar intent="success">
            <MessageBarBody>
              {t("criteria.sheetOk", { sheet: result.sheet, leaves: result.leaves })}
            </MessageBarBody>
          </MessageBar>
        )}
        {result?.status === "problems" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              {t("criteria.sheetProblems", { sheet: result.sheet, count: result.problems.length })}
              <ProblemList
                problems={result.problems}
                label={t("criteria.checkSheet")}
                current={goTo.current}
                onPick={(i, p) => void goTo.pickPlace(i, p.sheet, p.cell)}
              />
            </MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "failed" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{t("criteria.checkFailed", { reason: status.reason })}</MessageBarBody>
          </MessageBar>
        )}
        {goTo.status && (
          <MessageBar intent={goTo.status.intent} data-testid="criteria-goto-status">
            <MessageBarBody>{goTo.status.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </>
  );
}
