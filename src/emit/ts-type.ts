/** TypeScript type expressions that remember which generated types they mention (for imports). */

export interface NamedTypeRef {
  readonly name: string;
  /** The module file that declares it, relative to the group folder (`types/Services86.ts`). */
  readonly file: string;
}

export interface TsType {
  readonly text: string;
  readonly refs: readonly NamedTypeRef[];
}

export function tsType(text: string, refs: readonly NamedTypeRef[] = []): TsType {
  return { text, refs };
}

export function named(ref: NamedTypeRef): TsType {
  return { text: ref.name, refs: [ref] };
}

/** `T | null`, `T[]`, and unions, parenthesised where precedence needs it. */
export function nullable(type: TsType): TsType {
  return { text: `${type.text} | null`, refs: type.refs };
}

export function arrayOf(item: TsType): TsType {
  return { text: /[|&\s]/.test(item.text) && !/^[\w.]+<.*>$/.test(item.text) ? `(${item.text})[]` : `${item.text}[]`, refs: item.refs };
}

export function union(members: readonly TsType[]): TsType {
  const texts = [...new Set(members.map((m) => m.text))];
  return { text: texts.join(' | '), refs: members.flatMap((m) => m.refs) };
}

export function recordOf(value: TsType): TsType {
  return { text: `Record<string, ${value.text}>`, refs: value.refs };
}

export function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r/g, '\\r').replace(/\n/g, '\\n')}'`;
}

/** A union of many members printed one per line, for long enumerations. */
export function formatUnion(members: readonly string[], indent = '  '): string {
  const single = members.join(' | ');
  if (single.length <= 80) return single;
  return members.map((member) => `\n${indent}| ${member}`).join('');
}
