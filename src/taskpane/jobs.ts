/**
 * The pane's jobs: what a person opens it to do, each its own tab. Checking and fixing (the criteria set, the
 * check, its findings and units); scoring and its undo; the summary and what is built from it (last year, the
 * report); and the season's tools (consolidating workbooks, comparing versions, the environment check).
 */
export const JOBS = ["check", "score", "summary", "season"] as const;
export type Job = (typeof JOBS)[number];

export const jobTabId = (job: Job) => `job-tab-${job}`;
export const jobPanelId = (job: Job) => `job-panel-${job}`;
