/** Between core's "#RRGGBB" and ExcelJS's ARGB ("FFRRGGBB"). */
export const argbOf = (hex: string): string => "FF" + hex.replace("#", "").toUpperCase();

/** "#RRGGBB" of an ARGB colour; null where there is none or it is a theme/indexed colour. */
export const hexOf = (argb: string | undefined): string | null =>
  argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? "#" + argb.slice(2).toUpperCase() : null;
