import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

const AnnounceContext = createContext<(message: string) => void>(() => undefined);

const visuallyHidden = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
} as const;

/**
 * One polite live region for the app: saves and reviews are announced to screen readers even
 * when the visible confirmation is somewhere the user's focus is not.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState("");
  const announce = useCallback((next: string) => {
    // Clearing first makes a repeated message ("Saved.") be read again.
    setMessage("");
    window.setTimeout(() => setMessage(next), 50);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" style={visuallyHidden} data-testid="announcer">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

/** Returns the function that announces a message to screen readers. */
export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}
