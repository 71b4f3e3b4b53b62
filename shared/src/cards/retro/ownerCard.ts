/** The personal card an action's owner receives. */
import type { RetroAction } from "../../api/retros";
import { retroLimits } from "../../retros/limits";
import type { AdaptiveCard, CardAction } from "../types";
import { cardTitle } from "../parts";
import { adaptiveCard, openInHub } from "./parts";
import { cardUserText } from "./text";
import { retroVerbs } from "./verbs";

/** What the owner's card needs. */
export interface RetroOwnerCardProps {
  action: RetroAction;
  communityId: string;
  communityName: string;
  retroTitle: string;
  tabUrl: string;
  /**
   * The owner's Teams user id (MRI, "29:..."), which is what `refresh.userIds` matches; null
   * when unknown. The card is in the owner's personal chat, where Teams refreshes for its only
   * person even without `userIds`.
   */
  ownerMri: string | null;
}

const statusLines: Record<RetroAction["status"], string> = {
  open: "Tell the community how it goes: mark it done, or ask for help if you are stuck.",
  done: "Marked done. Thank you!",
  needHelp: "You asked for help: the community's champions can see it. Mark it done when it is.",
};

/**
 * The personal card an action's owner receives, with "done" and "need help". Overdue is worked
 * out when the card is built, so until the action is done the card carries a `refresh`: Teams
 * asks the bot for a fresh card when the owner looks at it, and it says "Overdue" once the due
 * date has passed.
 */
export function retroOwnerCard(props: RetroOwnerCardProps): AdaptiveCard {
  const { action } = props;
  const data = { communityId: props.communityId, actionId: action.id };
  const buttons: CardAction[] = [
    ...(action.status !== "done"
      ? [
          {
            type: "Action.Execute" as const,
            title: "Done",
            verb: retroVerbs.setActionStatus,
            data: { ...data, status: "done" },
            style: "positive" as const,
          },
          ...(action.status === "open"
            ? [
                {
                  type: "Action.Execute" as const,
                  title: "I need help",
                  verb: retroVerbs.setActionStatus,
                  data: { ...data, status: "needHelp" },
                },
              ]
            : []),
        ]
      : []),
    openInHub(props.tabUrl),
  ];
  return adaptiveCard({
    body: [
      cardTitle(
        action.kind === "learningGoal" ? "You own a learning goal" : "You own a retro action",
      ),
      { type: "TextBlock", text: cardUserText(action.text, retroLimits.actionText), wrap: true },
      ...(action.overdue
        ? [
            {
              type: "TextBlock" as const,
              text: `**Overdue**: this was due on ${action.dueDate}.`,
              weight: "bolder" as const,
              wrap: true,
            },
          ]
        : []),
      {
        type: "FactSet",
        facts: [
          { title: "Community", value: cardUserText(props.communityName, 80) },
          { title: "Retro", value: cardUserText(props.retroTitle, 80) },
          { title: "Due", value: action.overdue ? `${action.dueDate} (overdue)` : action.dueDate },
          ...(action.escalate ? [{ title: "Escalated", value: "to leadership" }] : []),
        ],
      },
      {
        type: "TextBlock",
        text: statusLines[action.status],
        wrap: true,
        isSubtle: action.status === "done",
      },
    ],
    actions: buttons,
    ...(action.status !== "done"
      ? {
          refresh: {
            action: {
              type: "Action.Execute" as const,
              title: "Refresh",
              verb: retroVerbs.refreshAction,
              data,
            },
            ...(props.ownerMri ? { userIds: [props.ownerMri] } : {}),
          },
        }
      : {}),
  });
}
