// The standalone executable's entry point (bundled by scripts/build-exe.mjs,
// with every library inside): the CLI's own main(), as bin/plancheck.js runs
// it. The plan schema validator, precompiled by the build, is bundled in here
// because an executable requires no module from disk; the package's files
// (plans, their build cache, schemas, sources, package.json) are its embedded
// assets, read through src/package-files.ts.
import { main } from '../dist/cli/main.js';
import { providePlanSchemaValidator } from '../dist/plan/schema.js';
import validate from '../dist/schema/plan-validate.cjs';

providePlanSchemaValidator(validate);
// argv: [the executable, the executable as it was called, ...arguments]
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
