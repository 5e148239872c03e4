import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { t } from "../i18n";
import type { ConflictView } from "../session";
import { ConflictsTable } from "./ConflictsTable";
import { Section } from "./Section";

export type ActionStatus =
  | { kind: "idle" }
  | { kind: "busy"; label: string }
  | { kind: "done"; text: string; conflicts?: ConflictView[] }
  | { kind: "info"; text: string }
  | { kind: "failed"; text: string };

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The outcome of a pane action, announced when it changes. */
export function ActionStatusView({ status, testId }: { status: ActionStatus; testId: string }) {
  return (
    <div aria-live="polite" data-testid={testId}>
      {status.kind === "busy" && <Spinner size="extra-tiny" label={status.label} />}
      {(status.kind === "done" || status.kind === "info" || status.kind === "failed") && (
        <MessageBar
          intent={status.kind === "done" ? "success" : status.kind === "failed" ? "error" : "info"}
          layout="multiline"
        >
          <MessageBarBody>
            {status.text}
            {status.kind === "done" && status.conflicts && status.conflicts.length > 0 && (
              <>
                <div>{t("score.browserConflicts", { count: status.conflicts.length })}</div>
                <ConflictsTable conflicts={status.conflicts} label={t("score.colFormula")} />
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

export interface ScoreSectionProps {
  mode: "excel" | "browser";
  canScore: boolean;
  status: ActionStatus;
  onScore: () => void;
  onRevert?: () => void;
  /** In a browser: a workbook is open (its undo data, if any, is read when asked). */
  canRevert?: boolean;
}

/**
 * "Tính điểm": in Excel, score (asking before typed values are replaced) and revert; in a browser, download
 * the scored file, or the file with its last run undone.
 */
export function ScoreSection({
  mode,
  canScore,
  status,
  onScore,
  onRevert,
  canRevert = true,
}: ScoreSectionProps) {
  const styles = useStyles();
  const busy = status.kind === "busy";
  return (
    <Section id="score" title={t("section.score")}>
      <Caption1 className={styles.hint}>
        {mode === "excel" ? t("score.hintExcel") : t("score.hintBrowser")}
      </Caption1>
      <div className={styles.bar}>
        <Button
          appearance="primary"
          disabled={!canScore || busy}
          onClick={onScore}
          data-testid="score-button"
        >
          {mode === "excel" ? t("score.run") : t("score.download")}
        </Button>
        {onRevert && (
          <Button disabled={busy || !canRevert} onClick={onRevert} data-testid="revert-button">
            {t("score.revert")}
          </Button>
        )}
      </div>
      {!canScore && status.kind === "idle" && (
        <Caption1 className={styles.hint}>{t("score.needCheck")}</Caption1>
      )}
      <ActionStatusView status={status} testId="score-status" />
    </Section>
  );
}
