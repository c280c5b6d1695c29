/**
 * Errors that policytext reports to users as one line, never as a stack trace.
 * Every such error names the input it concerns and carries a stable `code`
 * that scripts can match on (listed in the README under "Exit codes and errors").
 */

export type InputErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'empty'
  | 'binary'
  | 'undecodable'
  | 'too-large'
  | 'no-reports'
  | 'unsupported'
  | 'bad-dict';

export class InputError extends Error {
  readonly code: InputErrorCode;
  readonly path: string;

  constructor(path: string, code: InputErrorCode, message: string) {
    super(message);
    this.name = 'InputError';
    this.code = code;
    this.path = path;
  }

  /** The one-line form printed on stderr and written to errors.csv. */
  toLine(): string {
    return `${this.path}: ${this.message}`;
  }
}

/** A command-line usage mistake (bad option value, missing argument). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Process exit codes. Stable: scripts depend on them.
 * 0 all inputs processed; 1 at least one input failed (the others were still processed);
 * 2 usage error; 70 internal error (a bug: please report it).
 */
export const ExitCode = {
  ok: 0,
  inputFailed: 1,
  usage: 2,
  internal: 70,
} as const;
