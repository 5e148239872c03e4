/* eslint-disable no-undef */
// Web bundle of the add-in: the task pane (React + Fluent UI) and the ribbon commands.
// Layout follows OfficeDev's Office-Addin-TaskPane-React template, without its IE11-era polyfills.
//
//   npm run build        production build into dist/, manifest URLs rewritten to urlProd
//   npm run release      production build for a given address, into release/ and release.zip
//                        (scripts/release.js; it passes --env release: no source maps)
//   npm run dev-server   https://localhost:3000, office-addin-dev-certs (for sideloading into Office)
//   npm run preview      http://localhost:3000, no certificate: the pane alone in a plain browser
//
// Office.js is loaded by a <script> tag in taskpane.html and commands.html: from Microsoft's CDN,
// or (with --env preview, or NODE_ENV=test) from a local copy of @microsoft/office-js served under
// /office-js/. trinh-duyet.html is the same pane without Office.js: the browser mode as a page of its
// own, which also works from a local disk or a share (every path relative, publicPath "auto").
// Production scripts are js/[name].[contenthash].js: a server can cache js/ for good, the rest briefly.

const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { rewriteManifest } = require("./scripts/release/manifest");

const urlDev = "https://localhost:3000/";
// The production deployment location, ending with "/": CHANGE THIS, or set ADDIN_PROD_URL.
const urlProd = process.env.ADDIN_PROD_URL || "https://cchc-scoring.example/";

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";
const officeJsDist = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const exceljsBrowser = require.resolve("exceljs/dist/exceljs.min.js");

async function getHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    const httpsOptions = await devCerts.getHttpsServerOptions();
    return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
  } catch (error) {
    // The certificates were generated but their CA could not be made trusted (on Linux that takes
    // sudo). Serve with them anyway; Office and browsers accept them once the CA is trusted.
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
    if (!Object.values(files).every((file) => fs.existsSync(path.join(dir, file)))) throw error;
    console.warn(
      `\n[cchc] ${error.message}\n` +
        `[cchc] Serving https with the untrusted certificates in ${dir}. Before sideloading, trust ` +
        `${files.ca} there (npx office-addin-dev-certs install, as an administrator), ` +
        "or use npm run preview.\n"
    );
    const read = (file) => fs.readFileSync(path.join(dir, file));
    return { ca: read(files.ca), cert: read(files.cert), key: read(files.key) };
  }
}

/** Fails the build if ExcelJS lands in a chunk loaded up front: only import() may load it. */
class ExcelJsStaysLazy {
  apply(compiler) {
    const { WebpackError } = compiler.webpack;
    compiler.hooks.afterCompile.tap("ExcelJsStaysLazy", (compilation) => {
      for (const chunk of compilation.chunks) {
        if (!chunk.canBeInitial()) continue;
        for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
          const resource =
            module.resource || (module.rootModule && module.rootModule.resource) || "";
          if (/[\\/]node_modules[\\/]exceljs[\\/]/.test(resource)) {
            const where = `ExcelJS is in the initial chunk "${chunk.name}"`;
            const fix = "load it with a dynamic import() so that it gets a lazy chunk";
            compilation.errors.push(new WebpackError(`${where}; ${fix}`));
            return;
          }
        }
      }
    });
  }
}

/** Fails a build if an entry's initial JS (lazy chunks excluded) is over a gzipped size. */
class GzipBudget {
  constructor(entry, maxBytes) {
    this.entry = entry;
    this.maxBytes = maxBytes;
  }
  apply(compiler) {
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("GzipBudget", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "GzipBudget", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const entrypoint = compilation.entrypoints.get(this.entry);
          if (!entrypoint) return;
          const files = entrypoint.getFiles().filter((file) => file.endsWith(".js"));
          const gzipped = (file) =>
            zlib.gzipSync(compilation.getAsset(file).source.buffer(), { level: 9 }).length;
          const total = files.reduce((sum, file) => sum + gzipped(file), 0);
          const kb = (total / 1024).toFixed(1);
          const budget = `budget ${this.maxBytes / 1024} KB`;
          const message = `${this.entry}: initial JS ${kb} KB gzipped (${budget}): ${files.join(", ")}`;
          if (total > this.maxBytes) compilation.errors.push(new WebpackError(message));
          else compilation.logger.info(message);
        }
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const preview = Boolean(env.preview);
  const localOfficeJs = preview || process.env.NODE_ENV === "test";
  const serving = Boolean(env.WEBPACK_SERVE);
  const release = Boolean(env.release);

  // src/<name>/<name>.html gets the <name> entry's scripts, and officeJsUrl as a template parameter.
  const page = (name) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `./src/${name}/${name}.html`,
      chunks: [name],
      templateParameters: { officeJsUrl: localOfficeJs ? OFFICE_JS_LOCAL : OFFICE_JS_CDN },
    });
  const browserPage = new HtmlWebpackPlugin({
    filename: "trinh-duyet.html",
    template: "./src/taskpane/browser.html",
    chunks: ["taskpane"],
  });

  const copyPatterns = [
    { from: "assets/*", to: "assets/[name][ext][query]" },
    {
      from: "manifest*.xml",
      to: "[name][ext]",
      transform(content) {
        if (dev) return content;
        const note = `Generated from manifest.xml for ${urlProd} (webpack.config.js); edit manifest.xml, not this file.`;
        return rewriteManifest(content.toString(), { from: urlDev, to: urlProd, note });
      },
    },
  ];
  if (localOfficeJs) {
    // Outside Office, office.js fetches only itself and o15apptofilemappingtable.js from its own
    // folder; Excel on the web's scripts and the vi-VN/en-US strings are for tests that fake a host.
    const officeJsFiles = [
      "office.js",
      "o15apptofilemappingtable.js",
      "excel-web-16.00.js",
      "excel-web-16.00-core.js",
      "en-us/office_strings.js",
      "vi-vn/office_strings.js",
    ];
    copyPatterns.push({
      from: `{${officeJsFiles.join(",")}}`,
      context: officeJsDist,
      to: "office-js/",
      info: { minimized: true }, // already minified: served as published, terser skips it
    });
  }

  return {
    // Never an eval-* devtool: the pages' Content Security Policy has no 'unsafe-eval'. A release ships
    // without source maps (8 MB that nobody running it needs).
    devtool: release ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "js/[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "js/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // ExcelJS's own browser build (it carries its Buffer/stream/zlib shims), not its Node entry.
      alias: { exceljs$: exceljsBrowser },
    },
    module: {
      noParse: [exceljsBrowser],
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              onlyCompileBundledFiles: true,
              // ES modules so webpack sees import() and splits the chunk (tsconfig.json says commonjs
              // for the CLI and jest).
              compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: true },
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          exceljs: {
            test: (module) => module.resource === exceljsBrowser,
            name: "exceljs",
            chunks: "async",
            enforce: true,
          },
        },
      },
    },
    // Raw-size hints would only repeat what GzipBudget checks on the gzipped size.
    performance: { hints: false },
    plugins: [
      new CopyWebpackPlugin({ patterns: copyPatterns }),
      page("taskpane"),
      page("commands"),
      browserPage,
      new ExcelJsStaysLazy(),
      ...(dev ? [] : [new GzipBudget("taskpane", 450 * 1024)]),
    ],
    devServer: {
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      server:
        preview || !serving
          ? { type: "http" }
          : { type: "https", options: await getHttpsOptions() },
    },
  };
};
