import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Report } from "../core/report/report";
import { CheckSection, type GoToStatus } from "./components/CheckSection";
import { ConfirmReplaceDialog } from "./components/ConfirmReplaceDialog";
import { CriteriaSection, type ImportStatus } from "./components/CriteriaSection";
import { EnvironmentSection, type EnvironmentStatus } from "./components/EnvironmentSection";
import { ScoreSection, type ActionStatus } from "./components/ScoreSection";
import { SummarySection } from "./components/SummarySection";
import { WorkbookSection, type FileStatus } from "./components/WorkbookSection";
import { downloadBytes } from "./download";
import type { ListedFinding } from "./findingsView";
import type { HostMode } from "./host";
import { getLang, t } from "./i18n";
import { createRecheckScheduler } from "./recheck";
import {
  isSheetHidden,
  reasonOf,
  type CheckOutcome,
  type ConflictView,
  type CriteriaState,
  type Session,
} from "./session";

/**
 * Each mode's workbook code is its own lazy chunk: the browser mode's pulls in src/xlsx and ExcelJS, the
 * Excel mode's src/excel. Neither is in the pane's initial chunk.
 */
export function loadSession(host: HostMode): Promise<Session> {
  return host === "excel"
    ? import(/* webpackChunkName: "excel-mode" */ "./modes/excelSession").then((m) =>
        m.createExcelSession()
      )
    : import(/* webpackChunkName: "browser-mode" */ "./modes/browserSession").then((m) =>
        m.createBrowserSession()
      );
}

