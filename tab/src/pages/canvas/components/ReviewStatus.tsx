import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from "@fluentui/react-components";
import {
  canvasReviewStatus,
  type CanvasResponse,
  type CanvasReviewResponse,
} from "@practice-hub/shared";
import { ErrorState } from "../../../components/ErrorState";
import { row } from "../../../components/layoutStyles";
import { useAction } from "../../../components/useAction";
import { useEnvironment } from "../../../environment";
import { daysAgo } from "../../../format";

const useStyles = makeStyles({
  line: row("M", "center"),
});

/**
 * How long ago the community last looked at its canvas together. DOMAIN.md asks for a review
 * every quarter, so past that (or never) the page nudges; champions can record a review.
 */
export function ReviewStatus({
  canvas,
  onReviewed,
}: {
  canvas: CanvasResponse;
  onReviewed(review: CanvasReviewResponse): void;
}) {
  const styles = useStyles();
  const { api } = useEnvironment();
  const action = useAction();
  const { busy, error } = action;
  const status = canvasReviewStatus(canvas.reviewedAt, new Date());
  const canReview = canvas.allowedActions.includes("review");

  const markReviewed = () =>
    action.run(
      async () => onReviewed(await api.markReviewed(canvas.communityId)),
      "Canvas marked as reviewed today.",
    );

  const reviewButton = canReview && (
    <Button disabled={busy} onClick={() => void markReviewed()}>
      {busy ? "Recording the review" : "Mark reviewed"}
    </Button>
  );
  const summary =
    status.daysSinceReview === null
      ? "This canvas has never been reviewed."
      : `Last reviewed ${daysAgo(status.daysSinceReview)}${canvas.reviewedBy ? ` by ${canvas.reviewedBy.displayName}` : ""}.`;

  return (
    <>
      {status.reviewDue ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Time to review the canvas</MessageBarTitle>
            {summary} Purpose and norms drift as people join and leave: set aside an hour with the
            community each quarter to read every section again and update it.
          </MessageBarBody>
          {reviewButton && <MessageBarActions>{reviewButton}</MessageBarActions>}
        </MessageBar>
      ) : (
        <div className={styles.line}>
          <Text>{summary}</Text>
          {reviewButton}
        </div>
      )}
      {error && <ErrorState title="The review was not recorded" error={error} />}
    </>
  );
}
