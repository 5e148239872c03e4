/**
 * The one error type of the domain: a stable code and the params its message is made from, typed per code. Both
 * adapters, the use cases and the faces throw and catch it; each face says it in Vietnamese or English from the
 * message tables keyed by the code (errorLine for the command line's "file: …" lines, messageFor for the add-in's
 * sentences).
 */
import { Lang } from "../i18n/lang";
import { LINES } from "./lines";
import { DomainErrorCode, DomainErrorParams, ParamsArg, Texts } from "./params";
import { SENTENCES } from "./sentences";

export type { DomainErrorCode, DomainErrorParams };

/** Every code says itself somewhere (a missing one fails to compile here). */
const sayable: DomainErrorCode extends keyof typeof LINES.vi | keyof typeof SENTENCES.vi
  ? true
  : never = true;
void sayable;

export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends Error {
  readonly params: DomainErrorParams[C];

  constructor(
    readonly code: C,
    ...[params]: ParamsArg<C>
  ) {
    const p = (params ?? {}) as DomainErrorParams[C];
    // As each kind said itself before they were one: the add-in's in Vietnamese, the command line's in English.
    super(code in SENTENCES.vi ? errorSentence(code, p, "vi") : errorLine(code, p, "en"));
    this.params = p;
    this.name = "DomainError";
  }

  /** The message for a person: the add-in's sentence where the code has one, else the command line's line. */
  messageFor(lang: Lang): string {
    return errorSentence(this.code, this.params, lang);
  }

  /** True for a DomainError, of `code` where given. */
  static is<K extends DomainErrorCode>(error: unknown, code?: K): error is DomainError<K> {
    return error instanceof DomainError && (code === undefined || error.code === code);
  }
}

/** The command line's line for `code` ("file: <line>"), lower-case, no full stop. */
export function errorLine<C extends DomainErrorCode>(
  code: C,
  params: DomainErrorParams[C],
  lang: Lang
): string {
  const say = (LINES[lang] as Partial<Texts<DomainErrorCode>[Lang]>)[code];
  return say ? say(params) : errorSentence(code, params, lang);
}

/** The add-in's sentence for `code`, where it has one; else the command line's line. */
export function errorSentence<C extends DomainErrorCode>(
  code: C,
  params: DomainErrorParams[C],
  lang: Lang
): string {
  const say = (SENTENCES[lang] as Partial<Texts<DomainErrorCode>[Lang]>)[code];
  if (say) return say(params);
  return (LINES[lang] as Texts<DomainErrorCode>[Lang])[code](params);
}

/** Protected sheets a run would write to: nothing was written. */
export function sheetProtected(sheets: string[]): DomainError<"sheet-protected"> {
  return new DomainError("sheet-protected", { sheets: sheets.join(", "), count: sheets.length });
}
