import {
  Badge,
  Button,
  Caption1,
  Field,
  SearchBox,
  Text,
  ToggleButton,
  mergeClasses,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Report, ReportFinding } from "../../core/report/report";
import {
  SEVERITIES,
  filterFindings,
  groupFindings,
  type ListedFinding,
  type Severity,
} from "../findingsView";
import { t, type MessageKey } from "../i18n";
import { useFindingsListStyles } from "./FindingsList.styles";

const SEVERITY_LABEL: Record<Severity, MessageKey> = {
  error: "severity.error",
  warning: "severity.warning",
  info: "severity.info",
};
export const SEVERITY_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

export interface FindingsListProps {
  report: Report;
  currentId: number | undefined;
  onPick: (item: ListedFinding) => void;
}

function FindingButton({
  item,
  current,
  onPick,
}: {
  item: ListedFinding;
  current: boolean;
  onPick: (item: ListedFinding) => void;
}) {
  const styles = useFindingsListStyles();
  const f: ReportFinding = item.finding;
  return (
    <li>
      <Button
        appearance="subtle"
        className={mergeClasses(styles.finding, styles[f.severity], current && styles.current)}
        aria-current={current ? "true" : undefined}
        data-testid="finding"
        data-severity={f.severity}
        data-sheet={f.sheet ?? ""}
        data-cell={f.cell ?? ""}
        onClick={() => onPick(item)}
      >
        <span className={styles.where}>
          {f.cell !== undefined ? (
            <span className={styles.cell}>{f.cell}</span>
          ) : (
            t("check.wholeSheet")
          )}
          {f.criterion !== undefined && ` · ${t("check.criterion", { code: f.criterion })}`}
        </span>
        <span className={styles.message}>{f.message}</span>
      </Button>
    </li>
  );
}

/** The findings: counts per severity, the severity and text filter, and the list grouped by sheet and severity. */
export function FindingsList({ report, currentId, onPick }: FindingsListProps) {
  const styles = useFindingsListStyles();
  const [shownSeverities, setShownSeverities] = useState<ReadonlySet<Severity>>(
    new Set(SEVERITIES)
  );
  const [query, setQuery] = useState("");
  const items = useMemo(
    () => filterFindings(report.findings, { severities: shownSeverities, query }),
    [report, shownSeverities, query]
  );
  const groups = useMemo(() => groupFindings(items, report.units), [items, report]);
  const total = report.findings.length;

  const toggle = (severity: Severity) => {
    const next = new Set(shownSeverities);
    if (next.has(severity)) next.delete(severity);
    else next.add(severity);
    setShownSeverities(next);
  };

  if (total === 0)
    return (
      <Text role="status" data-testid="findings-none">
        {t("check.none")}
      </Text>
    );

  return (
    <>
      <div className={styles.filters} role="search" aria-label={t("check.filter")}>
        <div
          className={styles.toggles}
          role="group"
          aria-label={t("check.filterSeverity")}
          data-testid="severity-filter"
        >
          {SEVERITIES.map((severity) => (
            <ToggleButton
              key={severity}
              size="small"
              checked={shownSeverities.has(severity)}
              onClick={() => toggle(severity)}
              data-severity={severity}
              data-count={report.counts[severity]}
              aria-label={`${t(SEVERITY_LABEL[severity])} (${report.counts[severity]})`}
            >
              {t(SEVERITY_LABEL[severity])}
              <Badge
                size="small"
                appearance={shownSeverities.has(severity) ? "filled" : "outline"}
                color={SEVERITY_COLOR[severity]}
                className={styles.count}
              >
                {report.counts[severity]}
              </Badge>
            </ToggleButton>
          ))}
        </div>
        <Field label={t("check.search")} size="small">
          <SearchBox
            size="small"
            className={styles.search}
            placeholder={t("check.searchPlaceholder")}
            value={query}
            onChange={(_e, data) => setQuery(data.value)}
          />
        </Field>
      </div>
      <Caption1 className={styles.shown} aria-live="polite" data-testid="findings-shown">
        {items.length === total
          ? t("check.total", { count: total })
          : t("check.shown", { shown: items.length, total })}
      </Caption1>
      {items.length === 0 ? (
        <Text>{t("check.noMatch")}</Text>
      ) : (
        <div className={styles.groups} data-testid="findings">
          {groups.map((group) => (
            <div
              key={group.sheet ?? "\u0000"}
              data-testid="finding-group"
              data-sheet={group.sheet ?? ""}
            >
              <h4 className={styles.sheetHeading}>
                <span>{group.sheet ?? t("check.wholeWorkbook")}</span>
                <span className={styles.sheetCount}>{group.count}</span>
              </h4>
              {group.severities.map((sg) => (
                <div key={sg.severity}>
                  <h5 className={styles.severityHeading}>
                    {t(SEVERITY_LABEL[sg.severity])}
                    <Badge size="small" appearance="tint" color={SEVERITY_COLOR[sg.severity]}>
                      {sg.items.length}
                    </Badge>
                  </h5>
                  <ul className={styles.list}>
                    {sg.items.map((item) => (
                      <FindingButton
                        key={item.id}
                        item={item}
                        current={item.id === currentId}
                        onPick={onPick}
                      />
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </>
  );
}
