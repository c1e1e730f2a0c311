import 'reflect-metadata';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildRegionalSchema } from './schema.js';

/** Print the regional subgraph SDL to stdout (used by `npm run compose`). */
void buildRegionalSchema().then((schema) => process.stdout.write(printSubgraphSchema(schema)));
