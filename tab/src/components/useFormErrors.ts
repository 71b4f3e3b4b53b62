import { useCallback, useState } from "react";
import { validationSummary, type ApiError, type FieldProblem } from "@practice-hub/shared";
import { apiErrorOf, formErrorsOf, type FieldPlacement, type FormErrors } from "../api/errors";
import { useAnnounce } from "./Announcer";

/** What a Fluent `Field` takes to show a problem: its sentence and the error state. */
export interface FieldErrorProps {
  validationMessage?: string;
  validationState?: "error";
}

/**
 * A form's errors from the API: each field's sentence goes beside the field (`field(name)` is
 * spread on its Fluent `Field`), and what no field shows stays for the form (`formError`). The
 * whole message is announced, so a screen reader hears what was refused wherever focus is.
 */
export function useFormErrors<F extends string>(placement: FieldPlacement<F>) {
  const announce = useAnnounce();
  const [errors, setErrors] = useState<FormErrors<F> | null>(null);

  const fail = useCallback(
    (caught: unknown) => {
      const error = apiErrorOf(caught);
      setErrors(formErrorsOf(error, placement));
      announce(error.message);
    },
    [announce, placement],
  );
  /**
   * Shows problems the form found itself, before asking the API (parsed with the shared
   * `parseWithSentences`), exactly as the API would have answered them.
   */
  const invalid = useCallback(
    (subject: string, fields: FieldProblem[]) => {
      const error: ApiError = {
        ok: false,
        error: "bad_request",
        status: 400,
        message: validationSummary(subject, fields),
        requestId: "",
        data: { fields },
      };
      setErrors(formErrorsOf(error, placement));
      announce(error.message);
    },
    [announce, placement],
  );
  const clear = useCallback(() => setErrors(null), []);
  const field = (name: F): FieldErrorProps => {
    const message = errors?.fields[name];
    return message ? { validationMessage: message, validationState: "error" } : {};
  };

  return { formError: errors?.form ?? null, fail, invalid, clear, field };
}
