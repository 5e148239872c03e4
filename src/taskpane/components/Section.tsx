import { Subtitle2 } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useSectionStyles } from "./Section.styles";

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
  const styles = useSectionStyles();
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
