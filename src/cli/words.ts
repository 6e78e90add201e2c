/** Wording shared by the commands' progress lines. */

/** `1 file`, `2 files`: a count with its noun, plural when it is not one. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
