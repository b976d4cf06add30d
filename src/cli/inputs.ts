/**
 * Data file arguments as the user typed them → the files to read: `-` is
 * standard input, and a pattern the shell left alone (`"data/*.csv"`, or any
 * pattern under Windows' cmd.exe and PowerShell, which do not expand them) is
 * expanded here, with tinyglobby.
 */
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type * as Tinyglobby from 'tinyglobby';
import { STDIN } from '../data/load.js';
import { UsageError } from '../errors.js';

/** tinyglobby, loaded when a pattern is first met */
let glob: typeof Tinyglobby | undefined;

export async function expandDataArgs(args: readonly string[], platform: NodeJS.Platform = process.platform): Promise<string[]> {
  const out: string[] = [];
  let stdin = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdin) throw new UsageError({ en: '- (standard input) is given twice', zh: '- （标准输入）给了两次' });
      stdin = true;
      out.push(STDIN);
      continue;
    }
    // a file whose name looks like a pattern (`data[1].csv`) is that file
    if (existsSync(arg)) {
      out.push(arg);
      continue;
    }
    // Windows paths use \, which a pattern reads as an escape
    const pattern = platform === 'win32' ? arg.replace(/\\/g, '/') : arg;
    // no pattern characters: a file that is not there, reported when it is read
    if (!/[*?[\]{}()!]/.test(pattern)) {
      out.push(arg);
      continue;
    }
    glob ??= await import('tinyglobby');
    if (!glob.isDynamicPattern(pattern)) {
      out.push(arg);
      continue;
    }
    const files = glob.globSync(pattern, { onlyFiles: true, expandDirectories: false, dot: false, absolute: isAbsolute(pattern) }).sort();
    if (files.length === 0) throw new UsageError({ en: `no file matches ${arg}`, zh: `没有文件匹配 ${arg}` });
    for (const f of files) out.push(f);
  }
  return out;
}
