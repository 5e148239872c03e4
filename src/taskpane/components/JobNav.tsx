import { Badge, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Report } from "../../core/report/report";
import { t } from "../i18n";
import { JOBS, jobPanelId, jobTabId, type Job } from "../jobs";

const useStyles = makeStyles({
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  tabs: { flexWrap: "wrap" },
  counts: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    paddingInline: tokens.spacingHorizontalS,
  },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  countButton: {
    border: "none",
    padding: 0,
    background: "none",
    cursor: "pointer",
    font: "inherit",
  },
});

export interface JobNavProps {
  job: Job;
  onJob: (job: Job) => void;
  report?: Report;
  checking: boolean;
}

/**
 * The jobs as tabs (Fluent's TabList: arrow keys move between them, each tab names its panel), and under them
 * the check's counts, in sight whatever the job: errors and warnings take you to the findings.
 */
export function JobNav({ job, onJob, report, checking }: JobNavProps) {
  const styles = useStyles();
  return (
    <nav className={styles.bar} aria-label={t("jobs.label")}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={job}
        onTabSelect={(_e, data) => onJob(data.value as Job)}
      >
        {JOBS.map((j) => (
          <Tab key={j} value={j} id={jobTabId(j)} aria-controls={jobPanelId(j)} data-job={j}>
            {t(`jobs.${j}`)}
          </Tab>
        ))}
      </TabList>
      <div
        className={styles.counts}
        role="status"
        aria-label={t("counts.label")}
        data-testid="counts-bar"
      >
        {checking ? (
          <Text size={200}>{t("counts.checking")}</Text>
        ) : !report ? (
          <Text size={200}>{t("counts.none")}</Text>
        ) : (
          <>
            {(["error", "warning"] as const).map((severity) => (
              <button
                key={severity}
                type="button"
                className={styles.countButton}
                onClick={() => onJob("check")}
                data-testid={`count-${severity}`}
              >
                <Badge
                  appearance="tint"
                  color={severity === "error" ? "danger" : "warning"}
                  size="medium"
                >
                  {t(severity === "error" ? "counts.errors" : "counts.warnings", {
                    count: report.counts[severity],
                  })}
                </Badge>
              </button>
            ))}
            <Text size={200} data-testid="count-units">
              {t("counts.units", { count: report.units.length })}
            </Text>
          </>
        )}
      </div>
    </nav>
  );
}

/** A job's panel: kept in the page when another job is shown (hidden), so nothing in it is lost. */
export function JobPanel({
  job,
  current,
  children,
}: {
  job: Job;
  current: Job;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div
      role="tabpanel"
      id={jobPanelId(job)}
      aria-labelledby={jobTabId(job)}
      hidden={job !== current}
      data-job-panel={job}
      // Only the shown panel gets the class: its display would override the hidden attribute.
      className={job === current ? styles.panel : undefined}
    >
      {children}
    </div>
  );
}
