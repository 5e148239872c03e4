// Issue 11, item 7: `npm ci` (and so the README's first command) must need no compiler and no
// libsecret. A package that builds native code declares an install script (npm records it in the
// lockfile as `hasInstallScript`, and node-gyp packages carry a binding.gyp); keytar, pulled by
// office-addin-debugging's toolkit, was the one that did. `npm start` fetches that tool through npx.
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, { hasInstallScript?: boolean; optional?: boolean }>;
};
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

test("no package in the lockfile runs an install script (nothing native to build on npm ci)", () => {
  const building = Object.entries(lock.packages)
    .filter(([name, entry]) => name !== "" && entry.hasInstallScript)
    .map(([name]) => name);
  expect(building).toEqual([]);
});

test("no installed package carries a node-gyp binding", () => {
  const withBinding = Object.keys(lock.packages)
    .filter((name) => name.startsWith("node_modules/"))
    .filter((name) => fs.existsSync(path.join(root, name, "binding.gyp")));
  expect(withBinding).toEqual([]);
});

test("office-addin-debugging is not installed; npm start and stop fetch it through npx", () => {
  expect(pkg.dependencies["office-addin-debugging"]).toBeUndefined();
  expect(pkg.devDependencies["office-addin-debugging"]).toBeUndefined();
  expect(Object.keys(lock.packages)).not.toContain("node_modules/keytar");
  expect(pkg.scripts.start).toMatch(/^npx --yes office-addin-debugging@\d+\.\d+\.\d+ start manifest\.xml$/);
  expect(pkg.scripts.stop).toMatch(/^npx --yes office-addin-debugging@\d+\.\d+\.\d+ stop manifest\.xml$/);
});

test("the system packages script asks for no compiler and no libsecret", () => {
  const script = fs.readFileSync(path.join(root, ".ci", "install-system-deps.sh"), "utf8");
  const list = /PACKAGES=\(([^)]*)\)/.exec(script);
  expect(list).not.toBeNull();
  const packages = list![1].split(/\s+/).filter(Boolean);
  expect(packages).toEqual(expect.arrayContaining(["chromium", "libreoffice-calc-nogui"]));
  for (const tool of ["libsecret-1-dev", "pkg-config", "g++", "make", "build-essential"])
    expect(packages).not.toContain(tool);
});
