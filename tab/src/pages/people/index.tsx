import { useCallback, useMemo, useState } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from "@fluentui/react-components";
import {
  communityRoles,
  peopleSearchMaxLength,
  staleMemberDataSchema,
  type Community,
  type CommunityMember,
  type CommunityRole,
} from "@practice-hub/shared";
import { ApiRequestError, apiErrorOf } from "../../api/errors";
import { appendPage } from "../../api/paging";
import { useAnnounce } from "../../components/Announcer";
import { FormError } from "../../components/FormError";
import { row, stack } from "../../components/layoutStyles";
import { LoadState } from "../../components/LoadState";
import { Notice } from "../../components/Notice";
import { PageTitle } from "../../components/PageTitle";
import { useFormErrors } from "../../components/useFormErrors";
import { ShowMore } from "../../components/ShowMore";
import { useLoad } from "../../components/useLoad";
import { useEnvironment } from "../../environment";
import { formatDateTime } from "../../format";

const useStyles = makeStyles({
  root: stack("L"),
  roles: row("XS"),
  add: row("M", "end"),
  changes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

const roleLabels: Record<CommunityRole, string> = {
  member: "Member",
  champion: "Champion",
  curator: "Curator",
  facilitator: "Facilitator",
  moderator: "Moderator",
};

/** Where the API's paths of a person added by hand land on the form. */
const addPersonPlacement = { userId: "userId", displayName: "displayName" } as const;
const memberId = (member: CommunityMember) => member.person.id;

/**
 * Who is in the community and what they do, in name order a page at a time ("Show more people"),
 * or those whose name starts with what was searched for. Champions
 * tick roles (saved against the member's version) and add people by hand; joins and leaves from
 * the team's Teams membership are listed.
 */
export default function PeoplePage({ community }: { community: Community }) {
  const styles = useStyles();
  const { api, host } = useEnvironment();
  const announce = useAnnounce();
  // The search in force: typing in the box changes `searchText`, submitting it changes this.
  const [search, setSearch] = useState("");
  const [searchText, setSearchText] = useState("");
  const load = useCallback(
    () =>
      search
        ? api.people.people(community.id, null, undefined, search)
        : api.people.firstPage(community.id),
    [api, community.id, search],
  );
  const { state, reload, update } = useLoad(load);
  const [message, setMessage] = useState<{ intent: "success" | "warning"; text: string } | null>(
    null,
  );
  const [newId, setNewId] = useState("");
  const [newName, setNewName] = useState("");
  const addErrors = useFormErrors(addPersonPlacement, { userId: newId, displayName: newName });

  const data = state.status === "ready" ? state.data : null;
  const manage = data?.allowedActions.includes("manage") ?? false;
  // Pages come in name order; sorting again keeps someone added by hand in their place.
  const members = useMemo(
    () =>
      [...(data?.members ?? [])].sort((a, b) =>
        a.person.displayName.localeCompare(b.person.displayName),
      ),
    [data],
  );

  const replace = (next: CommunityMember) =>
    update((current) => ({
      ...current,
      members: current.members.some((m) => m.person.id === next.person.id)
        ? current.members.map((m) => (m.person.id === next.person.id ? next : m))
        : [...current.members, next],
    }));

  const showMore = async () => {
    if (!data?.nextCursor) return;
    const page = await api.people.people(community.id, data.nextCursor, undefined, search);
    update((current) => ({
      ...current,
      members: appendPage(current.members, page.members, memberId),
      nextCursor: page.nextCursor,
    }));
    announce(`${page.members.length} more people shown.`);
  };

  const toggle = async (member: CommunityMember, role: CommunityRole, on: boolean) => {
    const roles = on ? [...member.roles, role] : member.roles.filter((r) => r !== role);
    setMessage(null);
    try {
      replace(await api.people.setRoles({ communityId: community.id, member, roles }));
      announce(`${member.person.displayName}'s roles saved.`);
    } catch (error) {
      const current =
        error instanceof ApiRequestError
          ? staleMemberDataSchema.safeParse(error.detail.data).data?.current
          : undefined;
      if (current) replace(current);
      setMessage({
        intent: "warning",
        text: current
          ? `Someone changed ${current.person.displayName}'s roles first; their current roles are shown.`
          : apiErrorOf(error).message,
      });
    }
  };

  const add = async () => {
    setMessage(null);
    addErrors.clear();
    try {
      const member = await api.people.add(community.id, {
        userId: newId,
        displayName: newName,
        roles: ["member"],
      });
      replace(member);
      setNewId("");
      setNewName("");
      setMessage({ intent: "success", text: `${member.person.displayName} was added.` });
      announce(`${member.person.displayName} was added.`);
    } catch (error) {
      addErrors.fail(error);
    }
  };

  return (
    <div className={styles.root}>
      <PageTitle>People</PageTitle>
      <LoadState
        of={{ state, reload }}
        loading="Loading the people"
        failed="The people did not load"
      />
      {message && <Notice intent={message.intent}>{message.text}</Notice>}
      <form
        role="search"
        aria-label="Find people"
        className={styles.add}
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(searchText.trim());
        }}
      >
        <Field label="Find people by the start of their name">
          <Input
            type="search"
            value={searchText}
            maxLength={peopleSearchMaxLength}
            onChange={(_e, v) => setSearchText(v.value)}
          />
        </Field>
        <Button type="submit">Find</Button>
        {search && (
          <Button
            onClick={() => {
              setSearchText("");
              setSearch("");
            }}
          >
            Show everyone
          </Button>
        )}
      </form>
      {data && (
        <>
          {search && members.length === 0 && (
            <Text role="status">Nobody here has a name starting with “{search}”.</Text>
          )}
          <Table aria-label="Members and their roles" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Person</TableHeaderCell>
                <TableHeaderCell>Roles</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.map((member) => (
                <TableRow key={member.person.id}>
                  <TableCell>{member.person.displayName}</TableCell>
                  <TableCell>
                    {manage ? (
                      <div
                        className={styles.roles}
                        role="group"
                        aria-label={`Roles of ${member.person.displayName}`}
                      >
                        {communityRoles.map((role) => (
                          <Checkbox
                            key={role}
                            label={roleLabels[role]}
                            checked={member.roles.includes(role)}
                            onChange={(_e, value) =>
                              void toggle(member, role, value.checked === true)
                            }
                          />
                        ))}
                      </div>
                    ) : (
                      <Text>{member.roles.map((role) => roleLabels[role]).join(", ")}</Text>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {data.nextCursor && <ShowMore label="Show more people" onMore={showMore} />}
          {manage && (
            <form
              className={styles.add}
              aria-label="Add a person"
              onSubmit={(event) => {
                event.preventDefault();
                void add();
              }}
            >
              <Field
                label="Their Microsoft Entra object id"
                required
                {...addErrors.field("userId")}
              >
                <Input value={newId} maxLength={100} onChange={(_e, v) => setNewId(v.value)} />
              </Field>
              <Field label="Name" required {...addErrors.field("displayName")}>
                <Input value={newName} maxLength={120} onChange={(_e, v) => setNewName(v.value)} />
              </Field>
              <Button type="submit" disabled={!newId.trim() || !newName.trim()}>
                Add person
              </Button>
              <FormError error={addErrors.formError} />
            </form>
          )}
          {/* Joins and leaves come with the first page of everyone, not with a search. */}
          {!search && (
            <section aria-labelledby="changes-heading">
              <Title3 as="h3" id="changes-heading">
                Joins and leaves
              </Title3>
              {data.recentChanges.length === 0 ? (
                <Text>Nobody joined or left in the last 90 days.</Text>
              ) : (
                <ul className={styles.changes}>
                  {data.recentChanges.map((change, index) => (
                    <li key={`${change.person.id}-${change.at}-${index}`}>
                      <Text>
                        {change.person.displayName} {change.change}{" "}
                      </Text>
                      <Caption1>
                        {formatDateTime(change.at, host.locale, host.timeZone)} (
                        {change.source === "teams" ? "from Teams" : "added by a champion"})
                      </Caption1>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}
