/** What every formatter is told: no formatter reads the environment. */
import type { Lang } from './messages.js';

/** Where the user's repository is, for formats that point into it (github, sarif). */
export interface RepoPaths {
  /** the working directory the user named files from (absolute) */
  readonly cwd: string;
  /** the repository root locations are relative to (absolute; `--repo-root`, else `cwd`) */
  readonly root: string;
}

export interface FormatOptions {
  readonly color: boolean;
  readonly lang: Lang;
  /** without it, files are named as the user gave them */
  readonly paths?: RepoPaths;
  /** the terminal's width (the table fits it); undefined when piped: full width */
  readonly columns?: number;
}
