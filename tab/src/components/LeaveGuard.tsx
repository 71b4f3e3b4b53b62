import {
  createContext,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";

// The dialog (and Fluent's motion and portal code under it) loads the first time it is needed.
const LeaveDialog = lazy(() => import("./LeaveDialog"));

interface LeaveGuard {
  setDirty(owner: string, dirty: boolean): void;
  /** Resolves true when nothing is unsaved or the user agrees to drop it. */
  confirmLeave(): Promise<boolean>;
}

const LeaveGuardContext = createContext<LeaveGuard>({
  setDirty: () => undefined,
  confirmLeave: () => Promise.resolve(true),
});

/**
 * Keeps typed work from being lost: the browser asks before unloading the page, and in-app moves
 * (another section, another community) ask with a dialog while any editor holds unsaved text.
 */
export function LeaveGuardProvider({ children }: { children: ReactNode }) {
  const dirtyOwners = useRef(new Set<string>());
  const [pending, setPending] = useState<((leave: boolean) => void) | null>(null);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirtyOwners.current.size === 0) return;
      event.preventDefault();
      // Older Chromium builds (and the Teams desktop webview) still need returnValue set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, []);

  const guard = useMemo<LeaveGuard>(
    () => ({
      setDirty(owner, dirty) {
        if (dirty) dirtyOwners.current.add(owner);
        else dirtyOwners.current.delete(owner);
      },
      confirmLeave() {
        if (dirtyOwners.current.size === 0) return Promise.resolve(true);
        return new Promise<boolean>((resolve) => setPending(() => resolve));
      },
    }),
    [],
  );

  const answer = useCallback(
    (leave: boolean) => {
      pending?.(leave);
      setPending(null);
    },
    [pending],
  );

  return (
    <LeaveGuardContext.Provider value={guard}>
      {children}
      {pending && (
        <Suspense fallback={null}>
          <LeaveDialog onAnswer={answer} />
        </Suspense>
      )}
    </LeaveGuardContext.Provider>
  );
}

/** Marks the calling editor as holding unsaved text while `dirty` is true. */
export function useUnsavedChanges(dirty: boolean): void {
  const owner = useId();
  const { setDirty } = useContext(LeaveGuardContext);
  useEffect(() => {
    setDirty(owner, dirty);
    return () => setDirty(owner, false);
  }, [owner, dirty, setDirty]);
}

/** Asks before an in-app move that would drop unsaved text. */
export function useConfirmLeave(): () => Promise<boolean> {
  return useContext(LeaveGuardContext).confirmLeave;
}
