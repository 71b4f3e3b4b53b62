import { useCallback, useMemo, useState } from "react";
import { Button, makeStyles, Text } from "@fluentui/react-components";
import {
  filterResources,
  staleResourceDataSchema,
  type Community,
  type LibraryResource,
  type ResourceDecisionRequest,
} from "@practice-hub/shared";
import { ApiRequestError, apiErrorOf } from "../../api/errors";
import { appendPage } from "../../api/paging";
import { useAnnounce } from "../../components/Announcer";
import { row, stack } from "../../components/layoutStyles";
import { LoadState } from "../../components/LoadState";
import { Notice } from "../../components/Notice";
import { PageTitle } from "../../components/PageTitle";
import { ShowMore } from "../../components/ShowMore";
import { useLoad } from "../../components/useLoad";
import { useEnvironment } from "../../environment";
import { useAddress } from "../../routing/GuardedRouter";
import { HandbookPanel } from "./components/HandbookPanel";
import { LibraryFilters, noFilters } from "./components/LibraryFilters";
import { ResourceItem } from "./components/ResourceItem";
import { SuggestForm } from "./components/SuggestForm";

const useStyles = makeStyles({
  root: stack("L"),
  heading: row("M", "center"),
  list: stack("S"),
});

const decisionDone: Record<ResourceDecisionRequest["decision"], string> = {
  approve: "Approved: it now shows to everyone and can be picked for the digest.",
  reject: "Rejected, with your reason kept for the person who suggested it.",
  archive: "Archived.",
};

const byId = (item: { id: string }) => item.id;

/**
 * The curated library, a page at a time ("Show more of the library"): search and filters over the
 * resources loaded, a suggestion form for every member, curators' decisions, and the handbook.
 * At `/library/resources/<id>` the named resource is brought into view.
 */
export default function LibraryPage({ community }: { community: Community }) {
  const styles = useStyles();
  const { api } = useEnvironment();
  const announce = useAnnounce();
  const load = useCallback(() => api.library.library(community.id), [api, community.id]);
  const { state, reload, update } = useLoad(load);
  const [filters, setFilters] = useState(noFilters);
  const [suggesting, setSuggesting] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ intent: "success" | "warning"; text: string } | null>(
    null,
  );

  const { address } = useAddress();
  const named = address.kind === "resource" ? address : null;
  const data = state.status === "ready" ? state.data : null;
  const namedMissing =
    named !== null && data !== null && !data.resources.some((r) => r.id === named.resourceId);
  const curator = data?.allowedActions.includes("curate") ?? false;
  const tags = useMemo(
    () => [...new Set((data?.resources ?? []).flatMap((r) => r.tags))].sort(),
    [data],
  );
  const shown = useMemo(
    () =>
      filterResources(data?.resources ?? [], {
        text: filters.text,
        ...(filters.section ? { section: filters.section } : {}),
        ...(filters.status ? { status: filters.status } : {}),
        ...(filters.tag ? { tag: filters.tag } : {}),
      }),
    [data, filters],
  );

  const replace = (next: LibraryResource) =>
    update((current) => ({
      ...current,
      resources: current.resources.some((r) => r.id === next.id)
        ? current.resources.map((r) => (r.id === next.id ? next : r))
        : [next, ...current.resources],
    }));

  const showMore = async () => {
    if (!data?.nextCursor) return;
    const page = await api.library.library(community.id, data.nextCursor);
    update((current) => ({
      ...current,
      resources: appendPage(current.resources, page.resources, byId),
      handbook: appendPage(current.handbook, page.handbook, byId),
      nextCursor: page.nextCursor,
    }));
    announce(`${page.resources.length + page.handbook.length} more library items shown.`);
  };

  const decide = async (resource: LibraryResource, decision: ResourceDecisionRequest) => {
    setBusy(resource.id);
    setNotice(null);
    try {
      replace(await api.library.decide({ communityId: community.id, resource, decision }));
      setNotice({ intent: "success", text: decisionDone[decision.decision] });
      announce(decisionDone[decision.decision]);
    } catch (error) {
      const stale =
        error instanceof ApiRequestError
          ? staleResourceDataSchema.safeParse(error.detail.data).data?.current
          : undefined;
      if (stale) {
        replace(stale);
        setNotice({
          intent: "warning",
          text: `Another curator changed "${stale.title}" first: it is now ${stale.status}. Check it, then decide again.`,
        });
      } else {
        setNotice({ intent: "warning", text: apiErrorOf(error).message });
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.heading}>
        <PageTitle lead>Library</PageTitle>
        {data?.allowedActions.includes("suggest") && !suggesting && (
          <Button appearance="primary" onClick={() => setSuggesting(true)}>
            Suggest a resource
          </Button>
        )}
      </div>
      <LoadState
        of={{ state, reload }}
        loading="Loading the library"
        failed="The library did not load"
      />
      {suggesting && (
        <SuggestForm
          communityId={community.id}
          onSuggested={(resource) => {
            setSuggesting(false);
            replace(resource);
            setNotice({
              intent: "success",
              text: "Thank you: your suggestion is with the curators.",
            });
          }}
          onCancel={() => setSuggesting(false)}
        />
      )}
      {notice && <Notice intent={notice.intent}>{notice.text}</Notice>}
      {namedMissing && (
        <Notice intent="info">
          {data.nextCursor
            ? "The resource this link names is not among those loaded so far: show more of the library to look further."
            : "The resource this link names is not in the library (it may have been removed)."}
        </Notice>
      )}
      {data && (
        <>
          <LibraryFilters values={filters} tags={tags} onChange={setFilters} />
          <section className={styles.list} aria-label="Resources">
            {shown.length === 0 && (
              <Text>
                {data.nextCursor
                  ? "None of the resources loaded so far match these filters: show more to look further."
                  : "No resources match these filters."}
              </Text>
            )}
            {shown.map((resource) => (
              <ResourceItem
                key={resource.id}
                resource={resource}
                curator={curator}
                busy={busy === resource.id}
                selected={resource.id === named?.resourceId}
                onDecide={(decision) => void decide(resource, decision)}
              />
            ))}
          </section>
          {data.nextCursor && <ShowMore label="Show more of the library" onMore={showMore} />}
          <HandbookPanel
            communityId={community.id}
            entries={data.handbook}
            curator={curator}
            onSaved={(entry) =>
              update((current) => ({
                ...current,
                handbook: current.handbook.some((e) => e.id === entry.id)
                  ? current.handbook.map((e) => (e.id === entry.id ? entry : e))
                  : [entry, ...current.handbook],
              }))
            }
          />
        </>
      )}
    </div>
  );
}
