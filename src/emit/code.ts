/** Object and array literals as data, printed with ts-morph's writer so nesting is indented right. */
import { CodeBlockWriter } from 'ts-morph';

export type Code = string | { readonly array: readonly Code[] } | { readonly object: readonly (readonly [string, Code])[] };

export function array(items: readonly Code[]): Code {
  return { array: items };
}

/** An object literal; entries keep their order (keys must already be valid property keys). */
export function object(entries: readonly (readonly [string, Code] | undefined)[]): Code {
  return { object: entries.filter((entry): entry is readonly [string, Code] => entry !== undefined) };
}

/** `const name: type = <code>;` as statement text (ts-morph would hang-indent a nested initializer). */
export function constStatement(name: string, type: string | undefined, code: Code, options: { exported?: boolean; suffix?: string } = {}): string {
  const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2, useSingleQuote: true });
  writer.write(`${options.exported ? 'export ' : ''}const ${name}${type ? `: ${type}` : ''} = `);
  write(writer, code);
  writer.write(`${options.suffix ?? ''};`);
  return writer.toString();
}

function write(writer: CodeBlockWriter, code: Code): void {
  if (typeof code === 'string') {
    writer.write(code);
    return;
  }
  const [open, close, items] =
    'array' in code
      ? ['[', ']', code.array.map((item) => ({ item }))]
      : ['{', '}', code.object.map(([key, item]) => ({ key, item }))];
  if (items.length === 0) {
    writer.write(`${open}${close}`);
    return;
  }
  writer.write(open).newLine();
  writer.indent(() => {
    for (const { key, item } of items as { key?: string; item: Code }[]) {
      if (key !== undefined) writer.write(`${key}: `);
      write(writer, item);
      writer.write(',').newLine();
    }
  });
  writer.write(close);
}
