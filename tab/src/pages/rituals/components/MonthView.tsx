import {
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
} from "@fluentui/react-components";
import { byViewerDate, type MonthGrid } from "../calendarView";
import type { CalendarViewProps } from "./AgendaView";

const useStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed" },
  head: { paddingBlock: tokens.spacingVerticalXS, textAlign: "start" },
  cell: {
    verticalAlign: "top",
    height: "96px",
    padding: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  outside: { backgroundColor: tokens.colorNeutralBackground3 },
  today: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
  },
  day: { display: "block", marginBottom: tokens.spacingVerticalXXS },
  item: {
    display: "block",
    width: "100%",
    minWidth: 0,
    justifyContent: "flex-start",
    textAlign: "start",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    marginBottom: tokens.spacingVerticalXXS,
  },
  cancelled: { textDecorationLine: "line-through" },
});

const weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** A month grid with each session on the viewer's local day. */
export function MonthView(props: CalendarViewProps & { grid: MonthGrid }) {
  const styles = useStyles();
  const days = byViewerDate(props.occurrences, props.timeZone);
  const time = new Intl.DateTimeFormat(props.locale, {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: props.timeZone,
  });
  const caption = new Intl.DateTimeFormat(props.locale, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${props.grid.month}-01T00:00:00Z`));
  return (
    <table className={styles.table} aria-label={`Sessions in ${caption}`}>
      <caption>
        <Text weight="semibold">{caption}</Text>
      </caption>
      <thead>
        <tr>
          {weekdayNames.map((name) => (
            <th key={name} scope="col" className={styles.head}>
              <Caption1>{name}</Caption1>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.grid.weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((date) => (
              <td
                key={date}
                className={mergeClasses(
                  styles.cell,
                  date.slice(0, 7) !== props.grid.month && styles.outside,
                  date === props.today && styles.today,
                )}
              >
                <Caption1 className={styles.day}>{Number(date.slice(8))}</Caption1>
                {(days.get(date) ?? []).map((o) => (
                  <Button
                    key={`${o.ritualId}|${o.originalDate}`}
                    size="small"
                    appearance="subtle"
                    className={mergeClasses(
                      styles.item,
                      o.status === "cancelled" && styles.cancelled,
                    )}
                    onClick={() => props.onOpen(o)}
                    aria-label={`${o.ritualName} at ${time.format(new Date(o.start))}${o.status === "cancelled" ? ", cancelled" : ""}`}
                  >
                    {time.format(new Date(o.start))} {o.ritualName}
                  </Button>
                ))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
