import type { ReactNode } from "react";
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarProps,
} from "@fluentui/react-components";

/**
 * Something the tab tells the user in place (a result, a warning, a refusal): a Fluent message
 * bar with its body and, when given, a title before the text.
 */
export function Notice({
  intent,
  layout,
  title,
  children,
}: Pick<MessageBarProps, "intent" | "layout"> & { title?: string; children: ReactNode }) {
  return (
    <MessageBar intent={intent} layout={layout}>
      <MessageBarBody>
        {title !== undefined && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
