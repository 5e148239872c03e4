import { Button, Caption1, Text } from "@fluentui/react-components";
import type { PickedFileState } from "./LastYearPicker";
import { t } from "../i18n";
import type { PickedFile } from "../session";
import { LastYearPicker } from "./LastYearPicker";
import { ActionStatusView, type ActionStatus } from "./ScoreSection";
import { Section } from "./Section";
import { useSummarySectionStyles } from "./SummarySection.styles";

export interface SummarySectionProps {
  mode: "excel" | "browser";
  canBuild: boolean;
  status: ActionStatus;
  onBuild: (lastYear?: PickedFile) => void;
  /** Excel: last year's results, written beside this year's (shared with "Báo cáo"). */
  lastYear?: PickedFileState;
}

/** "Tổng hợp": Excel builds the summary sheet; in a browser the scored download already has it. */
export function SummarySection({ mode, canBuild, status, onBuild, lastYear }: SummarySectionProps) {
  const styles = useSummarySectionStyles();
  return (
    <Section id="summary" title={t("section.summary")}>
      {mode === "browser" ? (
        <Text>{t("summary.browser")}</Text>
      ) : (
        <>
          <Caption1 className={styles.hint}>{t("summary.hintExcel")}</Caption1>
          {lastYear && (
            <LastYearPicker
              file={lastYear.file}
              onPick={(f) => void lastYear.pick(f)}
              onClear={lastYear.clear}
              disabled={status.kind === "busy"}
              testId="summary-last-year"
            />
          )}
          <div className={styles.bar}>
            <Button
              disabled={!canBuild || status.kind === "busy"}
              onClick={() => onBuild(lastYear?.file)}
              data-testid="summary-button"
            >
              {t("summary.run")}
            </Button>
          </div>
          <ActionStatusView status={status} testId="summary-status" />
        </>
      )}
    </Section>
  );
}
