import 'reflect-metadata';
import { buildGraphQLSchema, SCHEMA_FILE } from './graphql/schema';

/** `node dist/server/src/emit-schema.js`: writes schema.graphql at the repo root without a database. */
buildGraphQLSchema(true).then(() => console.log(`wrote ${SCHEMA_FILE}`), (e) => { console.error(e); process.exit(1); });
