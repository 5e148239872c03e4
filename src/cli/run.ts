import { readFileSync } from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { IndexedSet } from "../core/criteria/indexed";
import { Lang } from "../core/i18n/lang";
import { DomainError, errorLine } from "../core/errors/domainError";
import { aboutFile } from "./aboutFile";
import { FileError } from "./files";
import { helpText } from "./help";
import { checkOut, ReadFile } from "./outputPath";
import { previousFiguresOf } from "../core/report/previousFigures";
import { CliIO, CommandContext } from "./io";

/**
 * Each command's module, loaded when the command runs: `cchc score` loads neither ExcelJS nor the Word writer,
 * which cost a whole process a few hundred milliseconds to compile.
 */
const load = {
  check: () => import("./commands/check"),
  report: () => import("./commands/report"),
  criteria: () => import("./commands/criteria"),
  diff: () => import("./commands/diff"),
  criteriaFromForm: () => import("./commands/criteriaFromForm"),
  revert: () => import("./commands/revert"),
  score: () => import("./commands/score"),
  summary: () => import("./commands/summary"),
  template: () => import("./commands/template"),
  criteriaSource: () => import("./criteriaSource"),
  previousSource: () => import("./previousSource"),
};

const COMMANDS = [
  "check",
  "score",
  "summary",
  "template",
  "criteria",
  "revert",
  "diff",
  "report",
] as const;
type Command = (typeof COMMANDS)[number];

const OPTIONS = {
  criteria: { type: "string" },
  out: { type: "string" },
  json: { type: "boolean" },
  lang: { type: "string" },
  units: { type: "string" },
  "in-place": { type: "boolean" },
  "skip-conflicts": { type: "boolean" },
  previous: { type: "string" },
  "from-form": { type: "boolean" },
  sheet: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
} as const;

/** Which options each command takes; anything else is a usage error. */
const ALLOWED: Record<Command, string[]> = {
  check: ["criteria", "json", "lang"],
  score: ["criteria", "out", "lang", "in-place", "json"],
  summary: ["criteria", "out", "json", "lang", "previous"],
  template: ["criteria", "units", "out", "lang"],
  criteria: ["out", "lang", "from-form", "sheet"],
  revert: ["out", "in-place", "lang", "skip-conflicts"],
  diff: ["criteria", "json", "lang"],
  report: ["criteria", "out", "previous", "lang"],
};

export function toolVersion(): string {
  try {
    return JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"))
      .version;
  } catch {
    return "0.0.0";
  }
}

