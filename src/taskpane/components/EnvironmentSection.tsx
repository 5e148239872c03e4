import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { t } from "../i18n";
import { Section } from "./Section";
import { useEnvironmentSectionStyles } from "./EnvironmentSection.styles";

export type EnvironmentStatus =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; text: string }
  | { kind: "failed"; reason: string };

export interface EnvironmentSectionProps {
  mode: "excel" | "browser";
  canRun: boolean;
  status: EnvironmentStatus;
  onRun: () => void;
}

/** Copies `text`: the Clipboard API where the pane may use it, else the selected textarea and "copy". */
async function copyText(text: string, area: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (typeof navigator !== "undefined" && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // a pane in an iframe may be refused the Clipboard API: fall back to selecting and copying
  }
  if (!area || typeof document.execCommand !== "function") return false;
  area.focus();
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

/** "Kiểm tra môi trường": runs the check in Excel and shows its report as text to copy; the browser has no Excel. */
export function EnvironmentSection({ mode, canRun, status, onRun }: EnvironmentSectionProps) {
  const styles = useEnvironmentSectionStyles();
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<boolean>();
  const copy = async (text: string) => setCopied(await copyText(text, area.current));
  return (
    <Section id="environment" title={t("env.title")}>
      {mode === "browser" ? (
        <Text data-testid="env-no-excel">{t("env.noExcel")}</Text>
      ) : (
        <>
          <Caption1 className={styles.hint}>{t("env.hint")}</Caption1>
          <div className={styles.bar}>
            <Button
              disabled={!canRun || status.kind === "busy"}
              onClick={() => {
                setCopied(undefined);
                onRun();
              }}
              data-testid="env-button"
            >
              {t("env.run")}
            </Button>
          </div>
          <div aria-live="polite" data-testid="env-status">
            {status.kind === "busy" && <Spinner size="extra-tiny" label={t("env.running")} />}
            {status.kind === "failed" && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{t("env.failed", { reason: status.reason })}</MessageBarBody>
              </MessageBar>
            )}
          </div>
          {status.kind === "done" && (
            <>
              <Textarea
                ref={area}
                readOnly
                resize="vertical"
                rows={12}
                value={status.text}
                aria-label={t("env.report")}
                textarea={{ className: styles.report }}
                data-testid="env-report"
              />
              <div className={styles.bar}>
                <Button onClick={() => void copy(status.text)} data-testid="env-copy">
                  {t("env.copy")}
                </Button>
                {copied !== undefined && (
                  <Caption1 aria-live="polite" data-testid="env-copied">
                    {copied ? t("env.copied") : t("env.copyFailed")}
                  </Caption1>
                )}
              </div>
            </>
          )}
        </>
      )}
    </Section>
  );
}
