import { readFileSync } from 'node:fs';
import path from 'node:path';
import { subgraphsOf } from '../supergraph.js';

const SUPERGRAPH_PATH = path.resolve(__dirname, '..', '..', 'supergraph.graphql');

describe('subgraphsOf', () => {
  it('lists the regional, knowledge and nap subgraphs of the committed supergraph with their URLs', () => {
    const subgraphs = subgraphsOf(readFileSync(SUPERGRAPH_PATH, 'utf8'));
    expect([...subgraphs].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'knowledge', url: 'http://localhost:4002/graphql' },
      { name: 'nap', url: 'http://localhost:4100/graphql' },
      { name: 'regional', url: 'http://localhost:4001/graphql' },
    ]);
  });

  it('gives an empty URL to a subgraph without one, and nothing for a schema without join__Graph', () => {
    const sdl = /* GraphQL */ `
      directive @join__graph(name: String!, url: String) on ENUM_VALUE
      enum join__Graph {
        A @join__graph(name: "alpha")
        B @join__graph(name: "beta", url: "http://beta:1/graphql")
      }
      type Query { x: Int }
    `;
    expect(subgraphsOf(sdl)).toEqual([
      { name: 'alpha', url: '' },
      { name: 'beta', url: 'http://beta:1/graphql' },
    ]);
    expect(subgraphsOf('type Query { x: Int }')).toEqual([]);
  });
});
