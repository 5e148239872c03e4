import { Button, Caption1, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { DraftAction } from "../hooks/useDraftCriteria";
import { t } from "../i18n";
import { usePane } from "../PaneContext";
import { useCriteriaSectionStyles } from "./CriteriaSection.styles";
import { ProblemList } from "./ProblemList";

/** The button "Tạo bộ tiêu chí từ trang này" and its outcome: the items to confirm, what did not add up. */
export function DraftFromForm({ action, disabled }: { action: DraftAction; disabled?: boolean }) {
  const styles = useCriteriaSectionStyles();
  const { host } = usePane();
  const { status } = action;
  const label = t(host === "excel" ? "draft.run" : "draft.runBrowser");
  return (
    <>
      <Button
        size="small"
        onClick={() => void action.run()}
        disabled={disabled || status.kind === "busy"}
        title={t("draft.hint")}
        data-testid="draft-criteria"
      >
        {label}
      </Button>
      {status.kind === "busy" && <Spinner size="extra-tiny" label={t("draft.running")} />}
      <div data-testid="draft-criteria-status" className={styles.sheetCheck} aria-live="polite">
        {status.kind === "done" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {status.text}
              {status.notes.length > 0 && (
                <>
                  <Caption1 block>{t("draft.notes")}</Caption1>
                  <ul>
                    {status.notes.map((n, i) => (
                      <li key={i}>{n}</li>
                    ))}
                  </ul>
                </>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "info" && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "refused" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              {status.text}
              <ProblemList problems={status.problems} label={label} />
            </MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "failed" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </>
  );
}
