import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { clearToken, decodeClaims, readToken, writeToken, type TokenClaims } from './token-store';

export interface Session {
  token?: string;
  claims?: TokenClaims;
  signIn(token: string): void;
  signOut(): void;
  hasRole(...roles: string[]): boolean;
}

const SessionContext = createContext<Session>({ signIn: () => undefined, signOut: () => undefined, hasRole: () => false });

function liveToken(): string | undefined {
  const token = readToken();
  const claims = token ? decodeClaims(token) : undefined;
  if (token && claims?.exp && claims.exp * 1000 < Date.now()) {
    clearToken();
    return undefined;
  }
  return token;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | undefined>(liveToken);
  const signIn = useCallback((next: string) => {
    writeToken(next);
    setToken(next);
  }, []);
  const signOut = useCallback(() => {
    clearToken();
    setToken(undefined);
  }, []);
  const value = useMemo<Session>(() => {
    const claims = token ? decodeClaims(token) : undefined;
    return { token, claims, signIn, signOut, hasRole: (...roles) => Boolean(claims && roles.some((role) => claims.roles.includes(role))) };
  }, [token, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export const useSession = (): Session => useContext(SessionContext);
