import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  region: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    minWidth: 0,
    "@media (max-width: 360px)": {
      padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    },
  },
  title: { margin: 0 },
});

/** One of the pane's regions: a card with an h2 that names the region for screen readers. */
export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const headingId = `${id}-title`;
  return (
    <section className={styles.region} aria-labelledby={headingId} data-region={id}>
      <Subtitle2 as="h2" id={headingId} className={styles.title}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}
