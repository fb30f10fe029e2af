import {
  createContext,
  createSignal,
  onCleanup,
  untrack,
  useContext,
  type Accessor,
  type JSX,
} from 'solid-js';
import type { AuthPort, SessionUser } from '../../platform/auth.ts';

export interface Session {
  /** The signed-in user, or null. Right from the first paint, online or offline. */
  user: Accessor<SessionUser | null>;
  auth: AuthPort;
}

const SessionContext = createContext<Session>();

const sameUser = (a: SessionUser | null, b: SessionUser | null) =>
  a?.id === b?.id && a?.email === b?.email;

/** Holds the session state for everything below it. */
export function SessionProvider(props: { auth: AuthPort; children: JSX.Element }): JSX.Element {
  // The port is fixed for the app's lifetime; reading it once, untracked, is intended.
  const auth = untrack(() => props.auth);
  // Token refreshes re-announce the same user; `equals` keeps them from re-rendering screens.
  const [user, setUser] = createSignal(auth.currentUser(), { equals: sameUser });
  onCleanup(auth.onChange(setUser));
  return <SessionContext.Provider value={{ user, auth }}>{props.children}</SessionContext.Provider>;
}

/** The session of the surrounding `SessionProvider`. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() must be used inside <SessionProvider>');
  return session;
}
