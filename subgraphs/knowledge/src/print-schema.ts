import 'reflect-metadata';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildKnowledgeSchema } from './schema.js';

/** Print the knowledge subgraph SDL to stdout (used by `npm run compose`). */
void buildKnowledgeSchema().then((schema) => process.stdout.write(printSubgraphSchema(schema)));
