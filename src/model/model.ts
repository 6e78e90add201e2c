/**
 * The resolved service model: what a set of WSDL files (with everything they import) declares,
 * as plain, JSON-printable data with every reference already followed and checked.
 *
 * The planner, `diff` and tests all read it; none of them resolves anything. References between
 * types are ids (`TypeRef`) that are guaranteed to name an entry of `ServiceModel.types`, so the
 * model can be printed, compared and stored as it is. Every node carries the `loc` of its
 * declaration for messages.
 */
import type { ScalarKind } from './builtins.js';
import type { BindingStyle, BodyUse, CatalogSchemaUse, QName, SoapVersion, SourceLocation } from '../read/document.js';

export type { BindingStyle, BodyUse, CatalogSchemaUse, QName, SoapVersion, SourceLocation } from '../read/document.js';
export { formatQName, qnameKey } from '../read/document.js';

export interface ServiceModel {
  /** The WSDL files resolved together. */
  readonly sources: readonly SourceDef[];
  /** One per portType: what an agent offers, resolved through the SOAP binding it speaks. */
  readonly interfaces: readonly InterfaceDef[];
  /** `wsdl:service`s as declared. */
  readonly services: readonly ServiceDef[];
  /** Every `wsdl:binding`, SOAP or not, with the portType it binds. */
  readonly bindings: readonly BindingDef[];
  /** Global elements. */
  readonly elements: readonly ElementDef[];
  /** Named types, and every anonymous type declared inline (see `TypeDef.id`). */
  readonly types: readonly TypeDef[];
  /** What was accepted although not quite right, in the order found. */
  readonly warnings: readonly ModelWarning[];
}

export interface SourceDef {
  /** The WSDL's name in output (relative to the folder searched). */
  readonly name: string;
  /** Every file read for it: the WSDL, then what it imports, as given to the reader. */
  readonly files: readonly string[];
  /**
   * The global schema declarations its files make (`{ns}name` of types, elements, groups, …),
   * shared ones included: which types are this WSDL's although another declared them first.
   */
  readonly declares: readonly string[];
  /** The schemas of the catalog of well-known schemas (src/read/catalog) read for it, in the order read. */
  readonly catalogSchemas: readonly CatalogSchemaUse[];
}

export interface ModelWarning {
  readonly message: string;
  readonly loc?: SourceLocation;
}

export interface ServiceDef {
  readonly name: QName;
  readonly documentation?: string;
  readonly ports: readonly PortDef[];
  readonly loc: SourceLocation;
}

export interface PortDef {
  readonly name: string;
  readonly binding: QName;
  /** `soap:address` / `soap12:address` location. */
  readonly address?: string;
  readonly loc: SourceLocation;
}

export interface InterfaceDef {
  /** The portType's name. */
  readonly name: QName;
  /** The WSDL file that declares it (as in `ServiceModel.sources`). */
  readonly source: string;
  readonly documentation?: string;
  /**
   * The SOAP binding an agent speaks: that of the first port (in document order) bound to this
   * portType, else the first SOAP binding of it; absent when it has none.
   */
  readonly binding?: BindingDef & { readonly soapVersion: SoapVersion };
  /** The port the binding was found through, with its address. */
  readonly port?: { readonly service: QName; readonly name: string; readonly address?: string; readonly loc: SourceLocation };
  readonly operations: readonly OperationDef[];
  readonly loc: SourceLocation;
}

export interface BindingDef {
  readonly name: QName;
  /** The portType it binds (found, if need be, by its local name alone: see the warnings). */
  readonly portType: QName;
  /** Undefined for bindings that are not SOAP (HTTP GET/POST, for example). */
  readonly soapVersion?: SoapVersion;
  readonly style: BindingStyle;
  /** WS-Policy assertions found on the binding that agents support or document (`UsernameToken`). */
  readonly policies: readonly string[];
  /**
   * How the UsernameToken's password travels, when the policy says: `digest` (sp:HashPassword,
   * a PasswordDigest), `none` (sp:NoPassword); otherwise as text (PasswordText).
   */
  readonly usernameTokenPassword?: 'digest' | 'none';
  readonly loc: SourceLocation;
}

export interface OperationDef {
  readonly name: string;
  readonly documentation?: string;
  /** The binding's `soapAction`; undefined when empty or when there is no binding. */
  readonly soapAction?: string;
  readonly style: BindingStyle;
  /** Undefined for notification (output-only) operations. */
  readonly input?: MessageDef;
  /** Undefined for one-way operations. */
  readonly output?: MessageDef;
  readonly faults: readonly FaultDef[];
  readonly loc: SourceLocation;
}

export interface MessageDef {
  /** The `wsdl:message`. */
  readonly message: QName;
  readonly use: BodyUse;
  /** `soap:body namespace`: the wrapper namespace in RPC style. */
  readonly namespace?: string;
  /** `soap:body encodingStyle`, for use="encoded". */
  readonly encodingStyle?: string;
  /** The parts that travel in the SOAP body, in message order. */
  readonly body: readonly PartDef[];
  /** SOAP header entries, in binding order. */
  readonly headers: readonly HeaderDef[];
  readonly loc: SourceLocation;
}

export interface PartDef {
  readonly name: string;
  /** A global element (document style), which exists in `ServiceModel.elements`. */
  readonly element?: QName;
  /** A type (RPC style); exactly one of `element` and `type` is set. */
  readonly type?: TypeRef;
  readonly loc: SourceLocation;
}

