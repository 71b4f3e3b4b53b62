import type { ReactNode } from "react";
import { Title3 } from "@fluentui/react-components";
import { useRetroStyles } from "./retroStyles";

/** A retro form under its heading, which names the section for screen readers. */
export function FormSection(props: { id: string; title: string; children: ReactNode }) {
  const styles = useRetroStyles();
  const titleId = `${props.id}-title`;
  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <Title3 as="h3" id={titleId}>
        {props.title}
      </Title3>
      <div className={styles.form}>{props.children}</div>
    </section>
  );
}
