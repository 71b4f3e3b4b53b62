import { useMemo, useState } from "react";
import { Combobox, Option, OptionGroup } from "@fluentui/react-components";
import { timeZoneChoices, zoneMatches } from "./timeZones";

/**
 * A searchable list of IANA time zones: the zones that matter here (the viewer's, the
 * community's, the current value) first, then every zone the browser knows. Only a zone from the
 * list can be chosen, so nobody types "London" and meets a refusal; the service still checks.
 * Put it inside a Fluent `Field`, which gives it its label and validation message.
 */
export function TimeZonePicker(props: {
  value: string;
  onChange(zone: string): void;
  /** Zones to offer first, most likely first: the viewer's, then the community's. */
  suggested: readonly string[];
}) {
  const choices = useMemo(
    () => timeZoneChoices([...props.suggested, props.value]),
    [props.suggested, props.value],
  );
  // The text in the box while searching; null shows the chosen zone and every option.
  const [query, setQuery] = useState<string | null>(null);
  const shown = (zones: readonly string[]) =>
    query === null ? zones : zones.filter((zone) => zoneMatches(zone, query));
  const suggested = shown(choices.suggested);
  const others = shown(choices.others);

  return (
    <Combobox
      // Inside the form's own layer, so a dialog keeps it in its focus trap and paints it.
      inlinePopup
      value={query ?? props.value}
      selectedOptions={[props.value]}
      placeholder="Search, e.g. London"
      onChange={(event) => setQuery(event.target.value)}
      onOptionSelect={(_e, data) => {
        // Typing clears the combobox's own selection (no optionValue): the chosen zone stays
        // chosen until another one is picked from the list.
        if (!data.optionValue) return;
        props.onChange(data.optionValue);
        setQuery(null);
      }}
      onOpenChange={(_e, data) => {
        // Closing without a choice puts the chosen zone back in the box.
        if (!data.open) setQuery(null);
      }}
    >
      {suggested.length > 0 && (
        <OptionGroup label="Suggested">
          {suggested.map((zone) => (
            <Option key={zone} value={zone}>
              {zone}
            </Option>
          ))}
        </OptionGroup>
      )}
      {others.length > 0 && (
        <OptionGroup label="All time zones">
          {others.map((zone) => (
            <Option key={zone} value={zone}>
              {zone}
            </Option>
          ))}
        </OptionGroup>
      )}
      {suggested.length === 0 && others.length === 0 && (
        <Option disabled value="" text="">
          No time zone matches. Try a city, such as London.
        </Option>
      )}
    </Combobox>
  );
}
