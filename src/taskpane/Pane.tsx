import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useState } from "react";
import { CheckSection } from "./components/CheckSection";
import { ConsolidateSection } from "./components/ConsolidateSection";
import { CompareSection } from "./components/CompareSection";
import { ConfirmReplaceDialog } from "./components/ConfirmReplaceDialog";
import { CriteriaSection } from "./components/CriteriaSection";
import { EnvironmentSection } from "./components/EnvironmentSection";
import { JobNav, JobPanel } from "./components/JobNav";
import { ReportSection } from "./components/ReportSection";
import { ScoreSection } from "./components/ScoreSection";
import { SummarySection } from "./components/SummarySection";
import { WorkbookSection } from "./components/WorkbookSection";
import type { HostMode } from "./host";
import type { Job } from "./jobs";
import { getLang, t } from "./i18n";
import { PaneProvider, usePane } from "./PaneContext";
import { reasonOf, type ConflictView } from "./session";
import { useCheckRunner } from "./hooks/useCheckRunner";
import { useCompare } from "./hooks/useCompare";
import { useConfirm } from "./hooks/useConfirm";
import { useConsolidate } from "./hooks/useConsolidate";
import { useCriteriaSheetCheck } from "./hooks/useCriteriaSheetCheck";
import { useEnvironmentCheck } from "./hooks/useEnvironmentCheck";
import { useGoTo } from "./hooks/useGoTo";
import { usePickedFile } from "./hooks/usePickedFile";
import { useReport } from "./hooks/useReport";
import { useScoreActions } from "./hooks/useScoreActions";
import { useSession } from "./hooks/useSession";
import { useSummary } from "./hooks/useSummary";
import { useOutcomeSources } from "./hooks/useOutcomeSources";

export { loadSession } from "./hooks/useSession";

/** The pane's content once the host is known: its session (loaded for the host's mode) shared with the regions. */
export function Pane({ host }: { host: HostMode }) {
  const lang = getLang();
  const loaded = useSession(host);
  if (loaded.status === "failed")
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          {t("mode.loadFailed", { reason: reasonOf(loaded.error, lang) })}
        </MessageBarBody>
      </MessageBar>
    );
  const session = loaded.status === "ready" ? loaded.session : undefined;
  return (
    <PaneProvider value={{ host, lang, session }}>
      {!session && <Spinner size="tiny" label={t("mode.loading")} />}
      <PaneRegions />
    </PaneProvider>
  );
}

/** The regions of the pane, each given the state and actions of its hook. */
function PaneRegions() {
  const { host, session } = usePane();
  const ready = session !== undefined;
  const [job, setJob] = useState<Job>("check");
  const goTo = useGoTo();
  const check = useCheckRunner(goTo.reset);
  const confirm = useConfirm<ConflictView[]>();
  const scoring = useScoreActions(confirm.ask, check.check);
  const summary = useSummary(confirm.ask, check.check);
  const [environment, sheetCheck] = [useEnvironmentCheck(), useCriteriaSheetCheck(check.apply)];
  const consolidate = useConsolidate(confirm.ask, check.apply);
  const [compare, report, lastYear] = [useCompare(), useReport(), usePickedFile()];
  const { file, criteria } = useOutcomeSources(check.apply, check.clearError, scoring.reset);

  const usable = check.criteria?.status === "ok" && check.report !== undefined && !check.checking;
  const excel = host === "excel";
  return (
    <>
      {host === "browser" && (
        <WorkbookSection status={file.status} onPick={file.open} ready={ready} />
      )}
      <JobNav
        job={job}
        onJob={setJob}
        report={check.report}
        checking={check.checking || file.status.kind === "reading"}
      />
      <JobPanel job="check" current={job}>
        <CriteriaSection
          criteria={check.criteria}
          importStatus={criteria.status}
          onImport={criteria.importFile}
          sheetCheck={sheetCheck}
          disabled={!ready}
        />
        <CheckSection
          mode={host}
          report={check.report}
          checking={check.checking || file.status.kind === "reading"}
          work={excel ? check.work : file.work}
          stopped={check.stopped}
          checkedAt={check.checkedAt}
          error={check.error}
          canCheck={ready}
          onCheck={excel ? () => void check.check() : undefined}
          auto={excel ? check.auto : undefined}
          currentFinding={goTo.current}
          onPickFinding={goTo.pick}
          goToStatus={goTo.status}
          onDismissGoTo={goTo.dismiss}
          onGoToSheet={excel ? goTo.goToSheet : undefined}
        />
      </JobPanel>
      <JobPanel job="score" current={job}>
        <ScoreSection
          mode={host}
          canScore={usable}
          status={scoring.status}
          onScore={scoring.score}
          onRevert={() => void scoring.revert()}
          onRestoreSafe={excel ? () => void scoring.revert(true) : undefined}
          canRevert={excel || file.status.kind === "open"}
          work={scoring.work}
        />
      </JobPanel>
      <JobPanel job="summary" current={job}>
        <SummarySection
          mode={host}
          canBuild={usable}
          status={summary.status}
          onBuild={summary.build}
          lastYear={excel ? lastYear : undefined}
        />
        <ReportSection
          canBuild={usable && !!check.report?.units.length}
          {...{ report, lastYear }}
        />
      </JobPanel>
      <JobPanel job="season" current={job}>
        <ConsolidateSection mode={host} canRun={ready} consolidate={consolidate} />
        <CompareSection canCompare={usable} compare={compare} />
        <EnvironmentSection
          mode={host}
          canRun={ready}
          status={environment.status}
          onRun={() => void environment.run()}
        />
      </JobPanel>
      {excel && <ConfirmReplaceDialog conflicts={confirm.question} onAnswer={confirm.answer} />}
    </>
  );
}
