import { Button, Caption1, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { t } from "../i18n";
import type { Work } from "../hooks/useWork";
import type { WorkProgress } from "../work";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  bar: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  label: { flexGrow: 1, minWidth: 0 },
});

function stepText(progress: WorkProgress): string {
  const { step, done, total } = progress;
  if (step === "writing" && done !== undefined && total)
    return t("work.writingCount", { done, total });
  return t(`work.${step}`);
}

/**
 * A long action in progress: a bar (filled where the stage counts its parts, else moving), what it is doing, and
 * "Dừng". In Excel a write is not stopped halfway, and the pane says so instead of offering to.
 */
export function WorkProgressView({
  label,
  work,
  testId,
}: {
  label: string;
  work: Work;
  testId: string;
}) {
  const styles = useStyles();
  const { progress } = work;
  const value =
    progress?.done !== undefined && progress.total ? progress.done / progress.total : undefined;
  return (
    <div className={styles.root} data-testid={testId}>
      <ProgressBar aria-label={label} value={value} />
      <div className={styles.bar}>
        <Caption1 className={styles.label} data-testid={`${testId}-step`}>
          {progress ? stepText(progress) : label}
        </Caption1>
        <Button
          size="small"
          onClick={work.stop}
          disabled={!work.canStop}
          data-testid={`${testId}-stop`}
        >
          {t("work.stop")}
        </Button>
      </div>
      {!work.canStop && <Caption1>{t("work.noStop")}</Caption1>}
    </div>
  );
}
