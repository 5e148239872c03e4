import { Lang } from "../i18n/lang";
import { formatPoints } from "../text/numbers";
import { Rule } from "./createRule";
import { Finding } from "./finding";
import { RULES } from "./rules";

/** A finding's message in `lang`, from its rule's module. */
export function findingMessage(f: Finding, lang: Lang): string {
  const n = (x: number) => formatPoints(x, lang);
  const rule: Rule = RULES[f.rule];
  return rule.messages[lang](f.params, f, n);
}
