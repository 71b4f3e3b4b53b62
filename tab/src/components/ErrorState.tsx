import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { ApiError } from "@practice-hub/shared";

/**
 * An error as the API explained it, with a retry when one makes sense. The request's reference
 * is shown only for faults on our side, where support needs it; a refusal's sentence is enough.
 */
export function ErrorState({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: ApiError;
  onRetry?: () => void;
}) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {error.message}
        {error.requestId &&
          (error.status >= 500 || error.status === 0) &&
          ` (reference ${error.requestId})`}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
