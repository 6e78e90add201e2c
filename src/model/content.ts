/**
 * A complex type's own content, flattened for code generation: its elements in wire order with
 * the occurrence they really have, which top-level `xs:choice` alternative each belongs to, its
 * attributes with references and groups resolved, and its wildcards.
 */
import { WsdlError } from '../errors.js';
import { formatQName, qnameKey, type AttributeDecl, type AttributeUse, type ComplexType, type ElementDecl, type Particle, type SourceLocation, type TypeUse } from '../read/document.js';
import type { SchemaSet } from './schema-set.js';

export interface FlatElement {
  readonly element: ElementDecl & { readonly type: TypeUse };
  readonly minOccurs: number;
  readonly maxOccurs: number | 'unbounded';
  /** Set for members of a top-level choice: which choice of the type, which alternative. */
  readonly choice?: { readonly group: number; readonly branch: number };
}

export interface ChoiceGroup {
  /** 0 when the choice may be absent altogether. */
  readonly minOccurs: number;
  readonly branches: number;
  readonly loc: SourceLocation;
}

export interface FlatContent {
  readonly elements: FlatElement[];
  readonly choices: ChoiceGroup[];
  /** An `xs:any` wildcard: elements not declared here are kept as XML. */
  readonly anyElement: boolean;
  readonly attributes: (AttributeDecl & { readonly type: TypeUse })[];
  /** Attributes a restriction prohibits (`use="prohibited"`), by name. */
  readonly prohibitedAttributes: string[];
  readonly anyAttribute: boolean;
  /** Where the TypeScript type is looser than the schema, and why. */
  readonly approximations: { readonly message: string; readonly loc: SourceLocation }[];
}

interface Context {
  readonly optional: boolean;
  readonly repeated: boolean;
  readonly choice?: { readonly group: number; readonly branch: number };
  /** Named groups being expanded, to refuse a group that contains itself. */
  readonly groups: readonly string[];
}

export function flattenContent(type: ComplexType, schemas: SchemaSet): FlatContent {
  const elements: FlatElement[] = [];
  const choices: ChoiceGroup[] = [];
  const approximations: FlatContent['approximations'] = [];
  let anyElement = false;

  const walk = (particle: Particle, context: Context): void => {
    switch (particle.kind) {
      case 'element': {
        const element = schemas.resolveElement(particle.element);
        elements.push({
          element,
          minOccurs: context.optional ? 0 : element.minOccurs,
          maxOccurs: context.repeated ? 'unbounded' : element.maxOccurs,
          choice: context.choice,
        });
        return;
      }
      case 'any':
        anyElement = true;
        return;
      case 'groupRef': {
        const key = qnameKey(particle.ref);
        if (context.groups.includes(key)) throw new WsdlError(`the group ${formatQName(particle.ref)} contains itself`, particle.loc);
        const group = schemas.group(particle.ref, particle.loc);
        if (!group) return;
        walk(group.particle, { ...nested(particle, context, approximations, 'xs:group'), groups: [...context.groups, key] });
        return;
      }
      case 'sequence':
      case 'all':
        for (const child of particle.particles) walk(child, nested(particle, context, approximations, `xs:${particle.kind}`));
        return;
      case 'choice': {
        const inner = nested(particle, context, approximations, 'xs:choice');
        if (context.choice || inner.repeated) {
          // a choice inside a choice, or one that repeats: its members are each optional
          if (context.choice) approximations.push({ message: 'a nested xs:choice: its members are read as optional', loc: particle.loc });
          for (const child of particle.particles) walk(child, { ...inner, optional: true });
          return;
        }
        const group = choices.length;
        choices.push({ minOccurs: inner.optional ? 0 : 1, branches: particle.particles.length, loc: particle.loc });
        // inside an alternative the members keep their own occurrence; the union says which may be there
        particle.particles.forEach((child, branch) => walk(child, { ...inner, optional: false, choice: { group, branch } }));
        return;
      }
    }
  };

  if (type.content) walk(type.content, { optional: false, repeated: false, groups: [] });
  const flat = flattenAttributes(type.attributes, type.anyAttribute, schemas, []);
  return {
    elements,
    choices,
    anyElement,
    attributes: flat.attributes.filter((attribute) => !attribute.prohibited),
    prohibitedAttributes: flat.attributes.filter((attribute) => attribute.prohibited).map((attribute) => attribute.name),
    anyAttribute: flat.anyAttribute,
    approximations,
  };
}

/** The context for the members of a group, given the group's own occurrence. */
function nested(particle: { minOccurs: number; maxOccurs: number | 'unbounded'; loc: SourceLocation }, context: Context, approximations: FlatContent['approximations'], what: string): Context {
  const repeats = particle.maxOccurs !== 1 && particle.maxOccurs !== 0;
  if (repeats && !context.repeated) {
    approximations.push({
      message: `a repeating ${what}: each of its members becomes a list of its own (the order in which they interleave is not kept)`,
      loc: particle.loc,
    });
  }
  return { ...context, optional: context.optional || particle.minOccurs === 0, repeated: context.repeated || repeats };
}

function flattenAttributes(
  uses: readonly AttributeUse[],
  anyAttribute: boolean,
  schemas: SchemaSet,
  groups: readonly string[],
): { attributes: (AttributeDecl & { type: TypeUse })[]; anyAttribute: boolean } {
  const attributes: (AttributeDecl & { type: TypeUse })[] = [];
  let any = anyAttribute;
  for (const use of uses) {
    if (use.kind === 'attribute') {
      attributes.push(schemas.resolveAttribute(use.attribute));
      continue;
    }
    const key = qnameKey(use.ref);
    if (groups.includes(key)) throw new WsdlError(`the attributeGroup ${formatQName(use.ref)} contains itself`, use.loc);
    const group = schemas.attributeGroup(use.ref, use.loc);
    if (!group) continue;
    const inner = flattenAttributes(group.attributes, group.anyAttribute, schemas, [...groups, key]);
    attributes.push(...inner.attributes);
    any ||= inner.anyAttribute;
  }
  return { attributes, anyAttribute: any };
}
