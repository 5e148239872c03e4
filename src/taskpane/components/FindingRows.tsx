import { Badge, Button, mergeClasses } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { ReportFinding } from "../../core/report/report";
import {
  SEVERITIES,
  isFocusableRow,
  type FindingRow,
  type ListedFinding,
  type Severity,
} from "../findingsView";
import { t, type MessageKey } from "../i18n";
import { useFindingsListStyles } from "./FindingsList.styles";

export const SEVERITY_LABEL: Record<Severity, MessageKey> = {
  error: "severity.error",
  warning: "severity.warning",
  info: "severity.info",
};
export const SEVERITY_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

/**
 * Above this many rows only the rows in view (and a few around them) are in the page: a 300-unit workbook's
 * 5,000 findings would otherwise put some 30,000 elements in it. Below it every row is drawn, as before.
 */
export const WINDOW_ABOVE = 200;
const OVERSCAN = 6;

export interface FindingRowsProps {
  rows: readonly FindingRow[];
  /** How many findings the rows hold in all (shown or collapsed): each finding says "n of total". */
  total: number;
  currentId: number | undefined;
  onPick: (item: ListedFinding) => void;
  onToggleGroup: (key: string) => void;
}

function FindingButton({
  item,
  current,
  tabIndex,
  rowKey,
  onPick,
}: {
  item: ListedFinding;
  current: boolean;
  tabIndex: number;
  rowKey: string;
  onPick: (item: ListedFinding) => void;
}) {
  const styles = useFindingsListStyles();
  const f: ReportFinding = item.finding;
  return (
    <Button
      appearance="subtle"
      className={mergeClasses(styles.finding, styles[f.severity], current && styles.current)}
      aria-current={current ? "true" : undefined}
      data-testid="finding"
      data-severity={f.severity}
      data-sheet={f.sheet ?? ""}
      data-cell={f.cell ?? ""}
      data-row-key={rowKey}
      tabIndex={tabIndex}
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
  );
}

