/**
 * Shows a ribbon command's outcome in a small dialog (Office.context.ui.displayDialogAsync, DialogApi 1.1)
 * and tells Office the command is done (event.completed) exactly once: when the person closes the dialog,
 * when it could not be opened, or shortly before the function command's time limit.
 *
 * - "You must implement event.completed, otherwise your function won't run" again: clicks queue until it is
 *   called (office-js-docs-pr: docs/develop/create-addin-commands.md, "event.completed").
 * - A function command's runtime "closes when either the function completes or 5 minutes have passed,
 *   whichever is earlier", and a dialog it opens should be closed within those 5 minutes
 *   (docs/design/add-in-commands.md, "Types of add-in commands").
 * - Completing while the dialog is open can close the dialog at once (office-js issue #428: "event.completed()
 *   closes popup opened in ExecuteFunction via displayDialogAsync"), so completion waits for the dialog.
 * - The dialog page must be on the function file's domain (docs/develop/dialog-api-in-office-add-ins.md);
 *   the person closes it with its button (messageParent) or the X (DialogEventReceived, 12006:
 *   docs/develop/dialog-handle-errors-events.md).
 * Without the Dialog API (DialogApi 1.1 not supported) or when the dialog cannot open (12007 another dialog
 * is open, 12009 the person blocked it…), Excel has no other notification for a function command: the text
 * goes to the console, saying why, and the command completes.
 */
import { dialogUrl, type DialogContent } from "./dialogText";

/** docs/design/add-in-commands.md: the function command's runtime closes after 5 minutes. */
export const COMMAND_TIME_LIMIT_MS = 5 * 60_000;
/** The dialog is closed and the command completed this long before the limit. */
export const LIMIT_MARGIN_MS = 20_000;
/** Share of the screen the dialog takes (percent); the default is 80. */
export const DIALOG_SIZE = { height: 40, width: 30 } as const;

/** The part of Office.js this module uses (a test passes a fake). */
export interface OfficeForDialog {
  context: {
    requirements: { isSetSupported(name: string, version?: string): boolean };
    ui: {
      displayDialogAsync(
        url: string,
        options: Office.DialogOptions,
        callback: (result: {
          status: string;
          value: DialogHandle;
          error?: { code: number; message: string };
        }) => void
      ): void;
    };
  };
}

export interface DialogHandle {
  close(): void;
  addEventHandler(type: string, handler: (arg: unknown) => void): void;
}

export interface ShowOptions {
  office: OfficeForDialog;
  /** The dialog page's absolute URL (same domain as the function file). */
  page: string;
  /** When Office must hear event.completed at the latest (ms, on `now`'s clock). */
  deadline: number;
  now?: () => number;
  log?: (...args: unknown[]) => void;
}

/** Office.EventType's values (office.js), spelled out so that this module runs without Office loaded. */
const DIALOG_MESSAGE_RECEIVED = "dialogMessageReceived";
const DIALOG_EVENT_RECEIVED = "dialogEventReceived";

/** Shows the content; `done` is called once, when the command may complete. */
export function showOutcome(content: DialogContent, done: () => void, options: ShowOptions): void {
  const log = options.log ?? console.log;
  const now = options.now ?? Date.now;
  const fallback = (why: string) => {
    log(`CCHC Scoring: ${why}\n${content.title}\n${content.lines.join("\n")}`);
    done();
  };
  const requirements = options.office.context.requirements;
  if (!requirements.isSetSupported("DialogApi", "1.1")) {
    fallback("this Office has no Dialog API (DialogApi 1.1); the outcome is only in this log.");
    return;
  }
  let finished = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dialog: DialogHandle | undefined;
  const finish = () => {
    if (finished) return;
    finished = true;
    if (timer !== undefined) clearTimeout(timer);
    done();
  };
  const closeAndFinish = () => {
    try {
      dialog?.close();
    } finally {
      finish();
    }
  };
  try {
    options.office.context.ui.displayDialogAsync(
      dialogUrl(options.page, content),
      { ...DIALOG_SIZE, displayInIframe: true },
      (result) => {
        if (result.status !== "succeeded") {
          const error = result.error ? `${result.error.code} ${result.error.message}` : "";
          if (finished) return;
          finished = true;
          if (timer !== undefined) clearTimeout(timer);
          fallback(`the dialog could not be opened (${error}).`);
          return;
        }
        dialog = result.value;
        dialog.addEventHandler(DIALOG_MESSAGE_RECEIVED, closeAndFinish);
        dialog.addEventHandler(DIALOG_EVENT_RECEIVED, finish);
      }
    );
  } catch (error) {
    finished = true;
    fallback(`the dialog could not be opened (${String(error)}).`);
    return;
  }
  timer = setTimeout(closeAndFinish, Math.max(0, options.deadline - now()));
}
