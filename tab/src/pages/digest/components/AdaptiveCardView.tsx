import { useEffect, useRef } from "react";
import * as AdaptiveCards from "adaptivecards";
import { makeStyles, tokens } from "@fluentui/react-components";
import { cardMarkdownToHtml } from "../cardMarkdown";

const useStyles = makeStyles({
  frame: {
    maxWidth: "640px",
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyBase,
    "& a": { color: tokens.colorBrandForegroundLink },
    // The renderer's action buttons are plain <button>s: give them the look of Fluent's.
    "& .ac-pushButton": {
      cursor: "pointer",
      paddingBlock: tokens.spacingVerticalXS,
      paddingInline: tokens.spacingHorizontalM,
      borderRadius: tokens.borderRadiusMedium,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1,
      fontWeight: tokens.fontWeightSemibold,
    },
  },
});

AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = cardMarkdownToHtml(text);
  result.didProcess = true;
};

/**
 * Colours come from the Fluent theme's CSS variables, so the preview follows the Teams theme
 * (light, dark, high contrast) the way Teams renders the card itself.
 */
const hostConfig = new AdaptiveCards.HostConfig({
  fontFamily: "inherit",
  containerStyles: {
    default: {
      backgroundColor: "transparent",
      foregroundColors: {
        default: {
          default: "var(--colorNeutralForeground1)",
          subtle: "var(--colorNeutralForeground3)",
        },
        accent: { default: "var(--colorBrandForeground1)", subtle: "var(--colorBrandForeground2)" },
        good: {
          default: "var(--colorPaletteGreenForeground1)",
          subtle: "var(--colorPaletteGreenForeground1)",
        },
        warning: {
          default: "var(--colorPaletteYellowForeground1)",
          subtle: "var(--colorPaletteYellowForeground1)",
        },
        attention: {
          default: "var(--colorPaletteRedForeground1)",
          subtle: "var(--colorPaletteRedForeground1)",
        },
      },
    },
    emphasis: {
      backgroundColor: "var(--colorNeutralBackground3)",
      foregroundColors: {
        default: {
          default: "var(--colorNeutralForeground1)",
          subtle: "var(--colorNeutralForeground3)",
        },
      },
    },
  },
});

/**
 * Renders an Adaptive Card with Microsoft's `adaptivecards` library: the same JSON the bot sends,
 * so what a champion previews is what people receive. "Open" buttons open in a new tab.
 */
export function AdaptiveCardView({
  card,
  label,
}: {
  card: Record<string, unknown>;
  label: string;
}) {
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target = host.current;
    if (!target) return;
    const adaptive = new AdaptiveCards.AdaptiveCard();
    adaptive.hostConfig = hostConfig;
    adaptive.onExecuteAction = (action) => {
      if (action instanceof AdaptiveCards.OpenUrlAction && action.url) {
        window.open(action.url, "_blank", "noopener");
      }
    };
    adaptive.parse(card);
    const rendered = adaptive.render();
    // The renderer marks "heading" TextBlocks with role="heading" but no level, which screen
    // readers need: the card sits under the page's h2, so its headings are level 3.
    rendered?.querySelectorAll('[role="heading"]:not([aria-level])').forEach((heading) => {
      heading.setAttribute("aria-level", "3");
    });
    target.replaceChildren(...(rendered ? [rendered] : []));
    return () => target.replaceChildren();
  }, [card]);

  return <div ref={host} className={styles.frame} role="region" aria-label={label} />;
}
