import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import type { ApiError } from "@practice-hub/shared";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

/**
 * The end of a library form: what the API refused that no field shows, then its submit and
 * cancel buttons.
 */
export function FormActions(props: {
  error: ApiError | null;
  submit: string;
  busy?: boolean;
  onCancel(): void;
}) {
  const styles = useStyles();
  return (
    <>
      {props.error && (
        <MessageBar intent="error">
          <MessageBarBody>{props.error.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={props.busy}>
          {props.submit}
        </Button>
        <Button onClick={props.onCancel}>Cancel</Button>
      </div>
    </>
  );
}
