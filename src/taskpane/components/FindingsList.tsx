import { Badge, Caption1, Field, SearchBox, Text, ToggleButton } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Report } from "../../core/report/report";
import {
  SEVERITIES,
  filterFindings,
  findingRows,
  groupFindings,
  type ListedFinding,
  type Severity,
} from "../findingsView";
import { t } from "../i18n";
import { useFindingsListStyles } from "./FindingsList.styles";
import { FindingRows, SEVERITY_COLOR, SEVERITY_LABEL } from "./FindingRows";

export { SEVERITY_COLOR } from "./FindingRows";

export interface FindingsListProps {
  report: Report;
  currentId: number | undefined;
  onPick: (item: ListedFinding) => void;
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
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => findingRows(groups, collapsed), [groups, collapsed]);
  const toggleGroup = (key: string) => {
    const next = new Set(collapsed);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setCollapsed(next);
  };
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
            >
              {/* The name is the visible text, label and count (WCAG 2.5.3, axe label-content-name-mismatch). */}
              {t(SEVERITY_LABEL[severity])}{" "}
              <Badge
                size="small"
                appearance={shownSeverities.has(severity) ? "filled" : "tint"}
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
        <FindingRows
          rows={rows}
          total={items.length}
          currentId={currentId}
          onPick={onPick}
          onToggleGroup={toggleGroup}
        />
      )}
    </>
  );
}
