/**
 * What changed between two versions of a service, read off their resolved models (and the plans
 * the generator makes of them, which say what each change does to the TypeScript), never off
 * text. Each change is classified for code that calls the generated agents: breaking when such
 * code can stop compiling or behaving (a removed operation, a new required parameter, a narrowed
 * type, a removed enum member, a reordered positional parameter), compatible otherwise.
 */
import type { FolderModel } from '../generate.js';
import type { ServiceModel, SourceLocation, TypeDef } from '../model/model.js';
import { versionlessNamespace } from '../plan/naming.js';
import { planGroup, type AgentPlan, type FieldPlan, type GroupPlan, type OperationPlan, type ParameterPlan, type TypePlan } from '../plan/index.js';
import { formatType, type TsType } from '../plan/ts-type.js';
import { isAssignable, sameType } from './compatible.js';

export type ChangeKind =
  | 'agent-added'
  | 'agent-removed'
  | 'endpoint-changed'
  | 'soap-version-changed'
  | 'namespace-changed'
  | 'operation-added'
  | 'operation-removed'
  | 'soap-action-changed'
  | 'parameter-added'
  | 'parameter-removed'
  | 'parameter-reordered'
  | 'parameter-retyped'
  | 'parameter-optionality-changed'
  | 'return-type-changed'
  | 'header-added'
  | 'header-removed'
  | 'header-retyped'
  | 'type-added'
  | 'type-removed'
  | 'type-changed'
  | 'type-renamed'
  | 'property-added'
  | 'property-removed'
  | 'property-retyped'
  | 'property-optionality-changed'
  | 'property-nillable-changed'
  | 'enum-member-added'
  | 'enum-member-removed';

export interface Change {
  readonly kind: ChangeKind;
  readonly breaking: boolean;
  /** The agent (portType) and operation, or the type, and the member concerned: `Diagnostics.GetCacheNames`, `WebAppUsage.Version`. */
  readonly path: string;
  readonly message: string;
  /** The agent it belongs to (its portType's name); undefined for types and namespaces, which agents share. */
  readonly agent?: string;
  /** Where the changed thing is declared in the old version, and in the new one. */
  readonly old?: SourceLocation;
  readonly new?: SourceLocation;
}

export interface DiffResult {
  readonly changes: readonly Change[];
}

/**
 * Compares two versions, folder by folder (a single folder on each side is compared whatever
 * its name, so `diff wsdl/Services86 wsdl/Services87` compares the two).
 */
export function diff(oldFolders: readonly FolderModel[], newFolders: readonly FolderModel[]): DiffResult {
  const changes: Change[] = [];
  if (oldFolders.length === 1 && newFolders.length === 1) {
    changes.push(...new FolderDiff(oldFolders[0]!.model, newFolders[0]!.model).run());
    return { changes };
  }
  const empty: ServiceModel = { sources: [], interfaces: [], services: [], bindings: [], elements: [], types: [], warnings: [] };
  const dirs = [...new Set([...oldFolders, ...newFolders].map((folder) => folder.dir))].sort();
  for (const dir of dirs) {
    const before = oldFolders.find((folder) => folder.dir === dir)?.model ?? empty;
    const after = newFolders.find((folder) => folder.dir === dir)?.model ?? empty;
    changes.push(...new FolderDiff(before, after).run());
  }
  return { changes };
}

interface Direction {
  /** Values of it are sent (parameters, request headers): narrowing breaks callers. */
  readonly input: boolean;
  /** Values of it are received (results, response headers): widening breaks callers. */
  readonly output: boolean;
}

const BOTH: Direction = { input: true, output: true };

class FolderDiff {
  private readonly changes: Change[] = [];
  private readonly oldPlan: GroupPlan;
  private readonly newPlan: GroupPlan;
  /** Old namespace → the new one it moved to (a version move: `…/Services86` → `…/Services87`). */
  private readonly moves = new Map<string, string>();

  constructor(
    private readonly oldModel: ServiceModel,
    private readonly newModel: ServiceModel,
  ) {
    this.oldPlan = planGroup(oldModel);
    this.newPlan = planGroup(newModel);
  }

