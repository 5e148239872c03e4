import {
  Caption1,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  mergeClasses,
} from "@fluentui/react-components";
import type { ReportUnit } from "../../core/report/report";
import { foldForSearch } from "../findingsView";
import { formatPoints } from "../format";
import { t } from "../i18n";
import { useLang } from "../PaneContext";
import { useUnitsTableStyles } from "./UnitsTable.styles";

/** The sheet's name is worth a line only when the unit's name does not already say it. */
function sheetWorthShowing(u: ReportUnit): boolean {
  return !foldForSearch(u.name).includes(foldForSearch(u.sheet));
}

export interface UnitsTableProps {
  units: ReportUnit[];
  headingId: string;
  /** Excel mode: the unit's name goes to its sheet. */
  onGoToSheet?: (sheet: string) => void;
}

/**
 * Each unit's self-score, appraised score, index, rank and band, in workbook order; beside the appraised score,
 * the difference on the self-scored part and the survey points, so that self is compared like with like.
 */
export function UnitsTable({ units, headingId, onGoToSheet }: UnitsTableProps) {
  const styles = useUnitsTableStyles();
  const lang = useLang();
  if (units.length === 0) return <Text>{t("units.none")}</Text>;
  const n = (x: number) => formatPoints(x, lang);
  const maybe = (x: number | null, signed = false) =>
    x === null ? (
      <span aria-label={t("units.noAppraisalLabel")}>{t("units.noAppraisal")}</span>
    ) : (
      (signed && x > 0 ? "+" : "") + n(x)
    );
  return (
    <div className={styles.scroller} tabIndex={0} role="region" aria-labelledby={headingId}>
      <Table
        size="extra-small"
        className={styles.table}
        aria-labelledby={headingId}
        data-testid="units-table"
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={mergeClasses(styles.head, styles.nameCell)}>
              {t("units.name")}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.head, styles.numHead)}>
              {t("units.self")}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.head, styles.numHead)}>
              {t("units.appraised")}
            </TableHeaderCell>
            <TableHeaderCell
              className={mergeClasses(styles.head, styles.numHead)}
              title={t("units.differenceSelfScoredTitle")}
            >
              {t("units.differenceSelfScored")}
            </TableHeaderCell>
            <TableHeaderCell
              className={mergeClasses(styles.head, styles.numHead)}
              title={t("units.surveyTitle")}
            >
              {t("units.survey")}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.head, styles.numHead)}>
              {t("units.index")}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.head, styles.numHead)}>
              {t("units.rank")}
            </TableHeaderCell>
            <TableHeaderCell className={styles.head}>{t("units.band")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {units.map((u) => (
            <TableRow
              key={`${u.file ?? ""}\u0000${u.sheet}`}
              data-testid="unit-row"
              data-sheet={u.sheet}
            >
              <TableCell className={mergeClasses(styles.cell, styles.nameCell)}>
                <div>
                  {onGoToSheet ? (
                    <Link
                      as="button"
                      className={styles.name}
                      onClick={() => onGoToSheet(u.sheet)}
                      data-testid="unit-name"
                    >
                      {u.name}
                    </Link>
                  ) : (
                    <span className={styles.name} data-testid="unit-name">
                      {u.name}
                    </span>
                  )}
                  {sheetWorthShowing(u) && (
                    <Caption1 className={styles.sheet}>
                      {t("units.sheet", { sheet: u.sheet })}
                    </Caption1>
                  )}
                </div>
              </TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.num)}>{n(u.self)}</TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.num)}>
                {maybe(u.appraised)}
              </TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.num)}>
                {maybe(u.differenceSelfScored, true)}
              </TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.num)}>
                {maybe(u.survey)}
              </TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.num)}>{n(u.index)}</TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.num)}>{u.rank}</TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.band)}>{u.band}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
