/**
 * Running the CLI for the robustness suite: in-process (main() with a fake
 * Io, a few milliseconds a run) wherever the process itself does not matter,
 * and the invariants every run must keep.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { assertValidJson, assertValidJunit, assertValidSarif } from '../helpers/schemas.js';

export interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly ms: number;
}

export async function runMain(args: readonly string[], env: Record<string, string> = { NO_COLOR: '1', LANG: 'en_US.UTF-8' }, stdoutIsTty = false): Promise<Run> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (s) => void (out += s),
    outBytes: (b) => void (out += Buffer.from(b).toString('latin1')),
    err: (s) => void (err += s),
    env,
    stdoutIsTty,
  };
  const t0 = performance.now();
  const code = await main(args, io);
  return { code, out, err, ms: performance.now() - t0 };
}

/** a stack frame, as Node prints them */
export const STACK = /\n\s+at .+(:\d+:\d+|\(native\)|<anonymous>)/;

/** Every file under `dir`, with a hash of its bytes. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(p, createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/** Files that appeared, vanished or changed between two snapshots. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [p, h] of after) if (before.get(p) !== h) changed.push(p);
  for (const p of before.keys()) if (!after.has(p)) changed.push(p);
  return changed.sort();
}

/** What a file written by `--output <format>:file` must be after a run that ended with `code`. */
export function expectOutputConsistent(format: string, text: string, code: number): void {
  const failed = code === 2;
  switch (format) {
    case 'json': {
      const doc = JSON.parse(text) as { status?: string; errors?: unknown[]; reports?: unknown[] };
      if (failed) {
        expect(doc.status).toBe('error');
        expect(Array.isArray(doc.errors) && doc.errors.length > 0).toBe(true);
        assertValidJson('failure', doc);
      } else expect(doc.status).not.toBe('error');
      break;
    }
    case 'junit':
      expect(text).toMatch(/^<\?xml/);
      // one test case, "plancheck run", that errored — valid for Jenkins as any JUnit
      expect(/<testcase [^>]*name="plancheck run"[^>]*>\s*<error /.test(text)).toBe(failed);
      if (failed) assertValidJunit(text);
      break;
    case 'sarif': {
      const doc = JSON.parse(text) as { runs: { invocations?: { executionSuccessful: boolean }[] }[] };
      expect(doc.runs[0]?.invocations?.[0]?.executionSuccessful === false).toBe(failed);
      if (failed) assertValidSarif(text);
      break;
    }
    case 'csv':
      expect(text.replace(/^\uFEFF/, '').startsWith('status,severity,code,location,message')).toBe(failed);
      break;
    case 'markdown':
      expect(text.startsWith('## plancheck: run failed') || text.startsWith('## plancheck: 运行失败')).toBe(failed);
      break;
    default:
      break;
  }
}
