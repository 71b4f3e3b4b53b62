import { useCallback } from "react";
import { Text, tokens } from "@fluentui/react-components";
import { MarkdownView } from "../../../components/MarkdownView";
import { useLoad } from "../../../components/useLoad";
import { useEnvironment } from "../../../environment";
import { canvasPurposeOf } from "../retroView";

/** The canvas purpose, shown beside the prompt that asks whether it is still right. */
export function CanvasPurpose({ communityId }: { communityId: string }) {
  const { api } = useEnvironment();
  const load = useCallback(() => api.canvas(communityId), [api, communityId]);
  const { state } = useLoad(load);
  if (state.status === "loading") return null;
  const purpose = state.status === "ready" ? canvasPurposeOf(state.data) : null;
  return (
    <div
      data-testid="canvas-purpose"
      style={{ margin: `${tokens.spacingVerticalXS} 0 0 ${tokens.spacingHorizontalL}` }}
    >
      {purpose ? (
        <>
          <Text size={200} weight="semibold">
            Our purpose on the canvas:
          </Text>
          <MarkdownView source={purpose} />
        </>
      ) : (
        <Text size={200}>
          {state.status === "failed"
            ? "The canvas purpose could not be loaded: read it on the Canvas tab."
            : "The canvas has no purpose written yet: this is a good moment to write one."}
        </Text>
      )}
    </div>
  );
}
