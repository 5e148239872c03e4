/**
 * Part names of an Open Packaging Conventions package (ECMA-376 Part 2) as zip entry names: no leading "/",
 * segments separated by "/". Relationship targets are URIs relative to the source part's folder, or absolute
 * from the package root ("/xl/worksheets/sheet1.xml", as openpyxl writes them).
 */

/** The part a relationship's target names: resolved against the source part, "." and ".." removed. */
export function resolveTarget(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a malformed escape: the name is taken as written
  }
  const base = decoded.startsWith("/") ? [] : folderOf(sourcePart).split("/").filter(Boolean);
  const out = [...base];
  for (const seg of decoded.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

/** The shortest relative target from `sourcePart` to `part`, as Excel writes them ("../tables/table1.xml"). */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = folderOf(sourcePart).split("/").filter(Boolean);
  const to = part.split("/");
  let same = 0;
  while (same < from.length && same < to.length - 1 && from[same] === to[same]) same++;
  const ups = from.slice(same).map(() => "..");
  return [...ups, ...to.slice(same)].map(encodeSegment).join("/");
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; the package itself ("") → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const folder = folderOf(part);
  const name = part.slice(folder.length);
  return `${folder}_rels/${name}.rels`;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/"; a root part → "". */
export function folderOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i + 1);
}

function encodeSegment(seg: string): string {
  return seg === ".." ? seg : encodeURIComponent(seg).replace(/%40/g, "@");
}
