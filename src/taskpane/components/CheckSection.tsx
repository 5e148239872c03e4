import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Switch,
  mergeClasses,
} from "@fluentui/react-components";
import type { Report } from "../../core/report/report";
import type { ListedFinding } from "../findingsView";
import { formatTime } from "../format";
import { t } from "../i18n";
import { useLang } from "../PaneContext";
import { FindingsList } from "./FindingsList";
import { Section } from "./Section";
import { UnitsTable } from "./UnitsTable";
import { useCheckSectionStyles } from "./CheckSection.styles";
import type { Work } from "../hooks/useWork";
import { WorkProgressView } from "./WorkProgressView";

export interface GoToStatus {
  text: string;
  intent: "info" | "success" | "error";
  /** The finding is on a hidden sheet: the offer to unhide it and go there. */
  unhide?: { sheet: string; run: () => void };
}

export interface CheckSectionProps {
  mode: "excel" | "browser";
  report: Report | undefined;
  checking: boolean;
  /** The check's progress and stop (in a browser, opening the file's). */
  work?: Work;
  /** The person stopped the last check. */
  stopped?: boolean;
  checkedAt: Date | undefined;
  error: string | undefined;
  /** Excel mode only: run the check now. */
  onCheck?: () => void;
  canCheck: boolean;
  auto?: { enabled: boolean; pending: boolean; onToggle: (enabled: boolean) => void };
  currentFinding: number | undefined;
  onPickFinding: (item: ListedFinding) => void;
  goToStatus: GoToStatus | undefined;
  onDismissGoTo: () => void;
  onGoToSheet?: (sheet: string) => void;
}

/** "Kiểm tra": the check, its findings (filterable, each going to its cell) and the units' scores. */
export function CheckSection(props: CheckSectionProps) {
  const styles = useCheckSectionStyles();
  const lang = useLang();
  const { mode, report } = props;
  return (
    <Section id="check" title={t("section.check")}>
      {mode === "excel" && (
        <div className={styles.bar}>
          <Button
            appearance="primary"
            onClick={props.onCheck}
            disabled={!props.canCheck || props.checking}
          >
            {report ? t("check.rerun") : t("check.run")}
          </Button>
          {props.auto && (
            <Switch
              label={t("check.auto")}
              checked={props.auto.enabled}
              onChange={(_e, data) => props.auto?.onToggle(data.checked)}
            />
          )}
        </div>
      )}
      <div aria-live="polite" className={styles.bar}>
        {props.checking && props.work ? (
          <WorkProgressView label={t("check.running")} work={props.work} testId="check-progress" />
        ) : props.checking ? (
          <Spinner size="extra-tiny" label={t("check.running")} />
        ) : props.stopped ? (
          <Caption1 className={styles.muted}>{t("check.stopped")}</Caption1>
        ) : props.auto?.pending ? (
          <Caption1 className={styles.muted}>{t("check.autoPending")}</Caption1>
        ) : props.checkedAt ? (
          <Caption1 className={styles.muted}>
            {t("check.checkedAt", { time: formatTime(props.checkedAt, lang) })}
          </Caption1>
        ) : mode === "excel" ? (
          <Caption1 className={styles.muted}>{t("check.notYet")}</Caption1>
        ) : !report ? (
          <Caption1 className={styles.muted}>{t("check.needWorkbook")}</Caption1>
        ) : null}
      </div>
      {props.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t("check.failed", { reason: props.error })}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <>
          <h3 className={styles.subheading} id="findings-title">
            {t("check.findings")}
          </h3>
          <Caption1 className={styles.muted}>
            {mode === "browser" ? t("check.browserGoHint") : t("check.excelGoHint")}
          </Caption1>
          <FindingsList
            report={report}
            currentId={props.currentFinding}
            onPick={props.onPickFinding}
          />
          <h3 className={styles.subheading} id="units-title">
            {t("units.title")}
          </h3>
          <UnitsTable
            units={report.units}
            headingId="units-title"
            onGoToSheet={props.onGoToSheet}
          />
        </>
      )}
      {/* Where the last clicked finding is: sticks to the bottom of the pane while the list scrolls. */}
      <div
        role="status"
        aria-live="polite"
        data-testid="goto-status"
        className={mergeClasses(
          styles.statusBox,
          props.goToStatus && styles.status,
          props.goToStatus && styles[`status${props.goToStatus.intent}`]
        )}
      >
        {props.goToStatus && (
          <div className={styles.statusRow}>
            <span className={styles.statusText}>{props.goToStatus.text}</span>
            {props.goToStatus.unhide && (
              <Button size="small" onClick={props.goToStatus.unhide.run} data-testid="goto-unhide">
                {t("goto.unhide", { sheet: props.goToStatus.unhide.sheet })}
              </Button>
            )}
            <Button
              size="small"
              appearance="transparent"
              onClick={props.onDismissGoTo}
              data-testid="goto-dismiss"
            >
              {t("goto.dismiss")}
            </Button>
          </div>
        )}
      </div>
    </Section>
  );
}
