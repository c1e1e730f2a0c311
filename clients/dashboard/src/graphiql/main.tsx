import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './graphiql-page.css';
import { buildSchema } from 'graphql';
import { createRoot } from 'react-dom/client';
import schemaSdl from '../../../../gateway/schema.graphql?raw';
import { readToken } from '../auth/token-store';

// The committed public schema, built into the bundle: GraphiQL needs no
// introspection, so it works where the hub turns introspection off.
const schema = buildSchema(schemaSdl);

const DEFAULT_QUERY = `# The WPS Federation Hub. Published data needs no token; add
# {"authorization": "Bearer …"} under Headers to write (or sign in on the dashboard).
{
  framework(code: AU_CRF) {
    shortName
    coverage { summary { members connected withCurrentPlan } }
  }
}
`;

async function fetcher(params: unknown, options?: { headers?: Record<string, unknown> }) {
  const token = readToken();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options?.headers as Record<string, string> | undefined),
    },
    body: JSON.stringify(params),
  });
  return response.json();
}

createRoot(document.getElementById('graphiql')!).render(<GraphiQL fetcher={fetcher} schema={schema} defaultQuery={DEFAULT_QUERY} />);
