// The address a release is built for: the https URL of the folder its files are served from.

"use strict";

/** A refused address; its message is one plain line, Vietnamese then English. */
class AddressError extends Error {}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

/**
 * The folder URL for `text`, always ending with "/" (https://host/cchc becomes https://host/cchc/), so that
 * "taskpane.html" resolves inside it. Throws AddressError for what Office or the release cannot use.
 */
function releaseBaseUrl(text) {
  const given = String(text === undefined ? "" : text).trim();
  const say = (vi, en) => new AddressError(`${vi} / ${en}: "${given}"`);
  if (given === "") {
    throw new AddressError(
      "thiếu địa chỉ: npm run release -- --url https://máy-chủ/thư-mục/ / " +
        "no address: npm run release -- --url https://server/folder/"
    );
  }
  let url;
  try {
    url = new URL(given);
  } catch {
    throw say("không phải địa chỉ web", "not a web address");
  }
  if (url.protocol !== "https:") {
    throw say(
      "địa chỉ phải là https:// (Excel trên web chỉ nạp add-in qua HTTPS)",
      "the address must be https:// (Excel on the web loads add-ins over HTTPS only)"
    );
  }
  if (url.username || url.password) {
    throw say(
      "địa chỉ không được chứa tên đăng nhập hay mật khẩu",
      "the address must not hold a user name or password"
    );
  }
  if (url.search || url.hash || given.includes("?") || given.includes("#")) {
    throw say(
      "địa chỉ không được có phần ?… hay #…",
      "the address must not have a ?query or #fragment"
    );
  }
  if (LOOPBACK.test(url.hostname)) {
    throw say(
      "localhost chỉ dùng khi phát triển (npm start); hãy dùng địa chỉ máy chủ mà người dùng truy cập được",
      "localhost is for development (npm start); give the address users reach the server at"
    );
  }
  if (/\.(html?|xml|aspx?|php)$/i.test(url.pathname)) {
    throw say(
      "hãy cho địa chỉ của thư mục, không phải của một trang",
      "give the address of the folder, not of a page"
    );
  }
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return `${url.origin}${path}`;
}

module.exports = { AddressError, releaseBaseUrl };
