/**
 * Limits of retros, shared by the tab's forms (maxLength) and the service's schemas. Kept beside
 * the retro domain so each area owns its numbers; all text stays far below Table Storage's 32K.
 */
export const retroLimits = {
  /** A retro's or a custom format's title. */
  title: 120,
  /** One prompt of a format. */
  promptLabel: 200,
  /** Prompts in a custom format. */
  promptsMax: 8,
  /** One entry's text. */
  entryText: 1_000,
  /** A theme's title. */
  themeTitle: 120,
  /**
   * Entries in one retro. Every read of a retro and every themes save carries all of them, so
   * the number is capped; 500 is well above a large community's quarterly retro.
   */
  entriesMax: 500,
  /** Themes in one retro. */
  themesMax: 50,
  /**
   * Room for a retro's themes as JSON, in characters. One Table Storage property holds 32K
   * characters, less than 500 grouped ids under 50 long titles need, so the store splits the
   * JSON over as many properties as this takes. The largest themes the API accepts fit (see
   * limits.test.ts).
   */
  themesJson: 120_000,
  /** Votes each person may cast, and the default. */
  votesPerPersonMin: 1,
  votesPerPersonMax: 25,
  votesPerPersonDefault: 3,
  /** An action's text. */
  actionText: 500,
  /**
   * Actions not yet done in one community, across its retros. Every retro read and the retro list
   * carry all of them, so a new action beyond this is refused until some are done.
   */
  openActionsMax: 200,
  /** A moderator's reason for hiding an entry. */
  hideReason: 300,
  /** Idempotency keys sent by the tab (a UUID fits easily). */
  submissionKey: 100,
  /** Items a card lists before it summarises and links to the tab. */
  cardItemsMax: 12,
  /** Retros returned by the history list. */
  historyPageSize: 20,
} as const;