  run(): Change[] {
    this.namespaces();
    this.agents();
    this.types();
    return this.changes;
  }

  private add(change: Change): void {
    this.changes.push(change);
  }

  // -------------------------------------------------------------------------------------------
  // Namespaces

  private namespaces(): void {
    const before = namespacesOf(this.oldModel);
    const after = namespacesOf(this.newModel);
    const gone = [...before].filter((ns) => !after.has(ns));
    const arrived = [...after].filter((ns) => !before.has(ns));
    for (const ns of gone) {
      const candidates = arrived.filter((other) => versionlessNamespace(other) === versionlessNamespace(ns));
      if (candidates.length !== 1) continue;
      const moved = candidates[0]!;
      this.moves.set(ns, moved);
      const module = this.newPlan.modules.find((m) => m.ns === moved)?.name;
      this.add({
        kind: 'namespace-changed',
        breaking: false,
        path: module ?? moved,
        message: `namespace ${ns} → ${moved}: a version move; no TypeScript name changes, and the regenerated agents speak the new namespace`,
      });
    }
  }

  /** Text of the old version with every moved namespace replaced by the one it moved to. */
  private moved(text: string): string {
    let result = text;
    for (const [from, to] of this.moves) result = result.split(from).join(to);
    return result;
  }

  // -------------------------------------------------------------------------------------------
  // Agents, operations, parameters, headers

  private agents(): void {
    const before = new Map(this.oldPlan.agents.map((agent) => [agent.name, agent]));
    const after = new Map(this.newPlan.agents.map((agent) => [agent.name, agent]));
    for (const [name, agent] of before) {
      if (!after.has(name)) {
        this.add({ kind: 'agent-removed', breaking: true, path: agent.service, agent: agent.service, message: `the agent ${name} is gone (portType ${agent.service})`, old: agent.loc });
      }
    }
    for (const [name, agent] of after) {
      const old = before.get(name);
      if (!old) {
        this.add({ kind: 'agent-added', breaking: false, path: agent.service, agent: agent.service, message: `new agent ${name} with ${agent.operations.length} operations`, new: agent.loc });
        continue;
      }
      this.agent(old, agent);
    }
  }

  private agent(old: AgentPlan, agent: AgentPlan): void {
    const path = agent.service;
    const at = { agent: agent.service, old: old.loc, new: agent.loc };
    if (old.endpoint !== agent.endpoint) {
      this.add({ kind: 'endpoint-changed', breaking: false, path, ...at, message: `default endpoint ${old.endpoint ?? '(none)'} → ${agent.endpoint ?? '(none)'}` });
    }
    if (old.soapVersion !== agent.soapVersion) {
      this.add({ kind: 'soap-version-changed', breaking: false, path, ...at, message: `SOAP ${old.soapVersion} → SOAP ${agent.soapVersion}` });
    }
    this.headers(`${path}.headers`, agent.service, old.requestHeaders, agent.requestHeaders, { input: true, output: false }, 'request');
    this.headers(`${path}.responseHeaders`, agent.service, old.responseHeaders, agent.responseHeaders, { input: false, output: true }, 'response');

    const before = new Map(old.operations.map((operation) => [operation.name, operation]));
    const after = new Map(agent.operations.map((operation) => [operation.name, operation]));
    for (const [name, operation] of before) {
      if (!after.has(name)) {
        this.add({ kind: 'operation-removed', breaking: true, path: `${path}.${name}`, agent: agent.service, message: `the operation ${name} (${operation.methodName}()) is gone`, old: operation.loc });
      }
    }
    for (const [name, operation] of after) {
      const previous = before.get(name);
      if (!previous) {
        this.add({ kind: 'operation-added', breaking: false, path: `${path}.${name}`, agent: agent.service, message: `new operation ${name} (${operation.methodName}())`, new: operation.loc });
        continue;
      }
      this.operation(agent.service, previous, operation);
    }
  }