export interface HeaderDef {
  /** The message the part comes from (often not the operation's own). */
  readonly message: QName;
  readonly part: PartDef;
  readonly use: BodyUse;
  readonly loc: SourceLocation;
}

export interface FaultDef {
  readonly name: string;
  readonly message: QName;
  readonly parts: readonly PartDef[];
}

// ---------------------------------------------------------------------------------------------
// Types

/** A reference to a type: a built-in of XML Schema, or an entry of `ServiceModel.types`. */
export type TypeRef = { readonly kind: 'builtin'; readonly name: string } | { readonly kind: 'type'; readonly id: string };

/**
 * Where an anonymous type is declared: inside a named type, global element, group, attribute
 * group or global attribute (`owner`), along a path of member names from it.
 */
export interface AnonymousPlace {
  readonly owner: { readonly kind: 'type' | 'element' | 'group' | 'attributeGroup' | 'attribute'; readonly name: QName };
  /**
   * Member names from the owner inward: element names, `@name` for attributes, and `#item`,
   * `#member1`, `#base`, `#text` for the parts of simple types; `[2]` marks a second member of
   * the same name.
   */
  readonly path: readonly string[];
}

interface TypeCommon {
  /**
   * Unique within a model and a function of the declaration alone: `{ns}Name` for named types,
   * `{ns}Owner/Member/…` (with `@element`, `@group`, … after an owner that is not a type) for
   * anonymous ones.
   */
  readonly id: string;
  /** Set for named types. */
  readonly name?: QName;
  /** Set for anonymous types. */
  readonly anonymous?: AnonymousPlace;
  /** The target namespace of the schema that declares it. */
  readonly ns: string;
  readonly documentation?: string;
  readonly loc: SourceLocation;
}

export interface ComplexTypeDef extends TypeCommon {
  readonly kind: 'complex';
  /** The id of the complex type this one derives from (complexContent, or complex simpleContent). */
  readonly base?: string;
  readonly derivation?: 'extension' | 'restriction';
  /** Own element members (for an extension, what it adds), groups expanded, in wire order. */
  readonly elements: readonly MemberDef[];
  /** The type's top-level `xs:choice`s; members say which one and which alternative they are in. */
  readonly choices: readonly ChoiceDef[];
  /** An `xs:any` element wildcard. */
  readonly anyElement: boolean;
  /** Own attributes, attribute groups expanded and references followed; prohibited ones left out. */
  readonly attributes: readonly AttributeMemberDef[];
  /** Names of attributes a restriction prohibits. */
  readonly prohibitedAttributes: readonly string[];
  readonly anyAttribute: boolean;
  /** simpleContent over a simple type: the type of the element's text. */
  readonly text?: TypeRef;
  readonly mixed: boolean;
  /** WCF: `<IsDictionary>true</IsDictionary>` in the type's appinfo. */
  readonly isDictionary: boolean;
  /** A SOAP-encoded array (restriction of soapenc:Array): one repeated item element. */
  readonly encodedArray: boolean;
  /** Where TypeScript can only be looser than the schema, and why. */
  readonly approximations: readonly ModelWarning[];
}

export interface SimpleTypeDef extends TypeCommon {
  readonly kind: 'simple';
  readonly variety: 'atomic' | 'list' | 'union';
  /** atomic: the restriction base. */
  readonly base?: TypeRef;
  /** list: the item type. */
  readonly itemType?: TypeRef;
  /** union: the member types. */
  readonly memberTypes?: readonly TypeRef[];
  readonly enumeration?: readonly string[];
  /** Patterns and range facets, kept for documentation. */
  readonly facets: readonly { readonly name: string; readonly value: string }[];
  /** How one value is carried at run time (for a list: one item). */
  readonly scalar: ScalarKind;
  /** A restriction of a built-in list type (NMTOKENS, IDREFS, ENTITIES): space-separated strings. */
  readonly builtinList: boolean;
}

export type TypeDef = ComplexTypeDef | SimpleTypeDef;

export interface ChoiceDef {
  /** 0 when the choice may be absent altogether. */
  readonly minOccurs: number;
  readonly branches: number;
  readonly loc: SourceLocation;
}

export interface MemberDef {
  readonly name: string;
  /** The namespace on the wire: '' for unqualified local elements. */
  readonly ns: string;
  readonly type: TypeRef;
  /** The occurrence the member really has, its groups' included. */
  readonly minOccurs: number;
  readonly maxOccurs: number | 'unbounded';
  readonly nillable: boolean;
  readonly documentation?: string;
  /** Member of a top-level choice: which choice, which alternative. */
  readonly choice?: { readonly group: number; readonly branch: number };
  /** Declared by `ref` to this global element. */
  readonly ref?: QName;
  /** Repeated by a repeating xs:sequence or xs:choice around it, not by its own maxOccurs. */
  readonly repeatedByGroup?: boolean;
  readonly loc: SourceLocation;
}

export interface AttributeMemberDef {
  readonly name: string;
  /** '' for unqualified attributes. */
  readonly ns: string;
  readonly type: TypeRef;
  readonly required: boolean;
  readonly defaultValue?: string;
  readonly fixed?: string;
  readonly documentation?: string;
  readonly loc: SourceLocation;
}

export interface ElementDef {
  readonly name: QName;
  readonly type: TypeRef;
  readonly nillable: boolean;
  readonly documentation?: string;
  readonly loc: SourceLocation;
}
