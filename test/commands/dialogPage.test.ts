/**
 * @jest-environment jsdom
 */
import { dialogUrl } from "../../src/commands/dialogText";
import { renderOutcome } from "../../src/dialog/dialog";

it("shows the lines as text: markup from a workbook is never HTML", () => {
  document.body.innerHTML = `<main id="outcome"><h1 id="title"></h1><div id="lines"></div><button id="close"></button></main>`;
  const url = dialogUrl("https://h/dialog.html", {
    lang: "vi",
    title: "CCHC — Tính điểm",
    lines: ['<img src=x onerror="alert(1)">', "Xã 001!E5"],
  });
  let closed = 0;
  renderOutcome(document, new URL(url).search, () => closed++);
  expect(document.getElementById("title")!.textContent).toBe("CCHC — Tính điểm");
  const shown = [...document.querySelectorAll("#lines p")].map((p) => p.textContent);
  expect(shown).toEqual(['<img src=x onerror="alert(1)">', "Xã 001!E5"]);
  expect(document.querySelectorAll("img")).toHaveLength(0);
  const button = document.getElementById("close")!;
  expect(button.textContent).toBe("Đóng");
  button.click();
  expect(closed).toBe(1);
});