function RowContent({
  row,
  tabIndex,
  current,
  onPick,
  onToggleGroup,
}: {
  row: FindingRow;
  tabIndex: number;
  current: boolean;
  onPick: (item: ListedFinding) => void;
  onToggleGroup: (key: string) => void;
}) {
  const styles = useFindingsListStyles();
  if (row.kind === "finding")
    return (
      <FindingButton
        item={row.item}
        current={current}
        tabIndex={tabIndex}
        rowKey={row.key}
        onPick={onPick}
      />
    );
  if (row.kind === "severity")
    return (
      <h5 className={styles.severityHeading}>
        {t(SEVERITY_LABEL[row.severity])}
        <Badge size="small" appearance="tint" color={SEVERITY_COLOR[row.severity]}>
          {row.count}
        </Badge>
      </h5>
    );
  const name = row.sheet ?? t("check.wholeWorkbook");
  return (
    <h4 className={styles.sheetHeading} data-testid="finding-group" data-sheet={row.sheet ?? ""}>
      <Button
        appearance="transparent"
        size="small"
        className={styles.groupToggle}
        icon={row.expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={row.expanded}
        data-row-key={row.key}
        data-testid="finding-group-toggle"
        tabIndex={tabIndex}
        onClick={() => onToggleGroup(row.key)}
      >
        {name}
      </Button>
      <span className={styles.sheetCount} data-testid="finding-group-count">
        {row.count}
      </span>
      <span className={styles.groupCounts}>
        {SEVERITIES.filter((s) => row.counts[s] > 0).map((s) => (
          <Badge
            key={s}
            size="small"
            appearance="tint"
            color={SEVERITY_COLOR[s]}
            aria-label={`${t(SEVERITY_LABEL[s])}: ${row.counts[s]}`}
          >
            {row.counts[s]}
          </Badge>
        ))}
      </span>
    </h4>
  );
}

/**
 * The rows of the findings list, windowed when there are many. The list is one stop for Tab; the arrow keys,
 * Home and End move between sheet headers and findings (scrolling a row into the window before focusing it),
 * Left and Right collapse and expand a sheet, and each finding carries its position in the whole list for screen
 * readers, since the page holds only the rows in view.
 */
export function FindingRows({ rows, total, currentId, onPick, onToggleGroup }: FindingRowsProps) {
  const styles = useFindingsListStyles();
  const windowed = rows.length > WINDOW_ABOVE;
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [activeKey, setActiveKey] = useState<string | undefined>();
  const pendingFocus = useRef<string | undefined>(undefined);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i].kind === "finding" ? 52 : 30),
    getItemKey: (i) => rows[i].key,
    overscan: OVERSCAN,
    enabled: windowed,
  });

  const indexOfKey = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows]);
  const positions = useMemo(() => {
    const pos = new Map<string, number>();
    let n = 0;
    for (const r of rows) if (r.kind === "finding") pos.set(r.key, ++n);
    return pos;
  }, [rows]);
  const tabStop =
    activeKey !== undefined && indexOfKey.has(activeKey)
      ? activeKey
      : rows.find(isFocusableRow)?.key;

  // Focus a row once it is in the page: at once when drawn, after the window has moved when it was not.
  useLayoutEffect(() => {
    const key = pendingFocus.current;
    if (key === undefined || !listRef.current) return;
    const el = [...listRef.current.querySelectorAll<HTMLElement>("[data-row-key]")].find(
      (e) => e.dataset.rowKey === key
    );
    if (el) {
      pendingFocus.current = undefined;
      el.focus();
    }
  });

  const moveTo = useCallback(
    (index: number) => {
      const row = rows[index];
      if (!row) return;
      setActiveKey(row.key);
      pendingFocus.current = row.key;
      if (windowed) virtualizer.scrollToIndex(index, { align: "auto" });
    },
    [rows, windowed, virtualizer]
  );

  const step = (from: number, by: 1 | -1): number => {
    for (let i = from + by; i >= 0 && i < rows.length; i += by)
      if (isFocusableRow(rows[i])) return i;
    return -1;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const key = (e.target as HTMLElement).dataset?.rowKey;
    const at = key === undefined ? -1 : (indexOfKey.get(key) ?? -1);
    if (at < 0) return;
    const row = rows[at];
    let to = -1;
    switch (e.key) {
      case "ArrowDown":
        to = step(at, 1);
        break;
      case "ArrowUp":
        to = step(at, -1);
        break;
      case "Home":
        to = step(-1, 1);
        break;
      case "End":
        to = step(rows.length, -1);
        break;
      case "ArrowRight":
        if (row.kind === "group" && !row.expanded) onToggleGroup(row.key);
        else if (row.kind === "group") to = step(at, 1);
        break;
      case "ArrowLeft":
        if (row.kind === "group" && row.expanded) onToggleGroup(row.key);
        else if (row.kind === "finding")
          for (let i = at; i >= 0; i--)
            if (rows[i].kind === "group") {
              to = i;
              break;
            }
        break;
      default:
        return;
    }
    e.preventDefault();
    if (to >= 0) moveTo(to);
  };

  const renderRow = (row: FindingRow) => (
    <RowContent
      row={row}
      tabIndex={row.key === tabStop ? 0 : -1}
      current={row.kind === "finding" && row.item.id === currentId}
      onPick={(item) => {
        setActiveKey(row.key);
        onPick(item);
      }}
      onToggleGroup={(key) => {
        setActiveKey(key);
        onToggleGroup(key);
      }}
    />
  );
  const position = (row: FindingRow) =>
    row.kind === "finding"
      ? { "aria-posinset": positions.get(row.key), "aria-setsize": total }
      : {};

  if (!windowed)
    return (
      <ul className={styles.rows} ref={listRef} onKeyDown={onKeyDown} data-testid="findings">
        {rows.map((row) => (
          <li key={row.key} className={styles[`row_${row.kind}`]} {...position(row)}>
            {renderRow(row)}
          </li>
        ))}
      </ul>
    );

  const items = virtualizer.getVirtualItems();
  return (
    <div ref={scrollRef} className={styles.window} data-testid="findings-window">
      <ul
        className={styles.windowRows}
        ref={listRef}
        onKeyDown={onKeyDown}
        data-testid="findings"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((v) => {
          const row = rows[v.index];
          return (
            <li
              key={v.key}
              data-index={v.index}
              ref={virtualizer.measureElement}
              className={mergeClasses(styles.windowRow, styles[`row_${row.kind}`])}
              style={{ transform: `translateY(${v.start}px)` }}
              {...position(row)}
            >
              {renderRow(row)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
