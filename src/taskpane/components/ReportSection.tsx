import { Button, Caption1 } from "@fluentui/react-components";
import { usePickedFile } from "../hooks/usePickedFile";
import { useReport } from "../hooks/useReport";
import { t } from "../i18n";
import { LastYearPicker } from "./LastYearPicker";
import { ActionStatusView } from "./ScoreSection";
import { Section } from "./Section";
import { useSeasonStyles } from "./season.styles";

/** "Báo cáo": the Word report of the open workbook's units, as `cchc report` writes it, downloaded. */
export function ReportSection({ canBuild }: { canBuild: boolean }) {
  const styles = useSeasonStyles();
  const report = useReport();
  const lastYear = usePickedFile();
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
