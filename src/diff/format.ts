/** Diff results for people (text), for machines (JSON) and for pull requests (Markdown). */
import { formatLocation } from '../errors.js';
import type { Change, DiffResult } from './diff.js';

const SHARED = 'Types and namespaces';

/** Changes by agent (shared types and namespaces last), breaking ones first in each group. */
export function groupChanges(result: DiffResult): { group: string; changes: Change[] }[] {
  const groups = new Map<string, Change[]>();
  for (const change of result.changes) {
    const key = change.agent ?? SHARED;
    const list = groups.get(key) ?? [];
    list.push(change);
    groups.set(key, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === SHARED ? 1 : b === SHARED ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([group, changes]) => ({ group, changes: [...changes.filter((c) => c.breaking), ...changes.filter((c) => !c.breaking)] }));
}

export function summary(result: DiffResult): string {
  const breaking = result.changes.filter((change) => change.breaking).length;
  if (result.changes.length === 0) return 'No changes.';
  const changes = `${result.changes.length} change${result.changes.length === 1 ? '' : 's'}`;
  return breaking === 0 ? `${changes}, none breaking.` : `${changes}, ${breaking} breaking.`;
}

export function formatText(result: DiffResult): string {
  const lines = [summary(result)];
  for (const { group, changes } of groupChanges(result)) {
    lines.push('', group);
    for (const change of changes) {
      lines.push(`  ${change.breaking ? 'BREAKING  ' : 'compatible'}  ${change.path}  (${change.kind})`, `      ${change.message}`);
      const where = [change.old && `old ${formatLocation(change.old)}`, change.new && `new ${formatLocation(change.new)}`].filter(Boolean);
      if (where.length > 0) lines.push(`      ${where.join('  ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function formatJson(result: DiffResult): string {
  const changes = result.changes.map((change) => ({
    kind: change.kind,
    breaking: change.breaking,
    path: change.path,
    message: change.message,
    ...(change.agent === undefined ? {} : { agent: change.agent }),
    ...(change.old ? { old: formatLocation(change.old) } : {}),
    ...(change.new ? { new: formatLocation(change.new) } : {}),
  }));
  return `${JSON.stringify({ changes }, null, 2)}\n`;
}

export function formatMarkdown(result: DiffResult): string {
  const breaking = result.changes.some((change) => change.breaking);
  const lines = [`### SOAP API changes: ${summary(result)}`];
  if (result.changes.length > 0) {
    lines.push('', '| | Where | Change | Details |', '| --- | --- | --- | --- |');
    for (const { changes } of groupChanges(result)) {
      for (const change of changes) {
        const where = [change.old && `old \`${formatLocation(change.old)}\``, change.new && `new \`${formatLocation(change.new)}\``].filter(Boolean).join(', ');
        const details = cell(change.message) + (where ? `<br>${where}` : '');
        lines.push(`| ${change.breaking ? '**breaking**' : 'compatible'} | \`${cell(change.path)}\` | ${change.kind.replace(/-/g, ' ')} | ${details} |`);
      }
    }
  }
  if (breaking) lines.push('', 'Breaking changes can stop code that calls the generated agents from compiling or working: regenerate and let the compiler show each call site.');
  return `${lines.join('\n')}\n`;
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
