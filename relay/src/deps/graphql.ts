// graphql ships a CommonJS build (index.js, its "main") and an ESM build (index.mjs, its
// "module"). Node loads the CommonJS one for graphql-http and graphql-ws; vite (vitest) would
// pick the ESM one for our sources, and graphql's instanceof checks then fail across the two
// copies ("Cannot use GraphQLSchema from another module or realm"). Importing the CommonJS entry
// by path keeps one copy everywhere.
export * from 'graphql/index.js';
