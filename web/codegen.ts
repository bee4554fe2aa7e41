// GraphQL Code Generator: the web's types come from the committed root schema.graphql.
// Documents are the graphql(`...`) calls in lib/queries.ts; output is web/gql (generated, committed).
const config = {
  schema: process.env.FROGPOND_SCHEMA ?? '../schema.graphql',
  documents: ['lib/queries.ts'],
  ignoreNoDocuments: false,
  generates: {
    './gql/': {
      preset: 'client',
      config: { documentMode: 'string', scalars: { DateTimeISO: 'string', DateTime: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>' }, enumsAsTypes: true },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
