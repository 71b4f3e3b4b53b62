import type { ReactNode } from "react";
import { makeStyles, mergeClasses, Title2 } from "@fluentui/react-components";

const useStyles = makeStyles({
  // The layouts around a title space it; the heading's own margins would double that.
  title: { margin: 0 },
  lead: { marginInlineEnd: "auto" },
});

/**
 * A page's or a section's `h2`. With `lead`, it stands first in a row and pushes what follows
 * (filters, buttons) to the row's far end.
 */
export function PageTitle({
  id,
  lead = false,
  children,
}: {
  id?: string;
  lead?: boolean;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <Title2 as="h2" id={id} className={mergeClasses(styles.title, lead && styles.lead)}>
      {children}
    </Title2>
  );
}
