/**
 * The review of the differences the comparison finds: each one must be covered by exactly one
 * reviewed rule (a cause that recurs, named once with why ours is right) or one per-file entry.
 * A difference that only follows from another one — a type the walk could not reach because it
 * stopped there — is covered when that other difference is.
 */
import { keyOf, type Aspect, type Construct, type Difference } from './wsdl-tsclient-compare.js';

/** What a rule matches; every given condition must hold. */
export interface RuleMatch {
  readonly aspect: Aspect;
  /** Our side's construct (one of several). */
  readonly construct?: Construct | readonly Construct[];
  readonly ours?: RegExp;
  readonly theirs?: RegExp;
}

export interface Rule {
  /** What the rule is about, as a reviewer would say it. */
  readonly name: string;
  /** Why ours is right, in one line. */
  readonly reason: string;
  /** How many disagreements it covers over every compared WSDL: a change in either direction is for review. */
  readonly covers: number;
  /** The differences it covers; `follows` covers those that only follow from a covered difference. */
  readonly match: RuleMatch | 'follows';
}

export interface Entry {
  /** The WSDL, as the test names it (`Services86/Diagnostics.wsdl`, a corpus name like `strict/npe.wsdl`). */
  readonly file: string;
  readonly where: string;
  readonly aspect: Aspect;
  /** Why ours is right, in one line (or, if ours is wrong, that it is and how). */
  readonly reason: string;
}

export interface FileDifferences {
  readonly file: string;
  readonly differences: readonly Difference[];
}

export interface Found {
  readonly file: string;
  readonly difference: Difference;
}

export interface Review {
  /** What each rule and entry covers. */
  readonly byRule: ReadonlyMap<Rule, Found[]>;
  readonly byEntry: ReadonlyMap<Entry, Found[]>;
  /** Differences no rule or entry covers. */
  readonly unreviewed: Found[];
  /** Differences more than one rule or entry covers (the rules should not overlap). */
  readonly ambiguous: { found: Found; by: string[] }[];
}

export function matches(match: RuleMatch, difference: Difference): boolean {
  if (difference.aspect !== match.aspect) return false;
  if (difference.cause !== undefined) return false;
  if (match.construct !== undefined) {
    const constructs: readonly Construct[] = typeof match.construct === 'string' ? [match.construct] : match.construct;
    if (difference.construct === undefined || !constructs.includes(difference.construct)) return false;
  }
  if (match.ours && !match.ours.test(difference.ours)) return false;
  if (match.theirs && !match.theirs.test(difference.theirs)) return false;
  return true;
}

export function describeRule(rule: Rule): string {
  return `rule "${rule.name}"`;
}

export function describeEntry(entry: Entry): string {
  return `entry ${entry.file}: ${keyOf(entry)}`;
}

export function review(files: readonly FileDifferences[], rules: readonly Rule[], entries: readonly Entry[]): Review {
  const byRule = new Map<Rule, Found[]>(rules.map((rule) => [rule, []]));
  const byEntry = new Map<Entry, Found[]>(entries.map((entry) => [entry, []]));
  const unreviewed: Found[] = [];
  const ambiguous: Review['ambiguous'] = [];
  const follows = rules.filter((rule) => rule.match === 'follows');

  for (const { file, differences } of files) {
    const coveredKeys = new Set<string>();
    const pending: Found[] = [];
    const unreviewedHere: Found[] = [];
    for (const difference of differences) {
      const found = { file, difference };
      if (difference.cause !== undefined) {
        pending.push(found);
        continue;
      }
      const byRules = rules.filter((rule) => rule.match !== 'follows' && matches(rule.match, difference));
      const byEntries = entries.filter((entry) => entry.file === file && keyOf(entry) === keyOf(difference));
      const by = [...byRules.map(describeRule), ...byEntries.map(describeEntry)];
      if (by.length === 0) unreviewedHere.push(found);
      else if (by.length > 1) ambiguous.push({ found, by });
      else {
        coveredKeys.add(keyOf(difference));
        for (const rule of byRules) byRule.get(rule)!.push(found);
        for (const entry of byEntries) byEntry.get(entry)!.push(found);
      }
    }
    // what follows from a covered difference is covered with it
    for (const found of pending) {
      const byEntries = entries.filter((entry) => entry.file === file && keyOf(entry) === keyOf(found.difference));
      const byFollows = coveredKeys.has(found.difference.cause!) ? follows : [];
      const by = [...byFollows.map(describeRule), ...byEntries.map(describeEntry)];
      if (by.length === 0) unreviewedHere.push(found);
      else if (by.length > 1) ambiguous.push({ found, by });
      else {
        for (const rule of byFollows) byRule.get(rule)!.push(found);
        for (const entry of byEntries) byEntry.get(entry)!.push(found);
      }
    }
    // in the order the comparison found them
    unreviewed.push(...unreviewedHere.sort((a, b) => differences.indexOf(a.difference) - differences.indexOf(b.difference)));
  }
  return { byRule, byEntry, unreviewed, ambiguous };
}
