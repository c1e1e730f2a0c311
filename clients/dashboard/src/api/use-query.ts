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

/** Run a query when the component mounts and whenever its variables or the signed-in token change. */
export function useQuery<TData, TVariables>(document: TypedDocumentString<TData, TVariables>, variables: TVariables, options: { skip?: boolean } = {}): QueryState<TData> {
  const { token } = useSession();
  const [state, setState] = useState<Omit<QueryState<TData>, 'reload'>>({ loading: !options.skip, data: null, errors: [], unreachable: false });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (options.skip) {
      setState({ loading: false, data: null, errors: [], unreachable: false });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    execute(document, JSON.parse(key) as TVariables, token).then(
      (result) => current && setState({ loading: false, data: result.data, errors: result.errors, unreachable: false }),
      (error: unknown) => current && setState({ loading: false, data: null, errors: [], unreachable: error instanceof HubUnreachableError }),
    );
    return () => {
      current = false;
    };
  }, [document, key, token, options.skip, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
}
