export type Lang = "vi" | "en";
