#!/usr/bin/env node
// `npx parley-verify file.json`: checks an exported negotiation offline (no network).
// The CLI is TypeScript; tsx's loader runs it without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
