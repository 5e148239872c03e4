import { Button, Caption1, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { t } from "../i18n";
import type { Work } from "../hooks/useWork";
import type { ConflictView, RevertConflictView } from "../session";
import { ConflictsTable } from "./ConflictsTable";
import { RevertConflictsTable } from "./RevertConflictsTable";
import { Section } from "./Section";
import { useScoreSectionStyles } from "./ScoreSection.styles";
import { WorkProgressView } from "./WorkProgressView";

export type ActionStatus =
  | { kind: "idle" }
  /** `stoppable`: long work with its progress and "Dừng" (the section's Work). */
  | { kind: "busy"; label: string; stoppable?: boolean }
  | {
      kind: "done";
      text: string;
      conflicts?: ConflictView[];
      /** What the run could not do or did differently, in the pane's language. */
      notices?: string[];
      /** Revert conflicts left as they are (after restoring what is safe). */
      left?: RevertConflictView[];
    }
  /** Undo found what the person changed since the run and wrote nothing: they may restore what is safe. */
  | { kind: "revertConflicts"; text: string; conflicts: RevertConflictView[] }
  | { kind: "info"; text: string }
  | { kind: "failed"; text: string };

/** The outcome of a pane action, announced when it changes. */
export function ActionStatusView({
  status,
  testId,
  onRestoreSafe,
  work,
}: {
  status: ActionStatus;
  testId: string;
  onRestoreSafe?: () => void;
  /** The progress and stop of the section's long work, shown while a stoppable run is busy. */
  work?: Work;
}) {
  return (
    <div aria-live="polite" data-testid={testId}>
      {status.kind === "busy" &&
        (status.stoppable && work ? (
          <WorkProgressView label={status.label} work={work} testId={`${testId}-work`} />
        ) : (
          <Spinner size="extra-tiny" label={status.label} />
        ))}
      {status.kind === "revertConflicts" && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {status.text}
            <RevertConflictsTable conflicts={status.conflicts} />
            {onRestoreSafe && (
              <Button size="small" onClick={onRestoreSafe} data-testid="restore-safe-button">
                {t("score.restoreSafe")}
              </Button>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
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
            {status.kind === "done" && status.notices && status.notices.length > 0 && (
              <div data-testid={`${testId}-notices`}>
                {t("score.notices")}
                <ul>
                  {status.notices.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              </div>
            )}
            {status.kind === "done" && status.left && status.left.length > 0 && (
              <RevertConflictsTable conflicts={status.left} />
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
  /** Excel: after undo listed conflicts, restore what is safe. */
  onRestoreSafe?: () => void;
  /** In a browser: a workbook is open (its undo data, if any, is read when asked). */
  canRevert?: boolean;
  /** The score's progress and stop. */
  work?: Work;
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
  onRestoreSafe,
  canRevert = true,
  work,
}: ScoreSectionProps) {
  const styles = useScoreSectionStyles();
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
      <ActionStatusView
        status={status}
        testId="score-status"
        onRestoreSafe={busy ? undefined : onRestoreSafe}
        work={work}
      />
    </Section>
  );
}
