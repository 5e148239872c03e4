// HUONG-DAN.txt: the short guide that travels with a release, Vietnamese then English, for its address.
// The full guide, with server settings and sources, is docs/deploy.md.

"use strict";

const OFFICE_JS_HOST = "https://appsforoffice.microsoft.com";

/** The guide's text for a release of `version` built for `base` (a folder URL ending with "/"). */
function releaseGuide({ base, version, manifestVersion, builtAt }) {
  const vi = [
    `CCHC Scoring ${version} — bản phát hành cho ${base}`,
    `(manifest phiên bản ${manifestVersion}, dựng lúc ${builtAt} bằng "npm run release")`,
    "",
    "1. Đưa toàn bộ nội dung thư mục này lên máy chủ web HTTPS sao cho các địa chỉ sau mở được:",
    `     ${base}taskpane.html`,
    `     ${base}manifest.xml`,
    "   IIS: tệp web.config trong thư mục đã đặt kiểu MIME và bộ nhớ đệm. nginx và máy chủ khác: xem",
    "   docs/deploy.md trong mã nguồn.",
    "2. Giao manifest.xml cho người dùng, một trong các cách:",
    "   - Trung tâm quản trị Microsoft 365 > Settings > Integrated apps > Upload custom apps (cho cả đơn vị);",
    "   - Excel trên web: Home > Add-ins > More Settings > Upload My Add-in (từng người);",
    "   - Excel trên Windows: thư mục dùng chung làm Trusted Add-in Catalog (Microsoft chỉ hỗ trợ cách này",
    "     để thử nghiệm).",
    "   Cần Excel có ExcelApi 1.9: Microsoft 365 hay bản bán lẻ từ Version 1903, bản mua theo hợp đồng",
    "   (volume) từ Office 2021, Excel trên web, Excel cho Mac từ 16.24. Excel 2016/2019 bản volume không",
    "   chạy được add-in: dùng chế độ trình duyệt (bước 4).",
    `3. Ngăn CCHC trong Excel tải Office.js từ ${OFFICE_JS_HOST}: máy người dùng phải truy cập được`,
    "   địa chỉ đó; không có nó add-in không chạy.",
    "4. Không có add-in, hay không có mạng: mở",
    `     ${base}trinh-duyet.html`,
    "   hoặc mở thẳng tệp trinh-duyet.html trong thư mục này (từ ổ đĩa hay thư mục dùng chung). Chế độ",
    "   trình duyệt chạy hoàn toàn trên máy, không gửi tệp đi đâu.",
    "5. Cập nhật: dựng bản mới cho cùng địa chỉ, thay toàn bộ thư mục trên máy chủ. Nếu manifest.xml đổi",
    "   (phiên bản mới hơn), tải manifest mới lên nơi đã giao ở bước 2.",
  ];
  const en = [
    `CCHC Scoring ${version} — release for ${base}`,
    `(manifest version ${manifestVersion}, built at ${builtAt} by "npm run release")`,
    "",
    "1. Put everything in this folder on an HTTPS web server so that these addresses open:",
    `     ${base}taskpane.html`,
    `     ${base}manifest.xml`,
    "   IIS: the folder's web.config sets the MIME types and caching. nginx and other servers: see",
    "   docs/deploy.md in the source.",
    "2. Give manifest.xml to users, one of:",
    "   - Microsoft 365 admin center > Settings > Integrated apps > Upload custom apps (the organisation);",
    "   - Excel on the web: Home > Add-ins > More Settings > Upload My Add-in (one person);",
    "   - Excel on Windows: a shared folder as a Trusted Add-in Catalog (Microsoft supports this for",
    "     testing only).",
    "   Needs an Excel with ExcelApi 1.9: Microsoft 365 or retail from Version 1903, volume-licensed from",
    "   Office 2021, Excel on the web, Excel for Mac from 16.24. Volume-licensed Excel 2016/2019 cannot run",
    "   the add-in: use the browser mode (step 4).",
    `3. The CCHC pane in Excel loads Office.js from ${OFFICE_JS_HOST}: users' computers must reach it;`,
    "   without it the add-in does not run.",
    "4. Without the add-in, or without a network: open",
    `     ${base}trinh-duyet.html`,
    "   or open the file trinh-duyet.html in this folder directly (from a disk or a shared folder). The",
    "   browser mode runs entirely on the computer and sends files nowhere.",
    "5. Updates: build a new release for the same address and replace the whole folder on the server. If",
    "   manifest.xml changed (a higher version), upload the new one where step 2 put it.",
  ];
  // A byte order mark: Notepad and browsers then read the Vietnamese as UTF-8 whatever the server says.
  return "\ufeff" + [...vi, "", "—".repeat(40), "", ...en, ""].join("\r\n");
}

module.exports = { releaseGuide, OFFICE_JS_HOST };
