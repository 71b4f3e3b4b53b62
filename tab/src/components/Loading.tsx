import { Spinner } from "@fluentui/react-components";

/** The one loading indicator, labelled so screen readers hear what is loading. */
export function Loading({ label }: { label: string }) {
  return <Spinner size="medium" label={label} style={{ padding: "32px" }} />;
}
