import fc from "fast-check";
import { addDays } from "./zones";
import {
  facilitationIsConcentrated,
  lastServedDates,
  nextFacilitator,
  planRotation,
  weeksSince,
  type RotationVolunteer,
  type ServedRecord,
} from "./rotation";

const volunteer = (personId: string, awayDates: string[] = []): RotationVolunteer => ({
  personId,
  awayDates,
});

describe("nextFacilitator", () => {
  it("chooses whoever served least recently", () => {
    const history: ServedRecord[] = [
      { personId: "ana", date: "2026-01-05" },
      { personId: "ben", date: "2026-01-12" },
    ];
    const choice = nextFacilitator(
      [volunteer("ben"), volunteer("ana")],
      lastServedDates(history),
      "2026-01-19",
    );
    expect(choice).toEqual({ personId: "ana", lastServedDate: "2026-01-05" });
  });

  it("chooses someone who has never served before anyone who has", () => {
    const last = lastServedDates([{ personId: "ana", date: "2025-01-01" }]);
    expect(nextFacilitator([volunteer("ana"), volunteer("cy")], last, "2026-01-19")?.personId).toBe(
      "cy",
    );
  });

  it("skips a volunteer who is away that day", () => {
    const choice = nextFacilitator(
      [volunteer("ana", ["2026-01-19"]), volunteer("ben")],
      new Map(),
      "2026-01-19",
    );
    expect(choice?.personId).toBe("ben");
  });

  it("chooses nobody when every volunteer is away", () => {
    expect(nextFacilitator([volunteer("ana", ["2026-01-19"])], new Map(), "2026-01-19")).toBeNull();
  });
});

describe("planRotation", () => {
  it("moves on through the volunteers over upcoming sessions and honours a named facilitator", () => {
    const plan = planRotation(
      [volunteer("ana"), volunteer("ben"), volunteer("cy")],
      [],
      [
        { date: "2026-01-05", facilitatorId: null },
        { date: "2026-01-12", facilitatorId: "cy" },
        { date: "2026-01-19", facilitatorId: null },
        { date: "2026-01-26", facilitatorId: null },
      ],
    );
    expect(plan.map((c) => c?.personId)).toEqual(["ana", "cy", "ben", "ana"]);
  });

  it("explains each choice with recorded sessions only, never with planned ones", () => {
    const plan = planRotation(
      [volunteer("ana"), volunteer("ben")],
      [{ personId: "ben", date: "2025-12-01" }],
      [
        { date: "2026-01-05", facilitatorId: null },
        { date: "2026-01-12", facilitatorId: null },
        { date: "2026-01-19", facilitatorId: null },
      ],
    );
    expect(plan).toEqual([
      { personId: "ana", lastServedDate: null },
      { personId: "ben", lastServedDate: "2025-12-01" },
      { personId: "ana", lastServedDate: null },
    ]);
  });

  it("never has anyone serve twice while an available volunteer has not served", () => {
    const sessionArb = fc.record({
      awayMask: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(sessionArb, { minLength: 1, maxLength: 40 }),
        (size, sessions) => {
          const people = Array.from({ length: size }, (_, i) => `p${i}`);
          const history: ServedRecord[] = [];
          sessions.forEach((session, index) => {
            const date = addDays("2026-01-05", index * 7);
            const volunteers = people.map((p, i) =>
              volunteer(p, session.awayMask[i] ? [date] : []),
            );
            const choice = nextFacilitator(volunteers, lastServedDates(history), date);
            const available = volunteers.filter((v) => !v.awayDates.includes(date));
            if (available.length === 0) {
              expect(choice).toBeNull();
              return;
            }
            if (!choice) throw new Error("Someone was available but nobody was chosen.");
            expect(available.map((v) => v.personId)).toContain(choice.personId);
            const served = new Set(history.map((h) => h.personId));
            if (served.has(choice.personId)) {
              for (const v of available) expect(served.has(v.personId)).toBe(true);
            }
            // Fairness in general: nobody available served less recently than the one chosen.
            const last = lastServedDates(history);
            const chosenLast = last.get(choice.personId) ?? "";
            for (const v of available)
              expect((last.get(v.personId) ?? "") >= chosenLast).toBe(true);
            history.push({ personId: choice.personId, date });
          });
        },
      ),
    );
  });
});

describe("weeksSince", () => {
  it("counts whole weeks since the last session", () => {
    expect(weeksSince("2026-01-05", "2026-02-18")).toBe(6);
  });
});

describe("facilitationIsConcentrated", () => {
  const history = (people: string[]) =>
    people.map((personId, i) => ({ personId, date: addDays("2026-01-05", i * 7) }));

  it("warns when three people ran the last ten sessions", () => {
    expect(facilitationIsConcentrated(history("abcabcabca".split("")))).toBe(true);
  });

  it("does not warn when four people ran the last ten sessions", () => {
    expect(facilitationIsConcentrated(history("abcdabcdab".split("")))).toBe(false);
  });

  it("looks only at the last ten sessions", () => {
    expect(facilitationIsConcentrated(history("defgabababababab".split("")))).toBe(true);
  });

  it("waits for ten sessions before judging", () => {
    expect(facilitationIsConcentrated(history("aaaaaaaaa".split("")))).toBe(false);
  });
});
