import {
  Badge,
  Caption1,
  FluentProvider,
  Spinner,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { HostMode } from "./host";
import { t, type MessageKey } from "./i18n";

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
    alignItems: "center",
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
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  hint: {
    color: tokens.colorNeutralForeground2,
  },
  region: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  regionTitle: {
    margin: 0,
  },
});

const REGIONS: ReadonlyArray<{ id: string; title: MessageKey }> = [
  { id: "criteria", title: "section.criteria" },
  { id: "check", title: "section.check" },
  { id: "summary", title: "section.summary" },
];

function Region({ id, title }: { id: string; title: MessageKey }) {
  const styles = useStyles();
  const headingId = `${id}-title`;
  return (
    <section className={styles.region} aria-labelledby={headingId} data-region={id}>
      <Subtitle2 as="h2" id={headingId} className={styles.regionTitle}>
        {t(title)}
      </Subtitle2>
      <Text className={styles.hint}>{t("section.placeholder")}</Text>
    </section>
  );
}

/** The pane's shell: header and the three regions. The regions' content comes later. */
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
        </div>
        {host === "browser" && (
          <Badge appearance="tint" color="informative">
            {t("mode.browser")}
          </Badge>
        )}
      </header>
      <main className={styles.main}>
        {host === undefined ? (
          <Spinner size="small" label={t("mode.starting")} />
        ) : (
          <>
            {host === "browser" && <Text className={styles.hint}>{t("mode.browserHint")}</Text>}
            {REGIONS.map((region) => (
              <Region key={region.id} id={region.id} title={region.title} />
            ))}
          </>
        )}
      </main>
    </FluentProvider>
  );
}
