import { Badge, Caption1, FluentProvider, Spinner, Title3 } from "@fluentui/react-components";
import { useEffect } from "react";
import type { HostMode } from "./host";
import { t } from "./i18n";
import { Pane } from "./Pane";
import { useAppStyles } from "./App.styles";
import { COLOR_SCHEME, FLUENT_THEMES } from "./theme/fluentTheme";
import { useHostTheme } from "./theme/useHostTheme";

export interface AppProps {
  /** undefined while Office.onReady has not answered yet. */
  host: HostMode | undefined;
}

/** The pane: header, then (once the host is known) the regions of the Excel or the browser mode. */
export function App({ host }: AppProps) {
  const styles = useAppStyles();
  const theme = useHostTheme(host);
  useEffect(() => {
    document.documentElement.style.colorScheme = COLOR_SCHEME[theme];
  }, [theme]);
  return (
    <FluentProvider theme={FLUENT_THEMES[theme]} className={styles.root} data-theme={theme}>
      <header className={styles.header}>
        <img
          src="assets/icon-32.png"
          srcSet="assets/icon-32.png 1x, assets/check-80.png 2.5x"
          width={32}
          height={32}
          alt=""
        />
        <div className={styles.titles}>
          <Title3 as="h1" className={styles.title}>
            {t("app.title")}
          </Title3>
          <Caption1>{t("app.subtitle")}</Caption1>
          {host === "browser" && (
            <Badge
              appearance="tint"
              color="informative"
              className={styles.badge}
              data-testid="mode-badge"
            >
              {t("mode.browser")}
            </Badge>
          )}
        </div>
      </header>
      <main className={styles.main}>
        {host === undefined ? (
          <Spinner size="small" label={t("mode.starting")} />
        ) : (
          <Pane host={host} />
        )}
      </main>
    </FluentProvider>
  );
}
