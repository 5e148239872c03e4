import { Button, Caption1, Text } from "@fluentui/react-components";
import { t } from "../i18n";
import { ActionStatusView, type ActionStatus } from "./ScoreSection";
import { Section } from "./Section";
import { useSummarySectionStyles } from "./SummarySection.styles";

export interface SummarySectionProps {
  mode: "excel" | "browser";
  canBuild: boolean;
  status: ActionStatus;
  onBuild: () => void;
}

/** "Tổng hợp": Excel builds the summary sheet; in a browser the scored download already has it. */
export function SummarySection({ mode, canBuild, status, onBuild }: SummarySectionProps) {
  const styles = useSummarySectionStyles();
  return (
    <Section id="summary" title={t("section.summary")}>
      {mode === "browser" ? (
        <Text>{t("summary.browser")}</Text>
      ) : (
        <>
          <Caption1 className={styles.hint}>{t("summary.hintExcel")}</Caption1>
          <div className={styles.bar}>
            <Button
              disabled={!canBuild || status.kind === "busy"}
              onClick={onBuild}
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
