import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { LocalDate, Occurrence } from "@practice-hub/shared";
import { byViewerDate, facilitatorSentence, swapSentence } from "../calendarView";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalM },
  items: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  main: { display: "grid", marginInlineEnd: "auto" },
});

/** What the calendar's views show: sessions in the viewer's zone, and where a click leads. */
export interface CalendarViewProps {
  occurrences: Occurrence[];
  timeZone: string;
  locale: string;
  today: LocalDate;
  onOpen(occurrence: Occurrence): void;
}

/**
 * Upcoming sessions day by day, with who runs each, whether its facilitator is looking for a
 * swap, and how many are going.
 */
export function AgendaView(props: CalendarViewProps) {
  const styles = useStyles();
  const days = [...byViewerDate(props.occurrences, props.timeZone).entries()];
  const dayFormat = new Intl.DateTimeFormat(props.locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  });
  const time = new Intl.DateTimeFormat(props.locale, {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: props.timeZone,
  });
  if (days.length === 0) {
    return <Text>No sessions in the next six weeks. Champions can add a ritual.</Text>;
  }
  return (
    <ul className={styles.list} aria-label="Upcoming sessions">
      {days.map(([date, occurrences]) => (
        <li key={date}>
          <Subtitle2 as="h3">{dayFormat.format(new Date(`${date}T12:00:00Z`))}</Subtitle2>
          <ul className={styles.items}>
            {occurrences.map((o) => (
              <li key={`${o.ritualId}|${o.originalDate}`} className={styles.item}>
                <Text weight="semibold">
                  {time.format(new Date(o.start))}–{time.format(new Date(o.end))}
                </Text>
                <div className={styles.main}>
                  <Text>{o.ritualName}</Text>
                  <Caption1>
                    {o.status === "cancelled"
                      ? `Cancelled: ${o.cancelledReason ?? ""}`
                      : (facilitatorSentence(o, props.today) ?? "No facilitator yet: volunteer!")}
                  </Caption1>
                </div>
                {o.segment && <Badge appearance="outline">{o.segment}</Badge>}
                {o.status === "moved" && <Badge color="warning">Moved</Badge>}
                {o.status !== "cancelled" && o.swapRequestedBy && (
                  <Badge color="important" title={swapSentence(o) ?? undefined}>
                    Looking for a swap
                  </Badge>
                )}
                <Caption1>{o.rsvpCounts.going} going</Caption1>
                <Button size="small" onClick={() => props.onOpen(o)}>
                  Details
                </Button>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
