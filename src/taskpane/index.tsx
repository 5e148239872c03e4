import { createRoot } from "react-dom/client";
import { App } from "./App";
import { whenHostKnown } from "./host";
import { detectLang, setLang } from "./i18n";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  root.render(<App host={undefined} />);
  whenHostKnown((host) => {
    setLang(detectLang(host));
    root.render(<App host={host} />);
  });
}
