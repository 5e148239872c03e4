import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from "@fluentui/react-components";
import { t } from "../i18n";
import type { ConflictView } from "../session";
import { ConflictsTable } from "./ConflictsTable";
import { useConfirmReplaceDialogStyles } from "./ConfirmReplaceDialog.styles";

export interface ConfirmReplaceDialogProps {
  /** undefined: closed. */
  conflicts: ConflictView[] | undefined;
  onAnswer: (replace: boolean) => void;
}

/** Asks before the score run replaces typed values with formulas; nothing is written until "Replace". */
export function ConfirmReplaceDialog({ conflicts, onAnswer }: ConfirmReplaceDialogProps) {
  const styles = useConfirmReplaceDialogStyles();
  return (
    <Dialog
      open={conflicts !== undefined}
      modalType="alert"
      onOpenChange={(_e, data) => {
        if (!data.open) onAnswer(false);
      }}
    >
      <DialogSurface className={styles.surface} data-testid="confirm-replace">
        <DialogBody>
          <DialogTitle>{t("score.confirmTitle")}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{t("score.confirmBody", { count: conflicts?.length ?? 0 })}</Text>
            {conflicts && <ConflictsTable conflicts={conflicts} label={t("score.confirmTitle")} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {t("score.confirm")}
            </Button>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              {t("score.cancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
