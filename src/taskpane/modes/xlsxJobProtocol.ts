/**
 * What crosses between the page and the .xlsx jobs (xlsxJobs.ts), in a worker or not: plain data that survives
 * postMessage. No ExcelJS here: the Excel mode's chunk imports this file.
 */
import type { CriteriaSet } from "../../core/criteria/model";
import { DomainError, type DomainErrorCode } from "../../core/errors/domainError";
import type { WorkbookRead } from "../../core/port";
import type { Report } from "../../core/report/report";
import type { RunStep } from "../../core/usecases/check";
import type { Lang } from "../i18n";
import type { ConflictView } from "../session";

export type JobRequest =
  /** Reads an .xlsx; with `keep`, the runner keeps the read under that number for a later score of the same file. */
  | { kind: "read"; bytes: Uint8Array; keep?: number }
  /** Checks an .xlsx (read again unless `kept` names the runner's kept read of it) with `given`: its report. */
  | {
      kind: "check";
      bytes: Uint8Array;
      kept?: number;
      given: CriteriaSet;
      lang: Lang;
      file: string;
    }
  /** Scores an .xlsx (read again unless `kept` names the runner's kept read of it) into new bytes. */
  | {
      kind: "score";
      bytes: Uint8Array;
      kept?: number;
      /** The set chosen by the person (imported); absent: the workbook's own criteria sheet. */
      given?: CriteriaSet;
      lang: Lang;
      file: string;
    };

export interface ScoreResult {
  bytes: Uint8Array;
  conflicts: ConflictView[];
}

export type JobResult<R extends JobRequest> = R extends { kind: "read" }
  ? WorkbookRead
  : R extends { kind: "check" }
    ? Report
    : ScoreResult;

/** An error as it crosses to the page: core's DomainError by code and params, anything else by its message. */
export type JobError = { code: DomainErrorCode; params: unknown } | { message: string };

export interface JobProgress {
  step: RunStep;
  done?: number;
  total?: number;
}

/** Page → worker. */
export interface JobMessage {
  id: number;
  request: JobRequest;
}

/** Worker → page: progress of a job, then its result or its error. */
export type JobReply =
  | { id: number; progress: JobProgress }
  | { id: number; result: WorkbookRead | Report | ScoreResult }
  | { id: number; error: JobError };

export function jobError(error: unknown): JobError {
  if (error instanceof DomainError) return { code: error.code, params: error.params };
  return { message: error instanceof Error ? error.message : String(error) };
}

/** The error back in the page, a DomainError again where it was one (the pane localizes those). */
export function errorOf(error: JobError): Error {
  if ("code" in error)
    return new (DomainError as unknown as new (code: string, params: unknown) => Error)(
      error.code,
      error.params
    );
  return new Error(error.message);
}