  private headers(path: string, agent: string, before: readonly FieldPlan[], after: readonly FieldPlan[], direction: Direction, which: string): void {
    for (const header of before) {
      if (!after.some((h) => h.name === header.name)) {
        this.add({ kind: 'header-removed', breaking: true, path: `${path}.${header.name}`, agent, message: `the ${which} header ${header.name} is gone`, old: header.loc });
      }
    }
    for (const header of after) {
      const old = before.find((h) => h.name === header.name);
      if (!old) {
        this.add({ kind: 'header-added', breaking: false, path: `${path}.${header.name}`, agent, message: `new ${which} header ${header.name}: ${formatType(header.type)}`, new: header.loc });
      } else if (!sameType(old.type, header.type)) {
        this.add({
          kind: 'header-retyped',
          breaking: retypeBreaks(old.type, header.type, direction),
          path: `${path}.${header.name}`,
          agent,
          message: `${which} header ${header.name}: ${formatType(old.type)} → ${formatType(header.type)}`,
          old: old.loc,
          new: header.loc,
        });
      }
    }
  }

  private operation(agent: string, old: OperationPlan, operation: OperationPlan): void {
    const path = `${agent}.${operation.name}`;
    const at = { agent, old: old.loc, new: operation.loc };
    if ((old.action ?? '') !== (operation.action ?? '') && this.moved(old.action ?? '') !== (operation.action ?? '')) {
      this.add({ kind: 'soap-action-changed', breaking: false, path, ...at, message: `SOAPAction "${old.action ?? ''}" → "${operation.action ?? ''}"` });
    }
    const oldWrapper = old.input.wrapper;
    const newWrapper = operation.input.wrapper;
    if (oldWrapper && newWrapper && this.moved(oldWrapper.ns) !== newWrapper.ns) {
      this.add({ kind: 'namespace-changed', breaking: false, path, ...at, message: `request element namespace ${oldWrapper.ns} → ${newWrapper.ns}` });
    }
    this.parameters(path, agent, old.parameters, operation.parameters);
    if (!sameType(old.returnType, operation.returnType)) {
      this.add({
        kind: 'return-type-changed',
        breaking: !isAssignable(operation.returnType, old.returnType),
        path,
        ...at,
        message: `${operation.methodName}() resolves to ${formatType(operation.returnType)}, was ${formatType(old.returnType)}`,
      });
    }
  }

  private parameters(path: string, agent: string, before: readonly ParameterPlan[], after: readonly ParameterPlan[]): void {
    const name = (parameter: ParameterPlan) => parameter.field.name;
    const kept = new Set(before.map(name).filter((n) => after.some((p) => name(p) === n)));
    for (const parameter of before) {
      if (!kept.has(name(parameter))) {
        this.add({ kind: 'parameter-removed', breaking: true, path: `${path}.${name(parameter)}`, agent, message: `the parameter ${parameter.name} is gone`, old: parameter.field.loc });
      }
    }
    const lastKept = Math.max(-1, ...after.map((p, index) => (kept.has(name(p)) ? index : -1)));
    after.forEach((parameter, index) => {
      if (kept.has(name(parameter))) return;
      const appended = index > lastKept;
      const required = !parameter.optional;
      const why = required ? 'a new required parameter' : appended ? 'a new optional parameter at the end' : 'a new optional parameter before existing ones, which shifts their positions';
      this.add({
        kind: 'parameter-added',
        breaking: required || !appended,
        path: `${path}.${name(parameter)}`,
        agent,
        message: `${why}: ${parameter.name}: ${formatType(parameter.field.type)}`,
        new: parameter.field.loc,
      });
    });
    const oldOrder = before.map(name).filter((n) => kept.has(n));
    const newOrder = after.map(name).filter((n) => kept.has(n));
    if (oldOrder.join('\u0000') !== newOrder.join('\u0000')) {
      this.add({ kind: 'parameter-reordered', breaking: true, path, agent, message: `parameters reordered: (${oldOrder.join(', ')}) → (${newOrder.join(', ')})` });
    }
    for (const parameter of after) {
      const old = before.find((p) => name(p) === name(parameter));
      if (old) this.member(`${path}.${name(parameter)}`, agent, old.field, parameter.field, { input: true, output: false }, 'parameter');
    }
  }

