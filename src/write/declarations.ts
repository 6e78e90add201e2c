/**
 * For `generate --check`: which declarations of a generated file differ (types, agents, their
 * methods, descriptors), not only that the file does. Generated files are laid out by our own
 * printer: top-level declarations are separated by a blank line, class members too, one level in.
 */

export interface DeclarationChanges {
  readonly added: string[];
  readonly removed: string[];
  readonly changed: string[];
}

/** The declarations of one generated file that were added, removed or changed. */
export function declarationChanges(before: string, after: string): DeclarationChanges {
  const old = declarations(before);
  const now = declarations(after);
  return {
    added: [...now.keys()].filter((name) => !old.has(name)),
    removed: [...old.keys()].filter((name) => !now.has(name)),
    changed: [...now.keys()].filter((name) => old.has(name) && old.get(name) !== now.get(name)),
  };
}

/** One line saying what differs in a file: `types WebAppUsage, Carrier changed; Foo added`. */
export function describeDeclarationChanges(changes: DeclarationChanges): string {
  const parts = [
    changes.changed.length > 0 ? `${changes.changed.join(', ')} changed` : '',
    changes.added.length > 0 ? `${changes.added.join(', ')} added` : '',
    changes.removed.length > 0 ? `${changes.removed.join(', ')} removed` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : 'its preamble or imports changed';
}

/** Declared name → its text; a class's methods count as declarations of their own (`Agent.method()`). */
function declarations(text: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const block of text.split(/\n\n(?=\S)/)) {
    const name = declaredName(block);
    if (!name) continue;
    if (!/^(?:\/\*\*[\s\S]*?\*\/\n)?export (?:abstract )?class /.test(block)) {
      result.set(name, block);
      continue;
    }
    const members = block.split(/\n\n(?= {2}\S)/);
    result.set(name, members[0]!);
    for (const member of members.slice(1)) {
      const method = /^ {2}(?:\/\*\*[\s\S]*?\*\/\n {2})?(?:(?:async|static|get|set) )*([\w$]+)\s*[(<]/.exec(member)?.[1];
      result.set(method ? `${name}.${method}()` : `${name} (a member)`, member);
    }
  }
  return result;
}

function declaredName(block: string): string | undefined {
  const match = /^(?:\/\*\*[\s\S]*?\*\/\n)?(?:export )?(?:declare )?(?:abstract )?(?:interface|type|class|const|function|enum) ([\w$]+)/m.exec(block);
  return match?.[1];
}
