import { Button, Caption1 } from "@fluentui/react-components";
import { t } from "../i18n";
import type { PickedFile } from "../session";
import { FilePickerButton } from "./FilePickerButton";
import { useSeasonStyles } from "./season.styles";

export interface PickedFileState {
  file: PickedFile | undefined;
  pick: (file: File) => Promise<void>;
  clear: () => void;
}

/** Last year's results for an action (optional): a cchc JSON report or a summary workbook written by cchc. */
export function LastYearPicker({
  file,
  onPick,
  onClear,
  disabled,
  testId,
}: {
  file: PickedFile | undefined;
  onPick: (file: File) => void;
  onClear: () => void;
  disabled?: boolean;
  testId: string;
}) {
  const styles = useSeasonStyles();
  return (
    <div className={styles.bar}>
      {file ? (
        <>
          <Caption1 data-testid={`${testId}-name`}>
            {t("lastYear.chosen", { name: file.name })}
          </Caption1>
          <Button size="small" appearance="subtle" onClick={onClear} disabled={disabled}>
            {t("lastYear.remove")}
          </Button>
        </>
      ) : (
        <FilePickerButton
          label={t("lastYear.pick")}
          accept=".json,.xlsx"
          onPick={onPick}
          disabled={disabled}
          appearance="subtle"
          testId={testId}
        />
      )}
    </div>
  );
}
