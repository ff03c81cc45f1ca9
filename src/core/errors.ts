/**
 * The catalogue of every error Rampart raises on purpose. Codes are stable: scripts may match them.
 * Exit code 2 is for usage, configuration and input errors; 3 for internal crashes.
 */
export const ERROR_CATALOGUE = {
  RAMPART_USAGE: { exitCode: 2, summary: 'The command line is not valid.' },
  RAMPART_CONFIG_INVALID: { exitCode: 2, summary: 'A configuration or ruleset file is not valid.' },
  RAMPART_FILE_NOT_FOUND: { exitCode: 2, summary: 'An input file does not exist or cannot be read.' },
  RAMPART_PARSE_FAILED: { exitCode: 2, summary: 'A document is not valid YAML or JSON.' },
  RAMPART_NOT_AN_API: { exitCode: 2, summary: 'A document is not a Swagger 2.0 or OpenAPI 3.x description.' },
  RAMPART_REF_FAILED: { exitCode: 2, summary: 'A $ref cannot be resolved.' },
  RAMPART_REF_FORBIDDEN: { exitCode: 2, summary: 'A $ref points somewhere Rampart may not read without permission.' },
  RAMPART_INPUT_TOO_LARGE: { exitCode: 2, summary: 'An input exceeds a safety bound (alias expansion, nesting depth, size).' },
  RAMPART_OUTPUT_FAILED: { exitCode: 2, summary: 'A report cannot be written to its file or to standard output (a full disk, an I/O error).' },
  RAMPART_RULE_CRASHED: { exitCode: 3, summary: 'A rule threw an exception.' },
  RAMPART_INTERNAL: { exitCode: 3, summary: 'An unexpected internal error.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface ErrorPosition {
  file: string;
  line?: number;
  column?: number;
}

export class RampartError extends Error {
  readonly code: ErrorCode;
  readonly position?: ErrorPosition;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; position?: ErrorPosition } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RampartError';
    this.code = code;
    this.position = options.position;
  }

  get exitCode(): number {
    return ERROR_CATALOGUE[this.code].exitCode;
  }

  /** The one-line form the CLI prints: `file:line:col: message [CODE]` (without the code inside another message). */
  toOneLine(options: { code?: boolean } = {}): string {
    const where = this.position
      ? `${this.position.file}${this.position.line ? `:${this.position.line}${this.position.column ? `:${this.position.column}` : ''}` : ''}: `
      : '';
    // Wrapped messages (Node's, a parser's) may span lines; the CLI promises one.
    return `${where}${this.message.replace(/\s*[\r\n]+\s*/g, ' ')}${options.code === false ? '' : ` [${this.code}]`}`;
  }
}

export function isRampartError(error: unknown): error is RampartError {
  return error instanceof RampartError;
}
