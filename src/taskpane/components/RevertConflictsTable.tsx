import { TableCell, TableRow } from "@fluentui/react-components";
import { t } from "../i18n";
import type { RevertConflictView } from "../session";
import { CellTable } from "./CellTable";
import { useCellTableStyles } from "./cellTable.styles";

/**
 * What undo would overwrite that the person changed since the run: sheet, cell, what the run wrote, what is
 * there now (a sheet undo cannot find says so). Workbook text is rendered as text.
 */
export function RevertConflictsTable({ conflicts }: { conflicts: RevertConflictView[] }) {
  const styles = useCellTableStyles();
  const headers = [t("score.colSheet"), t("score.colCell"), t("score.colWrote"), t("score.colNow")];
  return (
    <CellTable label={t("score.revert")} testId="revert-conflicts-table" headers={headers}>
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
    </CellTable>
  );
}