/** The whole command line, in-process: returns the exit code; every failure becomes plain lines on stderr. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  let lang: Lang = "vi";
  const usage = (vi: string, en: string) =>
    new DomainError("bad-arguments", { detail: lang === "en" ? en : vi });
  try {
    const langAt = argv.indexOf("--lang");
    const langArg =
      langAt >= 0 ? argv[langAt + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
    if (langArg === "en" || langArg === "vi") lang = langArg;
    else if (langArg !== undefined)
      throw usage(
        `--lang chỉ nhận vi hoặc en (nhận được "${langArg}")`,
        `--lang takes vi or en (got "${langArg}")`
      );

    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const ctx: CommandContext = { lang, io, version: toolVersion() };
    if (values.version) return (io.out(ctx.version + "\n"), 0);
    const [command, ...files] = positionals;
    if (!command || values.help) return (io.out(helpText(lang)), 0);
    if (!(COMMANDS as readonly string[]).includes(command))
      throw usage(
        `lệnh không có: "${command}" (có: ${COMMANDS.join(", ")}); xem cchc --help`,
        `unknown command "${command}" (one of: ${COMMANDS.join(", ")}); see cchc --help`
      );
    const cmd = command as Command;
    for (const key of Object.keys(values))
      if (key !== "help" && !ALLOWED[cmd].includes(key))
        throw usage(`lệnh ${cmd} không nhận --${key}`, `${cmd} does not take --${key}`);
    const need = (ok: boolean, vi: string, en: string) => {
      if (!ok) throw usage(vi, en);
    };
    // --out is checked before anything is read, so a refused one costs nothing and writes nothing.
    const reads: ReadFile[] = [
      ...files.map((file) => ({ file, role: "input" as const })),
      ...(values.criteria ? [{ file: values.criteria, role: "criteria" as const }] : []),
      ...(values.previous ? [{ file: values.previous, role: "input" as const }] : []),
    ];
    const inPlace =
      cmd === "score" || cmd === "revert" ? (values["in-place"] ? "given" : "possible") : "no";
    const out = values.out !== undefined ? checkOut(values.out, reads, inPlace) : undefined;
    const criteriaFile = values.criteria;
    const loadCriteria = criteriaFile ? (await load.criteriaSource()).loadCriteriaFile : undefined;
    const criteria: IndexedSet | undefined = criteriaFile
      ? await aboutFile(criteriaFile, () => loadCriteria!(criteriaFile, lang))
      : undefined;

    switch (cmd) {
      case "check":
        need(
          files.length > 0,
          "cchc check cần ít nhất một tệp .xlsx",
          "cchc check needs at least one .xlsx file"
        );
        return await (
          await load.check()
        ).checkCommand(files, { criteria, json: Boolean(values.json) }, ctx);
      case "score": {
        need(
          files.length === 1,
          "cchc score cần đúng một tệp .xlsx",
          "cchc score takes exactly one .xlsx file"
        );
        need(Boolean(out), "cchc score cần --out OUT.xlsx", "cchc score needs --out OUT.xlsx");
        const score = (await load.score()).scoreCommand;
        return await aboutFile(files[0], () =>
          score(files[0], { criteria, out: out!, json: Boolean(values.json) }, ctx)
        );
      }
      case "summary": {
        need(
          files.length > 0,
          "cchc summary cần ít nhất một tệp .xlsx",
          "cchc summary needs at least one .xlsx file"
        );
        need(Boolean(out), "cchc summary cần --out OUT.xlsx", "cchc summary needs --out OUT.xlsx");
        // Each input's own failures name it (checkFiles); what fails after reading is about the output.
        const summary = (await load.summary()).summaryCommand;
        return await aboutFile(out!.given, () =>
          summary(
            files,
            { criteria, out: out!, json: Boolean(values.json), previous: values.previous },
            ctx
          )
        );
      }
      case "report": {
        need(
          files.length > 0,
          "cchc report cần ít nhất một tệp .xlsx",
          "cchc report needs at least one .xlsx file"
        );
        need(
          Boolean(out),
          "cchc report cần --out BAO-CAO.docx",
          "cchc report needs --out REPORT.docx"
        );
        // Last year's report is read first: a bad one costs no workbook reading and writes nothing.
        const previousFile = values.previous;
        const previous = previousFile
          ? previousFiguresOf(await (await load.previousSource()).readLastYear(previousFile))
          : undefined;
        const report = (await load.report()).reportCommand;
        return await aboutFile(out!.given, () =>
          report(files, { criteria, out: out!, previous }, ctx)
        );
      }
      case "template": {
        need(
          files.length === 0,
          "cchc template không nhận tệp đầu vào",
          "cchc template takes no input file"
        );
        need(
          Boolean(criteria),
          "cchc template cần --criteria F",
          "cchc template needs --criteria F"
        );
        need(
          Boolean(out),
          "cchc template cần --out OUT.xlsx",
          "cchc template needs --out OUT.xlsx"
        );
        need(
          values.units !== undefined,
          'cchc template cần --units "Xã A;Xã B"',
          'cchc template needs --units "Unit A;Unit B"'
        );
        const units = values
          .units!.split(";")
          .map((u) => u.trim())
          .filter(Boolean);
        need(units.length > 0, "--units chưa có tên đơn vị nào", "--units names no unit");
        const template = (await load.template()).templateCommand;
        return await aboutFile(out!.given, () =>
          template({ criteria: criteria!, units, out: out! }, ctx)
        );
      }
      case "criteria": {
        need(
          files.length === 1,
          "cchc criteria cần đúng một tệp bộ tiêu chí",
          "cchc criteria takes exactly one criteria file"
        );
        need(Boolean(out), "cchc criteria cần --out G", "cchc criteria needs --out G");
        need(
          values["from-form"] || values.sheet === undefined,
          "--sheet chỉ dùng cùng --from-form",
          "--sheet goes with --from-form only"
        );
        if (values["from-form"]) {
          const fromForm = (await load.criteriaFromForm()).criteriaFromFormCommand;
          return await aboutFile(files[0], () =>
            fromForm(files[0], { out: out!, sheet: values.sheet }, ctx)
          );
        }
        const criteriaOf = (await load.criteria()).criteriaCommand;
        return await aboutFile(files[0], () => criteriaOf(files[0], { out: out! }, ctx));
      }
      case "revert": {
        need(
          files.length === 1,
          "cchc revert cần đúng một tệp .xlsx",
          "cchc revert takes exactly one .xlsx file"
        );
        need(Boolean(out), "cchc revert cần --out OUT.xlsx", "cchc revert needs --out OUT.xlsx");
        const revert = (await load.revert()).revertCommand;
        return await aboutFile(files[0], () =>
          revert(files[0], { out: out!, skipConflicts: Boolean(values["skip-conflicts"]) }, ctx)
        );
      }
      case "diff":
        need(
          files.length === 2,
          "cchc diff cần đúng hai tệp .xlsx: bản cũ và bản mới",
          "cchc diff takes exactly two .xlsx files: the old version and the new one"
        );
        return await (
          await load.diff()
        ).diffCommand(
          { before: files[0], after: files[1] },
          { criteria, json: Boolean(values.json) },
          ctx
        );
    }
  } catch (e) {
    for (const line of errorLines(e, lang)) io.err(`cchc: ${line}\n`);
    return 2;
  }
}

/** Plain lines for any failure; never a stack trace. */
export function errorLines(e: unknown, lang: Lang): string[] {
  if (e instanceof AggregateError) return e.errors.flatMap((x) => errorLines(x, lang));
  if (e instanceof FileError) {
    const head = `${e.file}: ${errorLine(e.inputError.code, e.inputError.params, lang)}`;
    // A refused criteria set: every problem, one line each.
    const problems = DomainError.is(e.inputError, "criteria-refused")
      ? (e.inputError.params.problems ?? [])
      : [];
    return [head, ...problems.map((p) => `${e.file}: ${p.path ? p.path + ": " : ""}${p.message}`)];
  }
  if (e instanceof DomainError) return [errorLine(e.code, e.params, lang)];
  const err = e as { code?: string; message?: string };
  if (typeof err?.code === "string" && err.code.startsWith("ERR_PARSE_ARGS"))
    return [
      String(err.message).split("\n")[0] +
        (lang === "en" ? " (see cchc --help)" : " (xem cchc --help)"),
    ];
  const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
  return [(lang === "en" ? "internal error: " : "lỗi nội bộ: ") + msg];
}
