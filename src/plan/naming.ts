/**
 * Stable names. Every generated name is a function of the thing named and of the things it
 * would collide with, never of the order anything is processed in: adding an unrelated type,
 * operation or WSDL renames nothing, and a namespace's version (`…/Services86` → `…/Services87`)
 * is in no TypeScript name.
 *
 * Each thing asks for a list of names, best first. Where several want the same name, the one of
 * highest rank keeps it (an agent over a type, a named type over an anonymous one); between
 * equals nobody keeps it and each moves on to its next choice, so neither wins by coming first.
 * Past its last choice a thing numbers its last one (`Name_2`, `Name_3`), the lowest key first.
 */
import { identifier } from './names.js';

export interface NameRequest {
  /** Identifies the thing; unique among the requests. Orders the numbered fallbacks. */
  readonly key: string;
  /** Names it would take, best first; at least one. */
  readonly candidates: readonly string[];
  /** Lower wins a contested name. */
  readonly rank: number;
}

export function assignNames(requests: readonly NameRequest[], reserved: ReadonlySet<string> = new Set()): Map<string, string> {
  const choice = new Map<string, number>(requests.map((request) => [request.key, 0]));
  const nameOf = (request: NameRequest): string => {
    const index = choice.get(request.key)!;
    const last = request.candidates.length - 1;
    return index <= last ? request.candidates[index]! : `${request.candidates[last]}_${index - last + 1}`;
  };
  for (;;) {
    const byName = new Map<string, NameRequest[]>();
    for (const request of requests) {
      const name = nameOf(request);
      const holders = byName.get(name);
      if (holders) holders.push(request);
      else byName.set(name, [request]);
    }
    const movers: NameRequest[] = [];
    for (const [name, holders] of byName) {
      if (reserved.has(name)) {
        movers.push(...holders);
        continue;
      }
      if (holders.length === 1) continue;
      const best = Math.min(...holders.map((holder) => holder.rank));
      const winners = holders.filter((holder) => holder.rank === best);
      movers.push(...holders.filter((holder) => holder.rank !== best));
      if (winners.length === 1) continue;
      // equals all move on; once every one of them is numbering, the lowest key keeps the name
      const numbering = winners.every((winner) => choice.get(winner.key)! >= winner.candidates.length - 1);
      if (numbering) {
        const sorted = [...winners].sort((a, b) => compare(a.key, b.key));
        movers.push(...sorted.slice(1));
      } else {
        movers.push(...winners);
      }
    }
    if (movers.length === 0) break;
    for (const mover of movers) choice.set(mover.key, choice.get(mover.key)! + 1);
  }
  return new Map(requests.map((request) => [request.key, nameOf(request)]));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Modules: one per target namespace

/** A version in a namespace: `2003`, `10`, `v2`, `ver10`, `1.0`, `2016-11-15`. */
const VERSION_SEGMENT = /^(?:v|ver|version)?\d+(?:[._-]\d+)*$/i;
/** A version at the end of a word: `Services86`, `CRM_2011`, `Api-v2`, `Rates1.2`. */
const VERSION_SUFFIX = /(?<=[A-Za-z]{3})[-_.]?(?:v|ver)?\d+(?:[._]\d+)*$/;

/**
 * Module names for namespaces: the last meaningful segment without its version
 * (`http://…/NetServer/Services86` → `Services`, `http://…/2003/10/Serialization/Arrays` →
 * `Arrays`); namespaces that would share a name take their version, then more segments.
 */
export function moduleNames(namespaces: readonly string[]): Map<string, string> {
  const requests = namespaces.map((ns): NameRequest => {
    const segments = namespaceSegments(ns);
    const meaningful = segments.filter((segment) => !VERSION_SEGMENT.test(segment));
    const last = meaningful.at(-1) ?? segments.at(-1)!;
    const candidates = [identifier(last.replace(VERSION_SUFFIX, '')), identifier(last)];
    for (let count = 2; count <= segments.length; count++) candidates.push(identifier(segments.slice(-count).join('_')));
    return { key: ns, candidates: [...new Set(candidates)], rank: 0 };
  });
  return assignNames(requests);
}

/** The meaningful segments of a namespace URI, last one most specific. */
export function namespaceSegments(ns: string): string[] {
  if (!ns) return ['NoNamespace'];
  const withoutScheme = ns.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:(\/\/)?/, '');
  const segments = withoutScheme
    .split(/[/:#?]+/)
    .map((segment) => segment.replace(/\.(xsd|wsdl|xml)$/i, ''))
    .filter(Boolean);
  return segments.length > 0 ? segments : ['NoNamespace'];
}

/**
 * Two namespaces differ only in versions (`…/Services86` and `…/Services87`, `…/2006/types` and
 * `…/2010/types`): what `diff` reports as one namespace move rather than every type changing.
 */
export function versionlessNamespace(ns: string): string {
  return ns.replace(/\d+(?:[._-]\d+)*/g, '#');
}
