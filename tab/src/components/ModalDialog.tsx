import type { ReactNode } from "react";
import {
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  type DialogSurfaceProps,
} from "@fluentui/react-components";

/**
 * The one dialog frame: a title, its content and its buttons. Escape and a click outside close
 * it through `onClose`, as the buttons that dismiss it do.
 */
export function ModalDialog(props: {
  title: ReactNode;
  onClose(): void;
  /** "alert" when the person must answer before anything else. */
  modalType?: "modal" | "alert";
  /** What names the dialog's description, when Fluent's default is not right for it. */
  surface?: Pick<DialogSurfaceProps, "aria-describedby">;
  contentClassName?: string;
  /** Buttons as wide as the dialog allows (a row of three). */
  fluidActions?: boolean;
  actions: ReactNode;
  children: ReactNode;
}) {
  return (
    <Dialog
      open
      modalType={props.modalType}
      onOpenChange={(_event, data) => {
        if (!data.open) props.onClose();
      }}
    >
      <DialogSurface {...props.surface}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent className={props.contentClassName}>{props.children}</DialogContent>
          <DialogActions fluid={props.fluidActions}>{props.actions}</DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
