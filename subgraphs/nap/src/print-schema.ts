import 'reflect-metadata';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildNapSchema } from './schema.js';

/** Print the NAP contract SDL to stdout (used by `npm run compose`). */
void buildNapSchema().then((schema) => process.stdout.write(printSubgraphSchema(schema)));
