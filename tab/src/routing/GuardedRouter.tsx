import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { Router, useLocation } from "wouter";
import { navigate as moveHash, useHashLocation } from "wouter/use-hash-location";
import { useConfirmLeave } from "../components/LeaveGuard";
import { readAddress, type Address, type Area } from "./routes";

/** How a page moves to another address. */
export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (Back then skips it). */
  replace?: boolean;
  /** The caller has already asked about unsaved edits (a community switch asks first). */
  confirmed?: boolean;
}

/** Moves to another address of the tab, asking first when an editor holds unsaved text. */
export type Navigate = (to: string, options?: NavigateOptions) => void;

type GuardedLocation = [string, Navigate];

const GuardedLocationContext = createContext<GuardedLocation | null>(null);
const LandingContext = createContext<Area>("canvas");

/**
 * The location wouter reads: the one the router provides below. A context, not a hook per
 * caller, so one move asks one question however many components read the location.
 */
function useGuardedLocation(): GuardedLocation {
  const location = useContext(GuardedLocationContext);
  if (!location) throw new Error("useGuardedLocation is used outside GuardedRouter.");
  return location;
}
useGuardedLocation.hrefs = (href: string) => `#${href}`;

/**
 * Routes on the URL's hash (see routes.ts) and keeps typed work from being lost: a move asks
 * before it happens, and Back or Forward (which the browser has already done) asks afterwards
 * and, when the person stays, puts the address of the page they stayed on back in place.
 */
export function GuardedRouter({ landing, children }: { landing: Area; children: ReactNode }) {
  const [actual] = useHashLocation();
  const confirmLeave = useConfirmLeave();
  const [shown, setShown] = useState(actual);
  // An address the person already agreed to go to: its hash change needs no second question.
  const approved = useRef<string | null>(null);

  useEffect(() => {
    if (actual === shown) return;
    if (actual === approved.current) {
      approved.current = null;
      setShown(actual);
      return;
    }
    let current = true;
    void confirmLeave().then((leave) => {
      if (!current) return;
      if (leave) setShown(actual);
      else moveHash(shown, { replace: true });
    });
    return () => {
      current = false;
    };
  }, [actual, shown, confirmLeave]);

  const navigate = useCallback<Navigate>(
    (to, options = {}) => {
      const move = () => {
        if (to === shown) return;
        approved.current = to;
        moveHash(to, { replace: options.replace ?? false });
      };
      if (options.confirmed) move();
      else void confirmLeave().then((leave) => leave && move());
    },
    [confirmLeave, shown],
  );

  const location = useMemo<GuardedLocation>(() => [shown, navigate], [shown, navigate]);
  return (
    <GuardedLocationContext.Provider value={location}>
      <LandingContext.Provider value={landing}>
        <Router hook={useGuardedLocation}>{children}</Router>
      </LandingContext.Provider>
    </GuardedLocationContext.Provider>
  );
}

/**
 * What the current address names (the root names the landing area), and the guarded way to
 * move; for the shell and the pages.
 */
export function useAddress(): { address: Address; navigate: Navigate } {
  const [location, navigate] = useLocation();
  const landing = useContext(LandingContext);
  return { address: readAddress(location, landing), navigate };
}
