import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
} from "@fluentui/react-components";
import { useRef, type ChangeEvent, type DragEvent } from "react";
import type { ConsolidateProgress, ReplaceView } from "../session";
import { ct } from "../consolidateText";
import type { ConsolidateStatus } from "../hooks/useConsolidate";
import { Section } from "./Section";

/** What the consolidate hook gives the section: its status, the run, the stop, and the replace question. */
export interface Consolidate {
  status: ConsolidateStatus;
  run: (files: File[]) => Promise<void> | void;
  cancel: () => void;
  /** The replace question (undefined: none open) and its answer. */
  replace: { question: ReplaceView[] | undefined; answer: (replace: boolean) => void };
}

export interface ConsolidateSectionProps {
  mode: "excel" | "browser";
  canRun: boolean;
  consolidate: Consolidate;
}

const XLSX = /\.xlsx$/i;

/** "Tổng hợp nhiều sổ": pick or drop many unit workbooks; progress n of N with a stop button; the outcome. */
export function ConsolidateSection(props: ConsolidateSectionProps) {
  const { mode, canRun, consolidate } = props;
  const { status, cancel: onCancel } = consolidate;
  const onFiles = (files: File[]) => void consolidate.run(files);
  const input = useRef<HTMLInputElement>(null);
  const busy = status.kind === "busy";
  const take = (list: FileList | null | undefined) => {
    const files = [...(list ?? [])].filter((f) => XLSX.test(f.name));
    if (files.length && canRun && !busy) onFiles(files);
  };
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    take(event.target.files);
    event.target.value = "";
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    take(event.dataTransfer?.files);
  };
  return (
    <Section id="consolidate" title={ct("consolidate.title")}>
      <div onDragOver={(e) => e.preventDefault()} onDrop={onDrop} data-testid="consolidate-drop">
        <Caption1>{ct(mode === "excel" ? "consolidate.hint" : "consolidate.hintBrowser")}</Caption1>
        <div>
          <Button disabled={!canRun || busy} onClick={() => input.current?.click()}>
            {ct("consolidate.pick")}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx"
            multiple
            hidden
            tabIndex={-1}
            aria-hidden="true"
            data-testid="consolidate-input"
            disabled={!canRun || busy}
            onChange={onChange}
          />
          {busy && (
            <Button appearance="subtle" onClick={onCancel} data-testid="consolidate-cancel">
              {ct("consolidate.cancel")}
            </Button>
          )}
        </div>
      </div>
      <div aria-live="polite" data-testid="consolidate-status">
        {busy && <ProgressView progress={status.progress} />}
        {status.kind === "done" && (
          <MessageBar intent={status.failed.length ? "warning" : "success"} layout="multiline">
            <MessageBarBody>
              {[...status.lines, ...status.failed].map((line) => (
                <div key={line}>{line}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "info" && <Text>{status.text}</Text>}
        {status.kind === "failed" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <ReplaceDialog units={consolidate.replace.question} onAnswer={consolidate.replace.answer} />
    </Section>
  );
}

function ProgressView({ progress }: { progress?: ConsolidateProgress }) {
  if (!progress) return <ProgressBar aria-label={ct("consolidate.title")} />;
  const { phase, done, total, file } = progress;
  const label =
    phase === "reading"
      ? file
        ? ct("consolidate.reading", { done: done + 1, total, file })
        : ct("consolidate.readingDone", { done, total })
      : phase === "copying"
        ? ct("consolidate.copying", { done, total })
        : ct("consolidate.summary");
  return (
    <>
      <ProgressBar
        aria-label={label}
        value={phase === "summary" || !total ? undefined : done / total}
      />
      <Caption1 data-testid="consolidate-progress">{label}</Caption1>
    </>
  );
}

function ReplaceDialog({
  units,
  onAnswer,
}: {
  units: ReplaceView[] | undefined;
  onAnswer: (yes: boolean) => void;
}) {
  return (
    <Dialog
      open={units !== undefined}
      modalType="alert"
      onOpenChange={(_e, d) => !d.open && onAnswer(false)}
    >
      <DialogSurface data-testid="consolidate-confirm">
        <DialogBody>
          <DialogTitle>{ct("consolidate.confirmTitle")}</DialogTitle>
          <DialogContent>
            <Text>{ct("consolidate.confirmBody", { count: units?.length ?? 0 })}</Text>
            <ul>
              {units?.map((u) => (
                <li key={u.sheet}>
                  {u.unit} — {u.sheet} ← {u.file}
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {ct("consolidate.confirm")}
            </Button>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              {ct("consolidate.keep")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
