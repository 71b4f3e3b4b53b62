import { Field, makeStyles, SearchBox, Select } from "@fluentui/react-components";
import {
  libraryLimits,
  librarySections,
  librarySectionTitles,
  resourceStatuses,
  type LibrarySection,
  type ResourceStatus,
} from "@practice-hub/shared";
import { row } from "../../../components/layoutStyles";

const useStyles = makeStyles({
  filters: row("M", "end"),
});

/** The library's search and filters; an empty string is "any". */
export interface LibraryFilterValues {
  text: string;
  section: LibrarySection | "";
  status: ResourceStatus | "";
  tag: string;
}

/** No search, no filter: every resource loaded. */
export const noFilters: LibraryFilterValues = { text: "", section: "", status: "", tag: "" };

/** The options of the library's sections, by title: the filter and the suggestion form list them. */
export function SectionOptions() {
  return librarySections.map((id) => (
    <option key={id} value={id}>
      {librarySectionTitles[id]}
    </option>
  ));
}

/** One filter: "Any <label>" first, then each value by its label. */
function Filter<V extends string>(props: {
  label: string;
  value: V | "";
  options: readonly V[];
  onChange(value: V | ""): void;
}) {
  return (
    <Field label={props.label}>
      <Select value={props.value} onChange={(_e, data) => props.onChange(data.value as V | "")}>
        <option value="">{`Any ${props.label.toLowerCase()}`}</option>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Search over the resources loaded, by section, status and tag. */
export function LibraryFilters({
  values,
  tags,
  onChange,
}: {
  values: LibraryFilterValues;
  /** The tags of the resources loaded, sorted. */
  tags: string[];
  onChange(values: LibraryFilterValues): void;
}) {
  const styles = useStyles();
  const set = (change: Partial<LibraryFilterValues>) => onChange({ ...values, ...change });
  return (
    <div className={styles.filters} role="search" aria-label="Search the library">
      <Field label="Search">
        <SearchBox
          value={values.text}
          maxLength={libraryLimits.search}
          onChange={(_e, data) => set({ text: data.value })}
        />
      </Field>
      <Field label="Section">
        <Select
          value={values.section}
          onChange={(_e, data) => set({ section: data.value as LibrarySection | "" })}
        >
          <option value="">All sections</option>
          <SectionOptions />
        </Select>
      </Field>
      <Filter
        label="Status"
        value={values.status}
        options={resourceStatuses}
        onChange={(status) => set({ status })}
      />
      <Filter label="Tag" value={values.tag} options={tags} onChange={(tag) => set({ tag })} />
    </div>
  );
}
