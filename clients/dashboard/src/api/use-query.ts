import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../auth/session';
import type { TypedDocumentString } from '../generated/graphql';
import { execute, HubUnreachableError, type HubErrorInfo } from './hub-client';

export interface QueryState<TData> {
  loading: boolean;
  data: TData | null;
  errors: HubErrorInfo[];
  /** Set when the hub itself could not be reached. */
  unreachable: boolean;
  reload(): void;
}

/** The last answer, and the request (variables, token, reload count) it answers. */
interface Answered<TData> extends Omit<QueryState<TData>, 'loading' | 'reload'> {
  request: string | null;
}

/**
 * Run a query when the component mounts and whenever its variables or the
 * signed-in token change. While a new answer is on its way the last one stays
 * shown, with `loading` set: loading is derived from which request the shown
 * answer belongs to, so the effect sets state only when an answer arrives.
 */
export function useQuery<TData, TVariables>(document: TypedDocumentString<TData, TVariables>, variables: TVariables, options: { skip?: boolean } = {}): QueryState<TData> {
  const { token } = useSession();
  const [answered, setAnswered] = useState<Answered<TData>>({ request: null, data: null, errors: [], unreachable: false });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables);
  const request = JSON.stringify([key, token ?? null, generation]);
  useEffect(() => {
    if (options.skip) return;
    let current = true;
    execute(document, JSON.parse(key) as TVariables, token).then(
      (result) => current && setAnswered({ request, data: result.data, errors: result.errors, unreachable: false }),
      (error: unknown) => current && setAnswered({ request, data: null, errors: [], unreachable: error instanceof HubUnreachableError }),
    );
    return () => {
      current = false;
    };
  }, [document, key, token, options.skip, request]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  // A skipped query asks nothing and shows nothing, whatever an earlier run left.
  if (options.skip) return { loading: false, data: null, errors: [], unreachable: false, reload };
  const { data, errors, unreachable } = answered;
  return { loading: answered.request !== request, data, errors, unreachable, reload };
}
