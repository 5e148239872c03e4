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
import type { RevertConflictView } from "../session";

const useStyles = makeStyles({
  scroller: { maxHeight: "16rem", overflow: "auto" },
  mono: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  text: { overflowWrap: "anywhere" },
});

/**
 * What undo would overwrite that the person changed since the run: sheet, cell, what the run wrote, what is
 * there now (a sheet undo cannot find says so). Workbook text is rendered as text.
 */
export function RevertConflictsTable({ conflicts }: { conflicts: RevertConflictView[] }) {
  const styles = useStyles();
  const label = t("score.revert");
  return (
    <div className={styles.scroller} tabIndex={0} role="region" aria-label={label}>
      <Table size="extra-small" aria-label={label} data-testid="revert-conflicts-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("score.colSheet")}</TableHeaderCell>
            <TableHeaderCell>{t("score.colCell")}</TableHeaderCell>
            <TableHeaderCell>{t("score.colWrote")}</TableHeaderCell>
            <TableHeaderCell>{t("score.colNow")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {conflicts.map((c, i) => (
            <TableRow key={i}>
              <TableCell className={styles.text}>{c.sheet}</TableCell>
              {"missing" in c ? (
                <TableCell className={styles.text}>{t("score.sheetMissing")}</TableCell>
              ) : (
                <>
                  <TableCell className={styles.mono}>{c.cell}</TableCell>
                  <TableCell className={styles.mono}>{c.wrote}</TableCell>
                  <TableCell className={styles.mono}>{c.now}</TableCell>
                </>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
