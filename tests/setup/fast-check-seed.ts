/**
 * Property tests draw new cases on every run, so that over many runs they
 * explore far more than any one run does. In CI (CI set) the seed is taken
 * from the commit instead: a CI run of a commit draws exactly the cases a
 * developer drew with `CI=true bash .ci/run` on the same commit, so a verdict
 * on a submission never hangs on the luck of the draw — and every new commit
 * still draws new cases. PLANCHECK_FC_SEED=n replays a reported seed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fc from 'fast-check';

function commitSeed(): number | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return createHash('sha256').update(head).digest().readInt32LE(0);
  } catch {
    return undefined;
  }
}

const given = process.env['PLANCHECK_FC_SEED'];
const seed = given !== undefined && given !== '' ? Number(given) : process.env['CI'] ? commitSeed() : undefined;
if (seed !== undefined && Number.isInteger(seed)) fc.configureGlobal({ seed });
