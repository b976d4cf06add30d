#!/usr/bin/env node
import { createRequire } from 'node:module';

const { main } = createRequire(import.meta.url)('../dist/plancheck.cjs');
process.exitCode = await main(process.argv.slice(2));
