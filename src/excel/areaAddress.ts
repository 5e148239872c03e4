/**
 * RangeAreas.address comes sheet-qualified: "Sheet1!A1:B4, 'Tổng hợp, 2'!D1:D4". These are the A1 areas
 * without their sheet names; a quoted sheet name may itself hold commas, "!" and doubled quotes.
 */
export function areasOfAddress(address: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < address.length) {
    while (address[i] === " " || address[i] === "," || address[i] === ";") i++;
    if (i >= address.length) break;
    if (address[i] === "'") {
      i++;
      while (i < address.length && !(address[i] === "'" && address[i + 1] !== "'"))
        i += address[i] === "'" ? 2 : 1;
      i++;
    }
    const start = i;
    while (i < address.length && address[i] !== "," && address[i] !== ";") i++;
    const part = address.slice(start, i).trim();
    const bang = part.lastIndexOf("!");
    out.push((bang >= 0 ? part.slice(bang + 1) : part).replace(/\$/g, ""));
  }
  return out.filter((a) => a !== "");
}
