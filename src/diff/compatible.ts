/**
 * Which TypeScript types accept which: enough of TypeScript's assignability for the types the
 * planner writes, to tell a widened parameter (compatible) from a narrowed one (breaking).
 * Generated types are compared by name: their own changes are reported where they are declared.
 */
import type { TsType } from '../plan/ts-type.js';

/** Every value of `sub` is a value of `sup`. */
export function isAssignable(sub: TsType, sup: TsType): boolean {
  if (sub.kind === 'union') return sub.members.every((member) => isAssignable(member, sup));
  if (sup.kind === 'union') return sup.members.some((member) => isAssignable(sub, member));
  if (sup.kind === 'keyword' && sup.name === 'unknown') return true;
  if (sub.kind === 'keyword' && sub.name === 'never') return true;
  switch (sub.kind) {
    case 'keyword':
    case 'global':
      return sup.kind === sub.kind && sup.name === sub.name;
    case 'ref':
      return sup.kind === 'ref' && sup.name === sub.name;
    case 'literal':
      if (sup.kind === 'literal') return sup.value === sub.value;
      return sup.kind === 'keyword' && sup.name === (typeof sub.value === 'number' ? 'number' : 'string');
    case 'array':
      return sup.kind === 'array' && isAssignable(sub.item, sup.item);
    case 'record':
      return sup.kind === 'record' && isAssignable(sub.value, sup.value);
    case 'object':
      if (sup.kind !== 'object') return false;
      return sup.members.every((wanted) => {
        const given = sub.members.find((member) => member.name === wanted.name);
        if (!given) return wanted.optional;
        return (wanted.optional || !given.optional) && isAssignable(given.type, wanted.type);
      });
  }
}

export function sameType(a: TsType, b: TsType): boolean {
  return isAssignable(a, b) && isAssignable(b, a);
}
