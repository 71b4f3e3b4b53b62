import { useEffect, useRef, useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  Input,
  Link,
  makeStyles,
  Text,
} from "@fluentui/react-components";
import {
  libraryLimits,
  librarySectionTitles,
  type LibraryResource,
  type ResourceDecisionRequest,
} from "@practice-hub/shared";
import { row, stack } from "../../../components/layoutStyles";

const useStyles = makeStyles({
  card: stack("XS"),
  heading: row("S", "center"),
  tags: row("XS"),
  actions: row("S", "end"),
});

const statusColour = {
  suggested: "warning",
  approved: "success",
  rejected: "danger",
  archived: "subtle",
} as const;

/** One resource with, for curators, the decisions its status allows. */
export function ResourceItem({
  resource,
  curator,
  busy,
  selected = false,
  onDecide,
}: {
  resource: LibraryResource;
  curator: boolean;
  busy: boolean;
  /** The resource the address names (`/library/resources/<id>`): brought into view and focused. */
  selected?: boolean;
  onDecide(decision: ResourceDecisionRequest): void;
}) {
  const styles = useStyles();
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!selected) return;
    card.current?.scrollIntoView({ block: "center" });
    card.current?.focus();
  }, [selected]);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");

  return (
    <Card
      ref={card}
      className={styles.card}
      aria-label={resource.title}
      appearance={selected ? "outline" : "filled"}
      tabIndex={selected ? -1 : undefined}
    >
      <div className={styles.heading}>
        <Link href={resource.url} target="_blank" rel="noreferrer">
          <Text weight="semibold">{resource.title}</Text>
        </Link>
        <Badge appearance="tint" color={statusColour[resource.status]}>
          {resource.status}
        </Badge>
        <Caption1>{librarySectionTitles[resource.section]}</Caption1>
      </div>
      <Body1>{resource.why}</Body1>
      {resource.tags.length > 0 && (
        <div className={styles.tags} aria-label="Tags">
          {resource.tags.map((tag) => (
            <Badge key={tag} appearance="outline" color="informative">
              {tag}
            </Badge>
          ))}
        </div>
      )}
      <Caption1>
        Suggested by {resource.suggestedBy.displayName}
        {resource.rejectionReason && ` · Not added: ${resource.rejectionReason}`}
      </Caption1>
      {curator && (
        <div className={styles.actions}>
          {resource.status !== "approved" && (
            <Button
              size="small"
              appearance="primary"
              disabled={busy}
              onClick={() => onDecide({ decision: "approve" })}
            >
              Approve
            </Button>
          )}
          {resource.status === "suggested" && !rejecting && (
            <Button size="small" disabled={busy} onClick={() => setRejecting(true)}>
              Reject
            </Button>
          )}
          {resource.status === "approved" && (
            <Button size="small" disabled={busy} onClick={() => onDecide({ decision: "archive" })}>
              Archive
            </Button>
          )}
          {rejecting && (
            <>
              <Field label="Why it does not fit" required>
                <Input
                  value={reason}
                  maxLength={libraryLimits.rejectionReason}
                  onChange={(_e, data) => setReason(data.value)}
                />
              </Field>
              <Button
                size="small"
                disabled={busy || reason.trim() === ""}
                onClick={() => onDecide({ decision: "reject", reason })}
              >
                Reject with this reason
              </Button>
              <Button size="small" appearance="subtle" onClick={() => setRejecting(false)}>
                Cancel
              </Button>
            </>
          )}
        </div>
      )}
    </Card>
  );
}
