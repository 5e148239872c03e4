import { Caption1, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { t } from "../i18n";
import { FilePickerButton } from "./FilePickerButton";
import { Section } from "./Section";
import { useWorkbookSectionStyles } from "./WorkbookSection.styles";

export type FileStatus =
  | { kind: "none" }
  | { kind: "reading"; name: string }
  | { kind: "open"; name: string }
  | { kind: "failed"; name: string; reason: string; previous?: string }
  /** The person stopped reading `name`: `previous` stays the open file. */
  | { kind: "stopped"; name: string; previous?: string };

/** Browser mode: the .xlsx the pane works on, picked with a labelled button. */
export function WorkbookSection({
  status,
  onPick,
  ready,
}: {
  status: FileStatus;
  onPick: (file: File) => void;
  ready: boolean;
}) {
  const styles = useWorkbookSectionStyles();
  const open =
    status.kind === "open" ? status.name : "previous" in status ? status.previous : undefined;
  return (
    <Section id="workbook" title={t("section.workbook")}>
      <Caption1 className={styles.hint}>{t("mode.browserHint")}</Caption1>
      <div className={styles.bar}>
        <FilePickerButton
          label={open ? t("file.openAnother") : t("file.open")}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          appearance={open ? "secondary" : "primary"}
          onPick={onPick}
          disabled={!ready || status.kind === "reading"}
          testId="workbook-input"
        />
      </div>
      <div aria-live="polite" data-testid="file-status">
        {status.kind === "reading" && (
          <Spinner size="extra-tiny" label={t("file.reading", { name: status.name })} />
        )}
        {status.kind === "none" && <Text>{t("file.none")}</Text>}
        {open && (
          <Text className={styles.name} data-testid="file-name">
            {t("file.opened", { name: open })}
          </Text>
        )}
        {status.kind === "stopped" && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t("file.stopped", { name: status.name })}</MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "failed" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              {t("file.error", { name: status.name, reason: status.reason })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </Section>
  );
}
