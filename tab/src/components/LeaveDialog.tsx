import { Button } from "@fluentui/react-components";
import { ModalDialog } from "./ModalDialog";

/** Asks before unsaved text is dropped; staying is the default, leaving is the deliberate act. */
export default function LeaveDialog({ onAnswer }: { onAnswer(leave: boolean): void }) {
  return (
    <ModalDialog
      title="Leave without saving?"
      modalType="alert"
      onClose={() => onAnswer(false)}
      actions={
        <>
          <Button appearance="primary" onClick={() => onAnswer(false)}>
            Stay and keep editing
          </Button>
          <Button onClick={() => onAnswer(true)}>Leave without saving</Button>
        </>
      }
    >
      You have changes that are not saved yet. If you leave now, they will be lost.
    </ModalDialog>
  );
}
