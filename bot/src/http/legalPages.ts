import express, { type Router } from "express";

/**
 * The privacy statement and terms of use that the Teams manifest and the Entra app link to
 * (`/privacy`, `/terms`). An administrator reads them before approving the app, so they say
 * plainly what Practice Hub keeps, where, for how long, and who to ask; they describe this code,
 * and a change to what it stores should change them too.
 */

/** One section of a page: a heading, paragraphs, and optionally a list. */
interface Section {
  heading: string;
  paragraphs: string[];
  items?: string[];
}

/** What Practice Hub stores, in the words of the privacy page. */
export const storedData: readonly string[] = [
  "Community canvas texts (purpose, values and norms, success, rituals, roles, incentives, curation) and their saved versions, with who saved each version and when.",
  "Rituals: each series with its schedule, time zone and volunteers, each session's changes and attendance, and each person's answer (going or not). The calendar feed keeps only a hash of its secret address, never the address.",
  "Retros: the entries people add, the votes, the themes and the actions with their owners. An entry added anonymously is stored without its author: the row has no author at all, and its id is keyed with a secret so nobody can tell from storage who wrote it.",
  "Library items: shared resources (title, link, note, who suggested it and whether a curator accepted it) and handbook entries with their saved versions.",
  "Memberships: for each person in a community, their Microsoft Entra user id, display name and roles, and the history of joins and leaves that Teams reports.",
  "Conversation references: the ids Teams gives the organisation, team, channel, chat and person where the app is installed, so the bot can post reminders, retros and digests there.",
  "Digest settings (day, time and time zone) and the picks already sent to each person, and a record of each card the bot sent, so none is sent twice.",
];

const privacySections: Section[] = [
  {
    heading: "Who runs it",
    paragraphs: [
      "Practice Hub runs in your organisation's own Azure subscription, deployed by your organisation. Your organisation decides who may use it and is responsible for the data it keeps; your Microsoft 365 administrator is the person to ask about it.",
    ],
  },
  {
    heading: "What it stores",
    paragraphs: [
      "Everything below is kept in Azure Table Storage in your organisation's subscription, separated by organisation (Microsoft Entra tenant) and by community:",
    ],
    items: [...storedData],
  },
  {
    heading: "What it does not store",
    paragraphs: [
      "No email addresses, no passwords and no sign-in tokens. It does not read chat or channel messages, except the commands people send to its bot (such as help and retro). It has no advertising and no tracking, and sells nothing to anyone.",
    ],
  },
  {
    heading: "How long it is kept",
    paragraphs: [
      "Community content (canvas, rituals, retros, library, handbook) is kept for as long as the community exists in Practice Hub, with its saved versions, so a community keeps its history. There is no automatic expiry.",
      "A membership ends when the person leaves the community's team or a champion removes them; the record of the join and the leave stays in the community's history. Conversation references stay while the app is installed where they were made.",
      "The service's request logs (route, status, duration, a request id; never tokens or message content) go to your organisation's Application Insights workspace and are kept for its retention period (30 days unless your administrator changed it).",
      "Your administrator can erase everything by deleting the Azure resources, or a person's rows from Table Storage on request.",
    ],
  },
  {
    heading: "Who sees it",
    paragraphs: [
      "People see what their communities' roles allow: members see their community's canvas, rituals, library and retro results; champions, curators, facilitators and moderators manage their parts; heads of profession see health signals across the communities they lead. People of another organisation see nothing of yours. Cards the bot posts are delivered through Microsoft Teams.",
    ],
  },
];

const termsSections: Section[] = [
  {
    heading: "Who provides it",
    paragraphs: [
      "Your organisation provides Practice Hub to its people under its own terms and policies for Microsoft 365. These terms add to them and never override them.",
    ],
  },
  {
    heading: "Using it",
    paragraphs: [
      "Use it for your organisation's communities of practice. What you write in a community (canvas texts, retro entries, library items, handbook entries) is visible to that community's members, and anonymous retro entries are anonymous to them too. Moderators may hide entries that break your organisation's policies; champions manage who belongs to a community.",
    ],
  },
  {
    heading: "Availability",
    paragraphs: [
      "Practice Hub is provided as it is. Your organisation runs it and may change, pause or remove it; ask your Microsoft 365 administrator about its availability and about these terms.",
    ],
  },
];

/** Escapes text for an element's content (these pages put no text in attributes). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A complete, readable page: no script, styles inline (the CSP allows inline styles). */
export function renderLegalPage(title: string, lead: string, sections: Section[]): string {
  const body = sections
    .map((section) => {
      const paragraphs = section.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
      const items = section.items
        ? `<ul>\n${section.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("\n")}\n</ul>`
        : "";
      return `<h2>${escapeHtml(section.heading)}</h2>\n${paragraphs}\n${items}`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;line-height:1.5;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#242424}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:1.8rem}</style>
</head><body><main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(lead)}</p>
${body}
</main></body></html>`;
}

/** Serves GET /privacy and GET /terms as HTML pages. */
export function legalPages(): Router {
  const router = express.Router();
  const privacy = renderLegalPage(
    "Practice Hub privacy statement",
    "Practice Hub is a Microsoft Teams app for communities of practice. This page says what it keeps about you, where, and for how long.",
    privacySections,
  );
  const terms = renderLegalPage(
    "Practice Hub terms of use",
    "These terms cover your use of Practice Hub in Microsoft Teams, Outlook and the Microsoft 365 app.",
    termsSections,
  );
  router.get("/privacy", (_req, res) => void res.type("html").send(privacy));
  router.get("/terms", (_req, res) => void res.type("html").send(terms));
  return router;
}
