// A folder as a .zip (jszip): its files at the archive's root, "/"-separated paths, sorted.

"use strict";

const fs = require("fs");
const path = require("path");
const JSZip = require("jszip");

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
function listFiles(dir) {
  const files = [];
  const visit = (rel) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile()) files.push(child);
      else throw new Error(`${path.join(dir, child)}: neither a file nor a folder`);
    }
  };
  visit("");
  return files.sort();
}

/** The zip of `dir`'s files, as a Buffer. */
async function zipFolder(dir) {
  const zip = new JSZip();
  for (const rel of listFiles(dir)) {
    const file = path.join(dir, rel);
    zip.file(rel, fs.readFileSync(file), { date: fs.statSync(file).mtime });
  }
  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });
}

module.exports = { listFiles, zipFolder };
