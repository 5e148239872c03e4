import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { t } from "../i18n";
import type { ConflictView } from "../session";

const useStyles = makeStyles({
  scroller: { maxHeight: "16rem", overflow: "auto" },
  mono: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  text: { overflowWrap: "anywhere" },
});

/** Typed values that become formulas: sheet, cell, the typed value, the formula. All rendered as text. */
export function ConflictsTable({ conflicts, label }: { conflicts: ConflictView[]; label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.scroller} tabIndex={0} role="region" aria-label={label}>
      <Table size="extra-small" aria-label={label} data-testid="conflicts-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("score.colSheet")}</TableHeaderCell>
            <TableHeaderCell>{t("score.colCell")}</TableHeaderCell>
            <TableHeaderCell>{t("score.colTyped")}</TableHeaderCell>
            <TableHeaderCell>{t("score.colFormula")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {conflicts.map((c, i) => (
            <TableRow key={i}>
              <TableCell className={styles.text}>{c.sheet}</TableCell>
              <TableCell className={styles.mono}>{c.cell}</TableCell>
              <TableCell className={styles.text}>{c.value}</TableCell>
              <TableCell className={styles.mono}>{`=${c.formula}`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
