import { Button, Caption1 } from "@fluentui/react-components";
import { t } from "../i18n";
import type { PickedFile } from "../session";
import { LastYearPicker, type PickedFileState } from "./LastYearPicker";
import { ActionStatusView, type ActionStatus } from "./ScoreSection";
import { Section } from "./Section";
import { useSeasonStyles } from "./season.styles";

export interface ReportAction {
  status: ActionStatus;
  build: (lastYear?: PickedFile) => Promise<void>;
}

/** "Báo cáo": the Word report of the open workbook's units, as `cchc report` writes it, downloaded. */
export function ReportSection({
  canBuild,
  report,
  lastYear,
}: {
  canBuild: boolean;
  report: ReportAction;
  /** Last year's results, shared with "Tổng hợp". */
  lastYear: PickedFileState;
}) {
  const styles = useSeasonStyles();
  const busy = report.status.kind === "busy";
  return (
    <Section id="report" title={t("section.report")}>
      <Caption1 className={styles.hint}>{t("report.hint")}</Caption1>
      <LastYearPicker
        file={lastYear.file}
        onPick={(f) => void lastYear.pick(f)}
        onClear={lastYear.clear}
        disabled={busy}
        testId="report-last-year"
      />
      <div className={styles.bar}>
        <Button
          disabled={!canBuild || busy}
          onClick={() => void report.build(lastYear.file)}
          data-testid="report-button"
        >
          {t("report.run")}
        </Button>
      </div>
      <ActionStatusView status={report.status} testId="report-status" />
    </Section>
  );
}