/** The pane's content once the host is known: the regions, their state, and the session that does the work. */
export function Pane({ host }: { host: HostMode }) {
  const lang = getLang();
  const [session, setSession] = useState<Session>();
  const [loadError, setLoadError] = useState<string>();

  const [criteria, setCriteria] = useState<CriteriaState>();
  const [report, setReport] = useState<Report>();
  const [checking, setChecking] = useState(false);
  const [checkedAt, setCheckedAt] = useState<Date>();
  const [checkError, setCheckError] = useState<string>();
  const [importStatus, setImportStatus] = useState<ImportStatus>({ kind: "idle" });
  const [fileStatus, setFileStatus] = useState<FileStatus>({ kind: "none" });
  const [currentFinding, setCurrentFinding] = useState<number>();
  const [goToStatus, setGoToStatus] = useState<GoToStatus>();
  const [scoreStatus, setScoreStatus] = useState<ActionStatus>({ kind: "idle" });
  const [summaryStatus, setSummaryStatus] = useState<ActionStatus>({ kind: "idle" });
  const [confirmConflicts, setConfirmConflicts] = useState<ConflictView[]>();
  const confirmAnswer = useRef<((replace: boolean) => void) | undefined>(undefined);
  const [autoRecheck, setAutoRecheck] = useState(true);
  const [envStatus, setEnvStatus] = useState<EnvironmentStatus>({ kind: "idle" });
  const [recheckPending, setRecheckPending] = useState(false);

  useEffect(() => {
    let cancelled = false;
    loadSession(host).then(
      (s) => !cancelled && setSession(s),
      (e) => !cancelled && setLoadError(reasonOf(e, lang))
    );
    return () => {
      cancelled = true;
    };
  }, [host]);

  const applyOutcome = useCallback((outcome: CheckOutcome) => {
    setCriteria(outcome.criteria);
    setReport(outcome.report);
    setCheckedAt(outcome.report ? new Date() : undefined);
    setCurrentFinding(undefined);
    setGoToStatus(undefined);
  }, []);

  // One check at a time; a request during a check runs once more after it (the workbook changed meanwhile).
  const checkingNow = useRef(false);
  const checkAgain = useRef(false);
  const runCheck = useCallback(async () => {
    if (!session) return;
    if (checkingNow.current) {
      checkAgain.current = true;
      return;
    }
    checkingNow.current = true;
    setChecking(true);
    setCheckError(undefined);
    try {
      do {
        checkAgain.current = false;
        applyOutcome(await session.check(lang));
      } while (checkAgain.current);
    } catch (error) {
      setCheckError(reasonOf(error, lang));
    } finally {
      checkingNow.current = false;
      setChecking(false);
    }
  }, [session, lang, applyOutcome]);
  const runCheckRef = useRef(runCheck);
  runCheckRef.current = runCheck;

  // Excel: check the open workbook at once, then again ~1 s after edits (not after the add-in's own writes).
  useEffect(() => {
    if (session?.mode === "excel") void runCheckRef.current();
  }, [session]);
  useEffect(() => {
    if (session?.mode !== "excel" || !autoRecheck) return;
    const scheduler = createRecheckScheduler({
      run: () => void runCheckRef.current(),
      isAddinWriting: () => session.isAddinWriting(),
      onPendingChange: setRecheckPending,
    });
    let unsubscribe: (() => Promise<void>) | undefined;
    let disposed = false;
    session
      .watchChanges(() => scheduler.notify())
      .then(
        (off) => {
          if (disposed) void off();
          else unsubscribe = off;
        },
        (error) => setCheckError(reasonOf(error, lang))
      );
    return () => {
      disposed = true;
      scheduler.cancel();
      if (unsubscribe) void unsubscribe();
    };
  }, [session, autoRecheck]);

  const openSeq = useRef(0);
  const openWorkbook = async (file: File) => {
    if (session?.mode !== "browser") return;
    const previous =
      fileStatus.kind === "open"
        ? fileStatus.name
        : fileStatus.kind === "failed"
          ? fileStatus.previous
          : undefined;
    // Only the last file picked counts, even if an earlier one finishes reading after it.
    const seq = ++openSeq.current;
    setFileStatus({ kind: "reading", name: file.name });
    setScoreStatus({ kind: "idle" });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const outcome = await session.open(bytes, file.name, lang);
      if (seq !== openSeq.current) return;
      applyOutcome(outcome);
      setCheckError(undefined);
      setFileStatus({ kind: "open", name: file.name });
    } catch (error) {
      if (seq !== openSeq.current) return;
      setFileStatus({
        kind: "failed",
        name: file.name,
        reason: reasonOf(error, lang),
        ...(previous ? { previous } : {}),
      });
    }
  };

  const importCriteria = async (file: File) => {
    if (!session) return;
    setImportStatus({ kind: "reading", name: file.name });
    try {
      const outcome = await session.importCriteria(await file.text(), file.name, lang);
      if (outcome.ok) {
        applyOutcome(outcome.check);
        setImportStatus({ kind: "idle" });
        setScoreStatus({ kind: "idle" });
      } else {
        setImportStatus({ kind: "refused", name: outcome.name, problems: outcome.problems });
      }
    } catch (error) {
      setImportStatus({ kind: "failed", name: file.name, reason: reasonOf(error, lang) });
    }
  };

  /**
   * Excel: activates the sheet and selects the cell; a hidden sheet is reported with the offer to unhide it
   * (then it goes there again, unhiding).
   */
  const goToInExcel = async (sheet: string, cell: string | undefined, unhide = false) => {
    if (session?.mode !== "excel") return;
    try {
      await (unhide ? session.goTo(sheet, cell, { unhide }) : session.goTo(sheet, cell));
      setGoToStatus({
        text: cell ? t("goto.selected", { sheet, cell }) : t("goto.sheetSelected", { sheet }),
        intent: "success",
      });
    } catch (error) {
      setGoToStatus({
        text: t("goto.failed", { sheet, cell: cell ?? "", reason: reasonOf(error, lang) }),
        intent: "error",
        ...(isSheetHidden(error) && !unhide
          ? { unhide: { sheet, run: () => void goToInExcel(sheet, cell, true) } }
          : {}),
      });
    }
  };

  const goTo = async (item: ListedFinding) => {
    setCurrentFinding(item.id);
    const { sheet, cell } = item.finding;
    if (sheet === undefined) {
      setGoToStatus({ text: t("goto.workbook"), intent: "info" });
      return;
    }
    if (session?.mode !== "excel") {
      setGoToStatus({
        text: cell ? t("goto.browserCell", { sheet, cell }) : t("goto.browserSheet", { sheet }),
        intent: "info",
      });
      return;
    }
    await goToInExcel(sheet, cell);
  };

  const goToSheet = (sheet: string) => goToInExcel(sheet, undefined);

  const askToReplace = (conflicts: ConflictView[]) =>
    new Promise<boolean>((resolve) => {
      confirmAnswer.current = resolve;
      setConfirmConflicts(conflicts);
    });
  const answerReplace = (replace: boolean) => {
    setConfirmConflicts(undefined);
    const resolve = confirmAnswer.current;
    confirmAnswer.current = undefined;
    resolve?.(replace);
  };

  const score = async () => {
    if (!session) return;
    if (session.mode === "browser") {
      setScoreStatus({ kind: "busy", label: t("score.preparing") });
      try {
        const scored = await session.score(lang);
        downloadBytes(scored.bytes, scored.fileName);
        setScoreStatus({
          kind: "done",
          text: t("score.downloaded", { name: scored.fileName }),
          conflicts: scored.conflicts,
        });
      } catch (error) {
        setScoreStatus({
          kind: "failed",
          text: t("score.failed", { reason: reasonOf(error, lang) }),
        });
      }
      return;
    }
    setScoreStatus({ kind: "busy", label: t("score.running") });
    try {
      const outcome = await session.score(lang, askToReplace);
      setScoreStatus(
        outcome.done
          ? { kind: "done", text: t("score.done"), notices: outcome.notices }
          : { kind: "info", text: t("score.cancelled") }
      );
      if (outcome.done) void runCheck();
    } catch (error) {
      setScoreStatus({
        kind: "failed",
        text: t("score.failed", { reason: reasonOf(error, lang) }),
      });
    }
  };

  const revert = async (restoreSafe = false) => {
    if (!session) return;
    setScoreStatus({ kind: "busy", label: t("score.reverting") });
    if (session.mode === "browser") {
      try {
        const reverted = await session.revert(lang);
        downloadBytes(reverted.bytes, reverted.fileName);
        setScoreStatus({
          kind: "done",
          text: t("score.revertedBrowser", { name: reverted.fileName }),
        });
      } catch (error) {
        setScoreStatus({
          kind: "failed",
          text: t("score.revertFailed", { reason: reasonOf(error, lang) }),
        });
      }
      return;
    }
    try {
      const outcome = await session.revertLastRun(lang, restoreSafe ? { restoreSafe } : undefined);
      if (outcome.status === "conflicts") {
        setScoreStatus({
          kind: "revertConflicts",
          text: t("score.revertConflicts", { count: outcome.conflicts.length }),
          conflicts: outcome.conflicts,
        });
        return;
      }
      setScoreStatus({
        kind: "done",
        text: outcome.left.length
          ? t("score.revertedSafe", { count: outcome.left.length })
          : t("score.reverted"),
        notices: outcome.notices,
        left: outcome.left,
      });
      void runCheck();
    } catch (error) {
      setScoreStatus({
        kind: "failed",
        text: t("score.revertFailed", { reason: reasonOf(error, lang) }),
      });
    }
  };

  const buildSummary = async () => {
    if (session?.mode !== "excel") return;
    setSummaryStatus({ kind: "busy", label: t("summary.running") });
    try {
      const outcome = await session.buildSummary(lang, askToReplace);
      setSummaryStatus(
        outcome.done
          ? { kind: "done", text: t("summary.done"), notices: outcome.notices }
          : { kind: "info", text: t("score.cancelled") }
      );
      if (outcome.done) void runCheck();
    } catch (error) {
      setSummaryStatus({
        kind: "failed",
        text: t("summary.failed", { reason: reasonOf(error, lang) }),
      });
    }
  };

  const checkEnvironment = async () => {
    if (session?.mode !== "excel") return;
    setEnvStatus({ kind: "busy" });
    try {
      setEnvStatus({ kind: "done", text: await session.checkEnvironment(lang) });
    } catch (error) {
      setEnvStatus({ kind: "failed", reason: reasonOf(error, lang) });
    }
  };

  if (loadError)
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{t("mode.loadFailed", { reason: loadError })}</MessageBarBody>
      </MessageBar>
    );

  const ready = session !== undefined;
  const usable = criteria?.status === "ok" && report !== undefined && !checking;
  return (
    <>
      {!ready && <Spinner size="tiny" label={t("mode.loading")} />}
      {host === "browser" && (
        <WorkbookSection status={fileStatus} onPick={openWorkbook} ready={ready} />
      )}
      <CriteriaSection
        criteria={criteria}
        importStatus={importStatus}
        onImport={importCriteria}
        disabled={!ready}
      />
      <CheckSection
        mode={host}
        report={report}
        checking={checking || fileStatus.kind === "reading"}
        checkedAt={checkedAt}
        error={checkError}
        canCheck={ready}
        onCheck={host === "excel" ? () => void runCheck() : undefined}
        auto={
          host === "excel"
            ? { enabled: autoRecheck, pending: recheckPending, onToggle: setAutoRecheck }
            : undefined
        }
        currentFinding={currentFinding}
        onPickFinding={goTo}
        goToStatus={goToStatus}
        onDismissGoTo={() => setGoToStatus(undefined)}
        onGoToSheet={host === "excel" ? goToSheet : undefined}
      />
      <ScoreSection
        mode={host}
        canScore={usable}
        status={scoreStatus}
        onScore={score}
        onRevert={() => void revert()}
        onRestoreSafe={host === "excel" ? () => void revert(true) : undefined}
        canRevert={host === "excel" || fileStatus.kind === "open"}
      />
      <SummarySection mode={host} canBuild={usable} status={summaryStatus} onBuild={buildSummary} />
      <EnvironmentSection
        mode={host}
        canRun={ready}
        status={envStatus}
        onRun={() => void checkEnvironment()}
      />
      {host === "excel" && (
        <ConfirmReplaceDialog conflicts={confirmConflicts} onAnswer={answerReplace} />
      )}
    </>
  );
}
