/**
 * Ribbon buttons "Kiểm tra", "Tính điểm" and "Tổng hợp" (ExecuteFunction actions in manifest.xml). Each runs
 * its command, shows what came of it in a small dialog (dialog.html) and always tells Office the command
 * finished (ribbonAction), even when it failed.
 */
import { pickLang } from "../taskpane/i18n";
import { ribbonAction, type RibbonDeps } from "./ribbonAction";
import { runRibbonCommand } from "./ribbonOutcome";

const deps: RibbonDeps = {
  office: Office as unknown as RibbonDeps["office"],
  lang: () => {
    try {
      return pickLang(Office.context.displayLanguage);
    } catch {
      return "vi";
    }
  },
  run: (command, lang) => runRibbonCommand(command, { lang }),
  // The dialog page sits beside this function file: the same domain, as the Dialog API requires.
  page: () => new URL("dialog.html", window.location.href).toString(),
};

const actions: Record<string, (event: Office.AddinCommands.Event) => Promise<void>> = {
  checkWorkbook: ribbonAction("check", deps),
  scoreWorkbook: ribbonAction("score", deps),
  summarizeWorkbook: ribbonAction("summary", deps),
};

Office.onReady(() => {
  // Office.js is ready; the actions below are registered at load so the host finds them at once.
});

for (const [id, action] of Object.entries(actions)) {
  if (Office.actions && typeof Office.actions.associate === "function") {
    Office.actions.associate(id, action);
  } else {
    // Older hosts look the function up by name on the global object.
    (globalThis as Record<string, unknown>)[id] = action;
  }
}
