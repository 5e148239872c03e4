import { Button, Caption1, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type {
  ChangeView,
  CompareView,
  FiguresView,
  UnitCompareView,
  ValueView,
} from "../compareView";
import { formatPoints } from "../format";
import { t } from "../i18n";
import { useLang, usePane } from "../PaneContext";
import type { Work } from "../hooks/useWork";
import { FilePickerButton } from "./FilePickerButton";
import { ActionStatusView, type ActionStatus } from "./ScoreSection";
import { Section } from "./Section";
import { useSeasonStyles } from "./season.styles";

export interface CompareGoToStatus {
  text: string;
  intent: "success" | "info" | "error";
}

export interface Compare {
  status: ActionStatus;
  /** The comparison's progress and stop. */
  work: Work;
  view: CompareView | undefined;
  /** Picks the older version and compares the open workbook with it. */
  compare: (file: File) => Promise<void>;
  /** Excel: highlight the changed cells / remove the highlight ("Bỏ đánh dấu"). */
  highlight: () => Promise<void>;
  clear: () => Promise<void>;
  highlightStatus: ActionStatus;
  /** Excel: selects the changed cell; in a browser says where it is. */
  goTo: (change: ChangeView) => Promise<void>;
  goToStatus: CompareGoToStatus | undefined;
}

/**
 * "So sánh với bản trước": the open workbook against an older version picked as an .xlsx — per unit what changed
 * (column, round, before → after, each a click away) and its self, appraised and index before and after; in Excel
 * the changed cells can be highlighted and the highlight removed.
 */
export function CompareSection({ canCompare, compare }: { canCompare: boolean; compare: Compare }) {
  const styles = useSeasonStyles();
  const { host } = usePane();
  const busy = compare.status.kind === "busy";
  const marking = compare.highlightStatus.kind === "busy";
  const view = compare.view;
  const anyCell = view?.units.some((u) => u.changes.some((c) => c.inOpenWorkbook)) ?? false;
  return (
    <Section id="compare" title={t("section.compare")}>
      <Caption1 className={styles.hint}>{t("compare.hint")}</Caption1>
      <div className={styles.bar}>
        <FilePickerButton
          label={t("compare.pick")}
          accept=".xlsx"
          onPick={(file) => void compare.compare(file)}
          disabled={!canCompare || busy}
          testId="compare-file"
        />
      </div>
      <ActionStatusView status={compare.status} testId="compare-status" work={compare.work} />
      {host === "excel" && (
        <>
          <div className={styles.bar}>
            <Button
              disabled={!anyCell || marking || busy}
              onClick={() => void compare.highlight()}
              data-testid="compare-highlight"
            >
              {t("compare.highlight")}
            </Button>
            <Button
              disabled={marking}
              onClick={() => void compare.clear()}
              data-testid="compare-clear"
            >
              {t("compare.clear")}
            </Button>
          </div>
          <ActionStatusView status={compare.highlightStatus} testId="compare-highlight-status" />
        </>
      )}
      {compare.goToStatus && (
        <MessageBar
          intent={compare.goToStatus.intent}
          layout="multiline"
          data-testid="compare-goto-status"
        >
          <MessageBarBody>{compare.goToStatus.text}</MessageBarBody>
        </MessageBar>
      )}
      {view && (
        <div data-testid="compare-result">
          {view.units.map((u) => (
            <UnitChanges key={u.sheet} unit={u} onPick={(c) => void compare.goTo(c)} />
          ))}
          {view.unitsOnlyBefore.length > 0 && (
            <Text block>
              {t("compare.unitsOnlyBefore", {
                names: view.unitsOnlyBefore.map((u) => u.name).join(", "),
              })}
            </Text>
          )}
          {view.unitsOnlyAfter.length > 0 && (
            <Text block>
              {t("compare.unitsOnlyAfter", {
                names: view.unitsOnlyAfter.map((u) => u.name).join(", "),
              })}
            </Text>
          )}
        </div>
      )}
    </Section>
  );
}

function UnitChanges({
  unit,
  onPick,
}: {
  unit: UnitCompareView;
  onPick: (change: ChangeView) => void;
}) {
  const styles = useSeasonStyles();
  const lang = useLang();
  const value = (v: ValueView) =>
    v === null ? t("compare.empty") : typeof v === "number" ? formatPoints(v, lang) : v;
  return (
    <div className={styles.unit} data-testid="compare-unit" data-sheet={unit.sheet}>
      <Text weight="semibold">
        {unit.name} — {unit.sheet}
        {unit.nameBefore !== undefined && ` (${t("compare.renamed", { name: unit.nameBefore })})`}
      </Text>
      <Text className={styles.figures} data-testid="compare-figures">
        {figures(unit.before, unit.after, lang)}
      </Text>
      {unit.changes.length === 0 &&
        !unit.criteriaOnlyBefore.length &&
        !unit.criteriaOnlyAfter.length && (
          <Caption1 className={styles.hint}>{t("compare.unchangedUnit")}</Caption1>
        )}
      {unit.changes.length > 0 && (
        <ul className={styles.list}>
          {unit.changes.map((c) => (
            <li key={`${c.cell}-${c.column}-${c.round ?? 0}`}>
              <Button
                appearance="subtle"
                size="small"
                className={styles.change}
                onClick={() => onPick(c)}
                data-testid="compare-change"
                data-cell={c.cell}
              >
                {t("compare.change", {
                  criterion: c.criterion,
                  column: columnLabel(c),
                  cell: c.cell,
                  before: value(c.before),
                  after: value(c.after),
                })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {unit.criteriaOnlyBefore.length > 0 && (
        <Caption1>
          {t("compare.onlyBefore", { codes: unit.criteriaOnlyBefore.join(", ") })}
        </Caption1>
      )}
      {unit.criteriaOnlyAfter.length > 0 && (
        <Caption1>{t("compare.onlyAfter", { codes: unit.criteriaOnlyAfter.join(", ") })}</Caption1>
      )}
    </div>
  );
}

function columnLabel(c: ChangeView): string {
  const name = t(`compare.column.${c.column}`);
  return c.round !== undefined ? t("compare.round", { column: name, round: c.round }) : name;
}

function figures(before: FiguresView, after: FiguresView, lang: "vi" | "en"): string {
  const n = (x: number | null) => (x === null ? "—" : formatPoints(x, lang));
  return t("compare.figures", {
    selfBefore: n(before.self),
    selfAfter: n(after.self),
    appraisedBefore: n(before.appraised),
    appraisedAfter: n(after.appraised),
    indexBefore: n(before.index),
    indexAfter: n(after.index),
  });
}
