import { Text, tokens } from "@fluentui/react-components";
import type { ApiError } from "@practice-hub/shared";

/** The form-level part of an error: what no field of the form shows, read out as an alert. */
export function FormError({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
      {error.message}
    </Text>
  );
}
