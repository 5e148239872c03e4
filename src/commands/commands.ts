/**
 * Ribbon buttons "Kiểm tra", "Tính điểm" and "Tổng hợp" (ExecuteFunction actions in manifest.xml).
 * Each hands over to runCommand and always tells Office the command finished, even when it failed.
 */
import { runCommand, type CommandName } from "../excel/runCommand";

function command(name: CommandName): (event: Office.AddinCommands.Event) => Promise<void> {
  return async (event) => {
    try {
      await runCommand(name);
    } catch (error) {
      console.error(`CCHC Scoring: command "${name}" failed`, error);
    } finally {
      event.completed();
    }
  };
}

const actions: Record<string, (event: Office.AddinCommands.Event) => Promise<void>> = {
  checkWorkbook: command("check"),
  scoreWorkbook: command("score"),
  summarizeWorkbook: command("summary"),
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
