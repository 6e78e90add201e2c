import type { SourceLocation } from './read/document.js';

/**
 * An error in the user's input: it names the file, line and construct, and the CLI prints
 * its message without a stack trace.
 */
export class WsdlError extends Error {
  override readonly name = 'WsdlError';
  constructor(
    readonly problem: string,
    readonly loc?: SourceLocation,
  ) {
    super(loc ? `${formatLocation(loc)}: ${problem}` : problem);
  }
}

export function formatLocation(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

/** A problem the generator worked around (with a typed fallback) that the user should know of. */
export interface Warning {
  readonly message: string;
  readonly loc?: SourceLocation;
}

export function formatWarning(warning: Warning): string {
  return warning.loc ? `${formatLocation(warning.loc)}: warning: ${warning.message}` : `warning: ${warning.message}`;
}
