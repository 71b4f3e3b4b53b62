/**
 * The ISO-8601 week ("2026-W48") that contains `instant` in the recipient's time zone: a digest is
 * sent once per recipient per ISO week, and a Monday 00:30 in Auckland is still Sunday in UTC.
 */
export function isoWeekOf(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  // Work on the local calendar date as a UTC date so that no zone offset moves it again.
  const local = new Date(Date.UTC(part("year"), part("month") - 1, part("day")));
  const weekday = local.getUTCDay() || 7;
  // The Thursday of this week decides the ISO year.
  local.setUTCDate(local.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(local.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((local.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${local.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
