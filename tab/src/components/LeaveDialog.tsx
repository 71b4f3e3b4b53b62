import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";

/** Asks before unsaved text is dropped; staying is the default, leaving is the deliberate act. */
export default function LeaveDialog({ onAnswer }: { onAnswer(leave: boolean): void }) {
  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open) onAnswer(false);
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Leave without saving?</DialogTitle>
          <DialogContent>
            You have changes that are not saved yet. If you leave now, they will be lost.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(false)}>
              Stay and keep editing
            </Button>
            <Button onClick={() => onAnswer(true)}>Leave without saving</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
