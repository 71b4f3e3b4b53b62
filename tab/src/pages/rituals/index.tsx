import { useCallback, useMemo, useState } from "react";
import {
  Button,
  Field,
  makeStyles,
  Select,
  Tab,
  TabList,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  addDays,
  instantOf,
  wallClockOf,
  type Community,
  type Occurrence,
} from "@practice-hub/shared";
import { row, stack } from "../../components/layoutStyles";
import { LoadState } from "../../components/LoadState";
import { Notice } from "../../components/Notice";
import { PageTitle } from "../../components/PageTitle";
import { useLoad } from "../../components/useLoad";
import { useEnvironment } from "../../environment";
import { useAddress } from "../../routing/GuardedRouter";
import { appPaths } from "../../routing/routes";
import { AgendaView } from "./components/AgendaView";
import {
  applyFilters,
  monthGrid,
  protectedTimeSentence,
  shiftMonth,
  type CalendarFilters,
} from "./calendarView";
import { FeedPanel } from "./components/FeedPanel";
import { MonthView } from "./components/MonthView";
import { OccurrencePanel } from "./components/OccurrencePanel";
import { RitualForm } from "./components/RitualForm";
import { RitualList } from "./components/RitualList";

const useStyles = makeStyles({
  root: stack("M"),
  toolbar: row("M", "end"),
  monthNav: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

type View = "month" | "agenda";

/** Days the agenda looks ahead. */
const agendaDays = 42;

/**
 * The ritual calendar: a month grid and an agenda of upcoming sessions, in the viewer's zone,
 * filtered by ritual and segment. Selecting a session opens its details at its own address
 * (`/calendar/sessions/<ritual>/<date>`): RSVP, who runs it and why, and for the facilitator the
 * attendance record afterwards.
 */
export default function CalendarPage({ community }: { community: Community }) {
  const styles = useStyles();
  const { api, host } = useEnvironment();
  const zone = host.timeZone;
  const today = wallClockOf(new Date(), zone).date;
  const { address, navigate } = useAddress();
  const session = address.kind === "session" ? address : null;
  const [view, setView] = useState<View>("month");
  // A session's address opens the month it is in, so the session is among those loaded.
  const [month, setMonth] = useState((session?.date ?? today).slice(0, 7));
  const [filters, setFilters] = useState<CalendarFilters>({ ritualId: null, segment: null });
  const [creating, setCreating] = useState(false);
  // Bumped when the form adds rituals, so the ritual list (loaded on its own) loads again.
  const [ritualsVersion, setRitualsVersion] = useState(0);

  const range = useMemo(() => {
    if (view === "month") return monthGrid(month, zone);
    return {
      from: instantOf(today, "00:00", zone),
      to: instantOf(addDays(today, agendaDays), "00:00", zone),
    };
  }, [view, month, zone, today]);
  const load = useCallback(
    () => api.calendar.occurrences(community.id, range.from, range.to),
    [api, community.id, range],
  );
  const { state, reload, update } = useLoad(load);

  const replaceOccurrence = useCallback(
    (next: Occurrence) =>
      update((data) => ({
        ...data,
        occurrences: data.occurrences.map((o) =>
          o.ritualId === next.ritualId && o.originalDate === next.originalDate
            ? // Write answers carry no rotation and are judged without the viewer's whole role.
              {
                ...next,
                facilitator: next.facilitator ?? o.facilitator,
                canRecord: o.canRecord || next.canRecord,
                // Without the rotation the answer cannot tell that the viewer runs the session.
                canAskForSwap: next.facilitator
                  ? next.canAskForSwap
                  : o.canAskForSwap && next.swapRequestedBy === null,
              }
            : o,
        ),
      })),
    [update],
  );

  return (
    <LoadState
      of={{ state, reload }}
      loading="Loading the calendar"
      failed="The calendar did not load"
    >
      {(data) => {
        const canSchedule = data.allowedActions.includes("schedule");
        const rituals = [
          ...new Map(data.occurrences.map((o) => [o.ritualId, o.ritualName])).entries(),
        ];
        const segments = [...new Set(data.occurrences.map((o) => o.segment ?? ""))].filter(
          (s) => s !== "",
        );
        const shown = applyFilters(data.occurrences, filters);
        const open =
          data.occurrences.find(
            (o) => o.ritualId === session?.ritualId && o.originalDate === session.date,
          ) ?? null;
        const openSession = (o: Occurrence) =>
          navigate(appPaths.session(o.ritualId, o.originalDate));

        return (
          <div className={styles.root}>
            <div className={styles.toolbar}>
              <PageTitle lead>Ritual calendar</PageTitle>
              <Field label="Ritual">
                <Select
                  value={filters.ritualId ?? ""}
                  onChange={(_e, d) =>
                    setFilters({ ...filters, ritualId: d.value === "" ? null : d.value })
                  }
                >
                  <option value="">All rituals</option>
                  {rituals.map(([id, name]) => (
                    <option key={id} value={id}>
                      {name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Segment">
                <Select
                  value={filters.segment ?? "*"}
                  onChange={(_e, d) =>
                    setFilters({ ...filters, segment: d.value === "*" ? null : d.value })
                  }
                >
                  <option value="*">Everyone</option>
                  <option value="">Whole community only</option>
                  {segments.map((segment) => (
                    <option key={segment} value={segment}>
                      {segment}
                    </option>
                  ))}
                </Select>
              </Field>
              {canSchedule && (
                <Button appearance="primary" onClick={() => setCreating(true)}>
                  New ritual
                </Button>
              )}
            </div>

            {data.warnings.startingBig && (
              <Notice intent="warning" layout="multiline" title="Starting big">
                This community is less than six months old and already runs more than three rituals.
                Young communities that start with many rituals tend to stall: keep one or two going
                well before adding more.
              </Notice>
            )}
            {data.warnings.facilitationConcentrated && (
              <Notice
                intent="warning"
                layout="multiline"
                title="The same few people run everything"
              >
                Three or fewer people ran the last ten sessions. Invite more volunteers so the
                community does not rest on a few shoulders.
              </Notice>
            )}
            <Text>{protectedTimeSentence(data.protectedTime)}</Text>

            <div className={styles.toolbar}>
              <TabList selectedValue={view} onTabSelect={(_e, d) => setView(d.value as View)}>
                <Tab value="month">Month</Tab>
                <Tab value="agenda">Agenda</Tab>
              </TabList>
              {view === "month" && (
                <div className={styles.monthNav}>
                  <Button
                    onClick={() => setMonth(shiftMonth(month, -1))}
                    aria-label="Previous month"
                  >
                    ‹
                  </Button>
                  <Button onClick={() => setMonth(today.slice(0, 7))}>This month</Button>
                  <Button onClick={() => setMonth(shiftMonth(month, 1))} aria-label="Next month">
                    ›
                  </Button>
                </div>
              )}
            </div>

            {view === "month" ? (
              <MonthView
                grid={monthGrid(month, zone)}
                occurrences={shown}
                timeZone={zone}
                locale={host.locale}
                today={today}
                onOpen={openSession}
              />
            ) : (
              <AgendaView
                occurrences={shown}
                timeZone={zone}
                locale={host.locale}
                today={today}
                onOpen={openSession}
              />
            )}

            {canSchedule && (
              <RitualList
                key={ritualsVersion}
                community={community}
                timeZone={zone}
                today={today}
                onChanged={reload}
              />
            )}
            {canSchedule && <FeedPanel community={community} />}
            {open && (
              <OccurrencePanel
                community={community}
                occurrence={open}
                canSchedule={canSchedule}
                today={today}
                onChanged={replaceOccurrence}
                onClose={() => navigate(appPaths.area("calendar"))}
                onReload={reload}
              />
            )}
            {creating && (
              <RitualForm
                community={community}
                timeZone={zone}
                communityZones={[...new Set(data.occurrences.map((o) => o.timeZone))]}
                today={today}
                onClose={() => setCreating(false)}
                onSaved={() => {
                  setCreating(false);
                  setRitualsVersion((n) => n + 1);
                  reload();
                }}
              />
            )}
          </div>
        );
      }}
    </LoadState>
  );
}
