import { Caption1, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { formatPoints } from "../format";
import { t } from "../i18n";
import { useLang } from "../PaneContext";
import type { CriteriaProblemView, CriteriaSource, CriteriaState } from "../session";
import type { CriteriaSheetCheckAction } from "../hooks/useCriteriaSheetCheck";
import { CriteriaSheetCheck } from "./CriteriaSheetCheck";
import { DraftFromForm } from "./DraftFromForm";
import { FilePickerButton } from "./FilePickerButton";
import { ProblemList } from "./ProblemList";
import { Section } from "./Section";
import { useCriteriaSectionStyles } from "./CriteriaSection.styles";

export type ImportStatus =
  | { kind: "idle" }
  | { kind: "reading"; name: string }
  | { kind: "refused"; name: string; problems: CriteriaProblemView[] }
  | { kind: "failed"; name: string; reason: string };

function sourceText(source: CriteriaSource): string {
  if (source.kind === "sheet") return t("criteria.sourceSheet", { sheet: source.sheet });
  return t(source.writtenToSheet ? "criteria.sourceFileSheet" : "criteria.sourceFileSession", {
    name: source.name,
  });
}

export interface CriteriaSectionProps {
  criteria: CriteriaState | undefined;
  importStatus: ImportStatus;
  onImport: (file: File) => void;
  /** "Kiểm tra bộ tiêu chí", and going from a problem to its cell. */
  sheetCheck: CriteriaSheetCheckAction;
  disabled?: boolean;
}

/** "Bộ tiêu chí": the set in use, its facts, every problem of a refused one, and the JSON import. */
export function CriteriaSection({
  criteria,
  importStatus,
  onImport,
  sheetCheck,
  disabled,
}: CriteriaSectionProps) {
  const styles = useCriteriaSectionStyles();
  const lang = useLang();
  return (
    <Section id="criteria" title={t("section.criteria")}>
      {criteria?.status === "ok" && (
        <>
          <Text className={styles.title} data-testid="criteria-title">
            {criteria.summary.title}
          </Text>
          <dl className={styles.facts}>
            {criteria.summary.year !== undefined && (
              <>
                <dt className={styles.term}>{t("criteria.year")}</dt>
                <dd className={styles.value}>{criteria.summary.year}</dd>
              </>
            )}
            <dt className={styles.term}>{t("criteria.maxTotal")}</dt>
            <dd className={styles.value}>{formatPoints(criteria.summary.maxTotal, lang)}</dd>
            <dt className={styles.term}>{t("criteria.fields")}</dt>
            <dd className={styles.value}>{criteria.summary.fields}</dd>
            <dt className={styles.term}>{t("criteria.leaves")}</dt>
            <dd className={styles.value}>{criteria.summary.leaves}</dd>
            <dt className={styles.term}>{t("criteria.id")}</dt>
            <dd className={styles.value}>{criteria.summary.id}</dd>
          </dl>
          <Caption1 className={styles.source}>{sourceText(criteria.summary.source)}</Caption1>
        </>
      )}
      {(criteria === undefined || criteria.status === "waiting") && (
        <Text>{t("criteria.waiting")}</Text>
      )}
      {criteria?.status === "none" && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("criteria.none")}</MessageBarBody>
        </MessageBar>
      )}
      {criteria?.status === "refused" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {criteria.source.kind === "sheet"
              ? t("criteria.refusedSheet", {
                  sheet: criteria.source.sheet,
                  count: criteria.problems.length,
                })
              : t("criteria.refusedFile", {
                  name: criteria.source.name,
                  count: criteria.problems.length,
                })}
            <ProblemList
              problems={criteria.problems}
              label={t("section.criteria")}
              current={sheetCheck.goTo.current}
              onPick={(i, p) => void sheetCheck.goTo.pickPlace(i, p.sheet, p.cell)}
            />
          </MessageBarBody>
        </MessageBar>
      )}
      {importStatus.kind === "refused" && (
        <MessageBar intent="error" layout="multiline" data-testid="criteria-import-refused">
          <MessageBarBody>
            {t("criteria.refusedFile", {
              name: importStatus.name,
              count: importStatus.problems.length,
            })}
            <ProblemList problems={importStatus.problems} label={importStatus.name} />
          </MessageBarBody>
        </MessageBar>
      )}
      {importStatus.kind === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t("criteria.readFailed", { name: importStatus.name, reason: importStatus.reason })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <FilePickerButton
          label={t("criteria.import")}
          accept=".json,application/json"
          onPick={onImport}
          disabled={disabled || importStatus.kind === "reading"}
          testId="criteria-input"
        />
        {importStatus.kind === "reading" && (
          <Spinner size="extra-tiny" label={t("criteria.importing", { name: importStatus.name })} />
        )}
        <CriteriaSheetCheck action={sheetCheck} disabled={disabled} />
        <DraftFromForm action={sheetCheck.draft} disabled={disabled} />
      </div>
    </Section>
  );
}
