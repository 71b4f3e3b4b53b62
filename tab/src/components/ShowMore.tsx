import { useState } from "react";
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { ApiError } from "@practice-hub/shared";
import { apiErrorOf } from "../api/errors";

/**
 * The control under a paged list: loads the next page when pressed, says so while it loads, and
 * shows why it failed (pressing again retries). Render it only while there is a next page.
 */
export function ShowMore({ label, onMore }: { label: string; onMore: () => Promise<void> }) {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const more = async () => {
    setLoading(true);
    setError(null);
    try {
      await onMore();
    } catch (failure) {
      setError(apiErrorOf(failure));
    } finally {
      setLoading(false);
    }
  };

  return (
    <div>
      <Button appearance="secondary" disabled={loading} onClick={() => void more()}>
        {loading ? "Loading more…" : label}
      </Button>
      {error && (
        <MessageBar intent="warning">
          <MessageBarBody>{error.message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
