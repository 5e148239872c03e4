/**
 * The outcome text travels to the dialog page in its URL's query string: the way the Dialog API documents
 * for hosts without messageChild (DialogApi 1.2), and the page needs it only when it opens
 * (office-js-docs-pr: docs/develop/parent-to-dialog.md, "Use query parameters": "best for small values").
 * Office appends its own `_host_info` parameter after ours; the page reads only its own keys.
 */
import type { Lang } from "../core/i18n/lang";
import type { OutcomeText } from "./outcomeText";

/** Longest line passed on; a longer one (a long error reason) is cut with "…". */
export const MAX_LINE_CHARS = 400;
/** Most characters of the encoded query: lines past it are left out, the last line saying so. */
export const MAX_QUERY_CHARS = 2000;

export interface DialogContent extends OutcomeText {
  lang: Lang;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

/** `page` (an absolute URL) with the title, language and lines as query parameters. */
export function dialogUrl(page: string, content: DialogContent): string {
  const url = new URL(page);
  const params = new URLSearchParams();
  params.set("lang", content.lang);
  params.set("t", clip(content.title, 100));
  const cut = content.lang === "en" ? "… (more in the CCHC pane)" : "… (xem thêm trong ngăn CCHC)";
  for (const line of content.lines.map((l) => clip(l, MAX_LINE_CHARS))) {
    const next = new URLSearchParams(params);
    next.append("l", line);
    if (next.toString().length + 3 * cut.length > MAX_QUERY_CHARS) {
      params.append("l", cut);
      break;
    }
    params.append("l", line);
  }
  url.search = params.toString();
  return url.toString();
}

/** What the dialog page shows, from its own URL's query string. */
export function dialogContentFrom(search: string): DialogContent {
  const params = new URLSearchParams(search);
  const lang: Lang = params.get("lang") === "en" ? "en" : "vi";
  return { lang, title: params.get("t") ?? "CCHC", lines: params.getAll("l") };
}
