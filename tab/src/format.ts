/** Date and count wording for the tab, in the host's locale and the user's time zone. */

/** "today", "yesterday" or "N days ago", for the review status line. */
export function daysAgo(days: number): string {
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  return `${days} days ago`;
}

/** A short date and time such as "21 Nov 2026, 14:05". */
export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone,
    }).format(date);
  } catch {
    // An unknown locale or zone from the host must not break the page.
    return date.toISOString();
  }
}

/** "1,234 of 20,000 characters" for the editor's counter. */
export function characterCount(used: number, max: number, locale: string): string {
  const format = new Intl.NumberFormat(locale);
  return `${format.format(used)} of ${format.format(max)} characters`;
}
