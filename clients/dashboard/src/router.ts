import { useEffect, useState } from 'react';

export interface Route {
  /** Path segments after "#/", e.g. ["country", "KE"]. */
  segments: string[];
  params: URLSearchParams;
}

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  return { segments: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

/** Hash routing: every page has an address that works on reload and needs nothing from the server. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function href(...segments: (string | number)[]): string {
  return `#/${segments.map((segment) => encodeURIComponent(String(segment))).join('/')}`;
}

export function navigate(to: string): void {
  window.location.hash = to.replace(/^#/, '');
}

const FRAMEWORKS = ['AU_CRF', 'EU_GAP_III', 'OSCE'] as const;
/** A framework the dashboard has pages for. */
export type FrameworkCodeValue = (typeof FRAMEWORKS)[number];
/** The framework a URL segment names; the AU CRF when it names none. */
export const asFramework = (value: string | undefined): FrameworkCodeValue => FRAMEWORKS.find((code) => code === value) ?? 'AU_CRF';
