import { Fragment, useMemo, type ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { parseMarkdown, type Inline } from "./markdown";

const useStyles = makeStyles({
  root: {
    overflowWrap: "anywhere",
    "& p": { marginBlock: tokens.spacingVerticalS },
    "& ul, & ol": { marginBlock: tokens.spacingVerticalS, paddingInlineStart: "24px" },
    "& h4, & h5, & h6": {
      marginTop: tokens.spacingVerticalM,
      marginBottom: tokens.spacingVerticalXS,
    },
    "& blockquote": {
      marginInline: 0,
      paddingInlineStart: tokens.spacingHorizontalM,
      borderInlineStartWidth: tokens.strokeWidthThick,
      borderInlineStartStyle: "solid",
      borderInlineStartColor: tokens.colorNeutralStroke1,
      color: tokens.colorNeutralForeground2,
    },
    "& code": {
      fontFamily: tokens.fontFamilyMonospace,
      backgroundColor: tokens.colorNeutralBackground3,
      paddingInline: tokens.spacingHorizontalXXS,
    },
    "& a": { color: tokens.colorBrandForegroundLink },
  },
});

function renderInline(nodes: Inline[]): ReactNode {
  return nodes.map((node, index) => {
    switch (node.kind) {
      case "text":
        return <Fragment key={index}>{node.text}</Fragment>;
      case "code":
        return <code key={index}>{node.text}</code>;
      case "strong":
        return <strong key={index}>{renderInline(node.children)}</strong>;
      case "em":
        return <em key={index}>{renderInline(node.children)}</em>;
      case "link":
        return (
          <a key={index} href={node.href} target="_blank" rel="noopener noreferrer">
            {renderInline(node.children)}
          </a>
        );
    }
  });
}

function renderLines(lines: Inline[][]): ReactNode {
  return lines.map((line, index) => (
    <Fragment key={index}>
      {index > 0 && <br />}
      {renderInline(line)}
    </Fragment>
  ));
}

/**
 * Shows canvas Markdown. Headings start at h4: the app, the page and the section title already use
 * h1 to h3; a screen reader's heading list then stays in order.
 */
export function MarkdownView({ source }: { source: string }) {
  const styles = useStyles();
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className={styles.root}>
      {blocks.map((block, index) => {
        switch (block.kind) {
          case "heading": {
            const Tag = (["h4", "h5", "h6"] as const)[block.level - 1] ?? "h6";
            return <Tag key={index}>{renderInline(block.children)}</Tag>;
          }
          case "paragraph":
            return <p key={index}>{renderLines(block.lines)}</p>;
          case "quote":
            return <blockquote key={index}>{renderLines(block.lines)}</blockquote>;
          case "list": {
            const Tag = block.ordered ? "ol" : "ul";
            return (
              <Tag key={index}>
                {block.items.map((item, itemIndex) => (
                  <li key={itemIndex}>{renderInline(item)}</li>
                ))}
              </Tag>
            );
          }
        }
      })}
    </div>
  );
}