  // -------------------------------------------------------------------------------------------
  // Types

  /** A type as the schema names it: its name, or where an anonymous one is (`Person.Address`). */
  private xmlPath(type: TypePlan, model: ServiceModel): string {
    const def = typesById(model).get(type.id);
    if (!def?.anonymous) return def?.name?.local ?? type.name;
    return [def.anonymous.owner.name.local, ...def.anonymous.path.map((step) => step.replace(/^[@#]/, ''))].join('.');
  }

  private types(): void {
    const directions = new Map([...directionsOf(this.oldPlan), ...directionsOf(this.newPlan)].map(([id, direction]) => [id, direction]));
    const before = new Map(this.oldPlan.types.map((type) => [this.moved(type.id), type]));
    const after = new Map(this.newPlan.types.map((type) => [type.id, type]));
    for (const [id, type] of before) {
      if (!after.has(id) && type.xmlName !== undefined) {
        this.add({ kind: 'type-removed', breaking: true, path: this.xmlPath(type, this.oldModel), message: `the type ${displayName(type)} is gone`, old: type.loc });
      }
    }
    for (const [id, type] of after) {
      const old = before.get(id);
      if (!old) {
        if (type.xmlName !== undefined) this.add({ kind: 'type-added', breaking: false, path: this.xmlPath(type, this.newModel), message: `new type ${displayName(type)}`, new: type.loc });
        continue;
      }
      const direction = mergeDirections(directions.get(type.id), directions.get(old.id));
      this.type(old, type, direction);
    }
  }

  private type(old: TypePlan, type: TypePlan, direction: Direction): void {
    // named by the schema, not by TypeScript: the same path both ways round, whatever was renamed
    const path = this.xmlPath(type, this.newModel);
    const at = { old: old.loc, new: type.loc };
    if (displayName(old) !== displayName(type)) {
      this.add({ kind: 'type-renamed', breaking: true, path, ...at, message: `the TypeScript type ${displayName(old)} is now ${displayName(type)} (its name now collides with another's)` });
    }
    if (old.shape !== type.shape) {
      this.add({ kind: 'type-changed', breaking: true, path, ...at, message: `${path} was ${describeShape(old)}, is ${describeShape(type)}` });
      return;
    }
    if (old.shape === 'simple' && type.shape === 'simple') {
      const before = old.enumeration?.members ?? [];
      const after = type.enumeration?.members ?? [];
      if (old.enumeration && type.enumeration) {
        for (const member of before) {
          if (!after.includes(member)) this.add({ kind: 'enum-member-removed', breaking: true, path: `${path}.${member}`, ...at, message: `${path} no longer has ${JSON.stringify(member)}` });
        }
        for (const member of after) {
          if (!before.includes(member)) {
            const note = direction.output ? ' (code that switches over received values may want a case for it)' : '';
            this.add({ kind: 'enum-member-added', breaking: false, path: `${path}.${member}`, ...at, message: `${path} gained ${JSON.stringify(member)}${note}` });
          }
        }
        return;
      }
      if (!sameType(old.type, type.type)) {
        this.add({ kind: 'type-changed', breaking: retypeBreaks(old.type, type.type, direction), path, ...at, message: `${path}: ${formatType(old.type)} → ${formatType(type.type)}` });
      }
      return;
    }
    if (old.shape === 'array' && type.shape === 'array') return this.member(path, undefined, old.item, type.item, direction, 'item');
    if (old.shape === 'dictionary' && type.shape === 'dictionary') return this.member(path, undefined, old.value, type.value, direction, 'value');
    if (old.shape !== 'record' || type.shape !== 'record') return;

    const oldBase = old.base && formatType(old.base.type);
    const newBase = type.base && formatType(type.base.type);
    if (oldBase !== newBase) {
      this.add({ kind: 'type-changed', breaking: true, path, ...at, message: `${path} extends ${newBase ?? 'nothing'}, was ${oldBase ?? 'nothing'}` });
    }
    const members = (plan: typeof type) => [
      ...plan.fields.map((field) => ({ key: field.prop, field })),
      ...plan.attributes.map((attribute) => ({
        key: attribute.prop,
        field: { ...attribute, repeated: false, nillable: false } as FieldPlan,
      })),
    ];
    const before = members(old);
    const after = members(type);
    for (const { key, field } of before) {
      if (!after.some((m) => m.key === key)) {
        this.add({ kind: 'property-removed', breaking: true, path: `${path}.${key}`, message: `${path}.${key} is gone`, old: field.loc, new: type.loc });
      }
    }
    for (const { key, field } of after) {
      const previous = before.find((m) => m.key === key);
      if (!previous) {
        const breaking = !field.optional && direction.input;
        const why = breaking ? ' (required in values that are sent)' : '';
        this.add({ kind: 'property-added', breaking, path: `${path}.${key}`, message: `new ${field.optional ? 'optional' : 'required'} property ${path}.${key}: ${formatType(field.type)}${why}`, old: old.loc, new: field.loc });
        continue;
      }
      this.member(`${path}.${key}`, undefined, previous.field, field, direction, 'property');
    }
    if (old.any !== type.any) {
      this.add({ kind: type.any ? 'property-added' : 'property-removed', breaking: !type.any, path: `${path}.$any`, ...at, message: `${path} ${type.any ? 'now keeps' : 'no longer keeps'} undeclared elements (xs:any) in $any` });
    }
    if (old.text && type.text && !sameType(old.text.type, type.text.type)) {
      this.add({ kind: 'property-retyped', breaking: retypeBreaks(old.text.type, type.text.type, direction), path: `${path}.$value`, ...at, message: `${path}.$value: ${formatType(old.text.type)} → ${formatType(type.text.type)}` });
    }
  }

  /** A member of both versions: a property, a parameter, an item or a value. */
  private member(path: string, agent: string | undefined, old: FieldPlan, field: FieldPlan, direction: Direction, what: 'property' | 'parameter' | 'item' | 'value'): void {
    const at = { agent, old: old.loc, new: field.loc };
    const label = what === 'parameter' ? 'parameter' : 'property';
    const prefix = what === 'item' || what === 'value' ? `${path} (${what})` : path;
    if (old.optional !== field.optional) {
      // a member that becomes required must be given; one that becomes optional may be missing
      const breaking = field.optional ? direction.output : direction.input;
      this.add({
        kind: `${label}-optionality-changed`,
        breaking,
        path,
        ...at,
        message: `${prefix} is ${field.optional ? 'optional' : 'required'}, was ${old.optional ? 'optional' : 'required'}`,
      });
    }
    // a property's nillable change is a change of its own; a parameter's shows in its type
    const nillableChanged = old.nillable !== field.nillable && what !== 'parameter';
    if (nillableChanged) {
      const breaking = field.nillable ? direction.output : direction.input;
      this.add({ kind: 'property-nillable-changed', breaking, path, ...at, message: `${prefix} is ${field.nillable ? '' : 'no longer '}nillable (${formatType(old.type)} → ${formatType(field.type)})` });
    }
    const oldType = nillableChanged ? withoutNull(old.type) : old.type;
    const newType = nillableChanged ? withoutNull(field.type) : field.type;
    if (!sameType(oldType, newType)) {
      this.add({
        kind: `${label}-retyped`,
        breaking: retypeBreaks(oldType, newType, direction),
        path,
        ...at,
        message: `${prefix}: ${formatType(old.type)} → ${formatType(field.type)}`,
      });
    } else if (JSON.stringify(old.descriptor) !== JSON.stringify(field.descriptor) && old.descriptor.kind !== 'type') {
      const wire = (field: FieldPlan) => (field.descriptor.kind === 'scalar' ? field.descriptor.scalar : field.descriptor.kind === 'list' ? `list of ${field.descriptor.item}` : 'complex');
      this.add({ kind: `${label}-retyped`, breaking: false, path, ...at, message: `${prefix}: ${wire(old)} → ${wire(field)} on the wire, the same TypeScript type` });
    }
  }
}

/** A changed type breaks code that sends values the new type refuses, or receives values the old one did not have. */
function retypeBreaks(old: TsType, type: TsType, direction: Direction): boolean {
  return (direction.input && !isAssignable(old, type)) || (direction.output && !isAssignable(type, old));
}

function withoutNull(type: TsType): TsType {
  if (type.kind === 'array') return { kind: 'array', item: withoutNull(type.item) };
  if (type.kind !== 'union') return type;
  const members = type.members.filter((member) => !(member.kind === 'keyword' && member.name === 'null'));
  return members.length === 1 ? members[0]! : { kind: 'union', members };
}

function describeShape(type: TypePlan): string {
  switch (type.shape) {
    case 'record':
      return 'an object type';
    case 'array':
      return `a collection (${formatType(type.type)})`;
    case 'dictionary':
      return `a dictionary (${formatType(type.type)})`;
    case 'simple':
      return `a simple type (${formatType(type.type)})`;
  }
}

/** A type's name as users import it: qualified where several modules declare the name. */
function displayName(type: TypePlan): string {
  return type.descriptor;
}

function mergeDirections(a: Direction | undefined, b: Direction | undefined): Direction {
  // a type no operation reaches may still be used by the caller's own code: either way
  if (!a && !b) return BOTH;
  return { input: Boolean(a?.input || b?.input), output: Boolean(a?.output || b?.output) };
}

/** Which way values of each type travel: in parameters and request headers, results and response headers. */
function directionsOf(plan: GroupPlan): Map<string, Direction> {
  const byDescriptor = new Map(plan.types.map((type) => [type.descriptor, type]));
  const byRef = new Map(plan.types.map((type) => [`${type.file}#${type.name}`, type]));
  const reached = (roots: readonly FieldPlan[]): Set<string> => {
    const seen = new Set<string>();
    const visitType = (type: TypePlan | undefined) => {
      if (!type || seen.has(type.id)) return;
      seen.add(type.id);
      if (type.shape === 'record') {
        if (type.base) visitType(byDescriptor.get(type.base.descriptor));
        type.fields.forEach(visitField);
        for (const attribute of type.attributes) visitTs(attribute.type);
      } else if (type.shape === 'array') visitField(type.item);
      else if (type.shape === 'dictionary') visitField(type.value);
      else visitTs(type.type);
    };
    const visitTs = (type: TsType): void => {
      if (type.kind === 'ref') visitType(byRef.get(`${type.file}#${type.name}`));
      else if (type.kind === 'array') visitTs(type.item);
      else if (type.kind === 'record') visitTs(type.value);
      else if (type.kind === 'union') type.members.forEach(visitTs);
    };
    const visitField = (field: FieldPlan) => {
      if (field.descriptor.kind === 'type') visitType(byDescriptor.get(field.descriptor.descriptor));
      visitTs(field.type);
    };
    roots.forEach(visitField);
    return seen;
  };
  const inputs = reached(plan.agents.flatMap((agent) => [...agent.requestHeaders, ...agent.operations.flatMap((operation) => operation.input.fields)]));
  const outputs = reached(plan.agents.flatMap((agent) => [...agent.responseHeaders, ...agent.operations.flatMap((operation) => operation.output?.fields ?? [])]));
  const directions = new Map<string, Direction>();
  for (const id of new Set([...inputs, ...outputs])) directions.set(id, { input: inputs.has(id), output: outputs.has(id) });
  return directions;
}

const typeIndexes = new WeakMap<ServiceModel, Map<string, TypeDef>>();

function typesById(model: ServiceModel): Map<string, TypeDef> {
  let index = typeIndexes.get(model);
  if (!index) typeIndexes.set(model, (index = new Map(model.types.map((def) => [def.id, def]))));
  return index;
}

/** Every namespace a model's declarations are in. */
function namespacesOf(model: ServiceModel): Set<string> {
  const namespaces = new Set<string>();
  for (const type of model.types) namespaces.add(type.ns);
  for (const element of model.elements) namespaces.add(element.name.ns);
  for (const def of model.interfaces) {
    namespaces.add(def.name.ns);
    for (const operation of def.operations) {
      for (const message of [operation.input, operation.output]) if (message) namespaces.add(message.message.ns);
    }
  }
  namespaces.delete('');
  return namespaces;
}
