/** The outcome dialog of a ribbon button: what dialogUrl put into the query string, rendered as text only. */
import { dialogContentFrom } from "../commands/dialogText";

export function renderOutcome(doc: Document, search: string, onClose: () => void): void {
  const content = dialogContentFrom(search);
  doc.documentElement.lang = content.lang;
  doc.title = content.title;
  const title = doc.getElementById("title");
  if (title) title.textContent = content.title;
  const lines = doc.getElementById("lines");
  for (const line of content.lines) {
    const p = doc.createElement("p");
    p.style.margin = "0 0 6px";
    p.textContent = line;
    lines?.appendChild(p);
  }
  const close = doc.getElementById("close");
  if (close) {
    close.textContent = content.lang === "en" ? "Close" : "Đóng";
    close.addEventListener("click", onClose);
  }
}

if (typeof document !== "undefined" && document.getElementById("outcome")) {
  renderOutcome(document, window.location.search, () => {
    // messageParent tells the function command to close the dialog and complete.
    if (typeof Office !== "undefined" && Office.context?.ui)
      Office.context.ui.messageParent("close");
    else window.close();
  });
  if (typeof Office !== "undefined") void Office.onReady();
}
