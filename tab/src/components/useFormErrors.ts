import { useState } from "react";
import { validationSummary, type ApiError, type FieldProblem } from "@practice-hub/shared";
import { apiErrorOf, formErrorsOf, type FieldPlacement, type FormErrors } from "../api/errors";
import { useAnnounce } from "./Announcer";

/** What a Fluent `Field` takes to show a problem: its sentence and the error state. */
export interface FieldErrorProps {
  validationMessage?: string;
  validationState?: "error";
}

/** The errors shown, with the values they were about. */
interface Shown<F extends string> {
  laid: FormErrors<F>;
  values: Readonly<Record<F, unknown>>;
}

/**
 * A form's errors from the API: each field's sentence goes beside the field (`field(name)` is
 * spread on its Fluent `Field`), and what no field shows stays for the form (`formError`). The
 * whole message is announced, so a screen reader hears what was refused wherever focus is.
 * `values` are the form's current values by field: a field's sentence goes away once its value
 * is no longer the one refused, so nobody reads "at least 5 minutes" beside the 45 they typed.
 */
export function useFormErrors<F extends string>(
  placement: FieldPlacement<F>,
  values: Readonly<Record<F, unknown>>,
) {
  const announce = useAnnounce();
  const [shown, setShown] = useState<Shown<F> | null>(null);

  // `values` here are the ones of the render whose handler sent the request: what was refused.
  const show = (error: ApiError) => {
    setShown({ laid: formErrorsOf(error, placement), values });
    announce(error.message);
  };

  return {
    formError: shown?.laid.form ?? null,
    /** Shows what the API answered to a failed request. */
    fail: (caught: unknown) => show(apiErrorOf(caught)),
    /**
     * Shows problems the form found itself, before asking the API (parsed with the shared
     * `parseWithSentences`), exactly as the API would have answered them.
     */
    invalid: (subject: string, fields: FieldProblem[]) =>
      show({
        ok: false,
        error: "bad_request",
        status: 400,
        message: validationSummary(subject, fields),
        requestId: "",
        data: { fields },
      }),
    clear: () => setShown(null),
    field: (name: F): FieldErrorProps => {
      const message = shown?.laid.fields[name];
      if (!message || !Object.is(shown.values[name], values[name])) return {};
      return { validationMessage: message, validationState: "error" };
    },
  };
}
