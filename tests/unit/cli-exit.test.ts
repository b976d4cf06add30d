/** The one place that maps errors to exit codes: input errors are 2, bugs are 3. */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

function io(outImpl?: (s: string) => void): Io & { errText: () => string } {
  let err = '';
  return { out: outImpl ?? (() => undefined), err: (s) => void (err += s), env: { NO_COLOR: '1' }, stdoutIsTty: false, errText: () => err };
}

describe('exit codes', () => {
  it('a bug (here: the terminal failing) is exit 3, reported as such, without a stack', async () => {
    const t = io(() => {
      throw new Error('stdout closed');
    });
    const code = await main(['evaluate', '--plan', 'tests/fixtures/basic/plan.yaml', 'tests/fixtures/basic/data.csv'], t);
    expect(code).toBe(3);
    expect(t.errText()).toMatch(/internal error, please report it \(https:\/\/github.com\/plancheck\/plancheck\/issues\): stdout closed/);
    expect(t.errText()).not.toMatch(/\n\s+at /);
  });

  it('with --debug the stack is shown', async () => {
    const t = io(() => {
      throw new Error('stdout closed');
    });
    expect(await main(['evaluate', '--debug', '--plan', 'tests/fixtures/basic/plan.yaml', 'tests/fixtures/basic/data.csv'], t)).toBe(3);
    expect(t.errText()).toMatch(/\n\s+at /);
  });

  it.each([
    [['evaluate', '--plan', 'tests/fixtures/basic/plan.yaml', 'tests/fixtures/basic/data.csv'], 1],
    [['evaluate', '--plan', 'tests/fixtures/basic/plan.yaml', 'tests/fixtures/basic/data.csv', '--fail-on', 'never'], 0],
    [['evaluate', '--plan', 'tests/fixtures/basic/plan.yaml', 'tests/fixtures/bad-data/empty.csv'], 2],
    [['evaluate', '--plan', 'tests/fixtures/basic/plan.yaml'], 2],
    [['--no-such-option'], 2],
  ])('%j → %i', async (args, want) => {
    expect(await main(args, io())).toBe(want);
  });
});
