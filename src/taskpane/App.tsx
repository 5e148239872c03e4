import {
  Badge,
  Caption1,
  FluentProvider,
  Spinner,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { HostMode } from "./host";
import { t } from "./i18n";
import { Pane } from "./Pane";

export interface AppProps {
  /** undefined while Office.onReady has not answered yet. */
  host: HostMode | undefined;
}

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: {
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minWidth: 0,
  },
  title: {
    margin: 0,
  },
  badge: {
    alignSelf: "flex-start",
    marginTop: tokens.spacingVerticalXXS,
    whiteSpace: "nowrap",
  },
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    // Task panes are often about 320px wide: give the content the room.
    "@media (max-width: 360px)": { padding: tokens.spacingHorizontalS },
  },
});

/** The pane: header, then (once the host is known) the regions of the Excel or the browser mode. */
export function App({ host }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
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
