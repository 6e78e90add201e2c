/**
 * What the reader produces: WSDL 1.1 and XSD files as plain data, as written, references not yet
 * followed. src/model/resolve.ts turns it into the resolved service model that everything after
 * it reads. Every node that can be wrong in a user's file carries a `loc` so errors can name
 * file and line.
 */

export interface SourceLocation {
  /** Path of the file as given to the reader (relative paths stay relative, for stable output). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A qualified name; `ns` is '' for "no namespace". */
export interface QName {
  readonly ns: string;
  readonly local: string;
}

/** One WSDL file (with everything it imports) turned into data. */
export interface WsdlDocument {
  /** The WSDL file, as given. */
  readonly file: string;
  /** Every file read: the WSDL, then the WSDLs and schemas it imports, in the order read. */
  readonly files: string[];
  readonly name?: string;
  readonly targetNamespace: string;
  readonly documentation?: string;
  readonly services: Service[];
  readonly bindings: Binding[];
  readonly portTypes: PortType[];
  readonly messages: Message[];
  readonly schemas: Schema[];
  /** The schemas read from the catalog of well-known schemas (src/read/catalog), in the order read. */
  readonly catalogSchemas: CatalogSchemaUse[];
  /**
   * What the reader accepted although it is not quite right (an unqualified built-in name, ...),
   * and, unless loading was strict, the faults it worked around (an import it could not read, ...).
   */
  readonly warnings: { readonly message: string; readonly loc: SourceLocation }[];
}

/** A schema of the catalog that a WSDL needed: for progress output. */
export interface CatalogSchemaUse {
  /** The file in the catalog: `xml-2009-01.xsd`. */
  readonly file: string;
  readonly namespace: string;
  /** What it is: `The XML namespace (xml:lang, xml:space, xml:base, xml:id)`. */
  readonly name: string;
  readonly publisher: string;
  readonly version: string;
}

export interface Service {
  readonly name: QName;
  readonly documentation?: string;
  readonly ports: Port[];
  readonly loc: SourceLocation;
}

export interface Port {
  readonly name: string;
  readonly binding: QName;
  /** The `soap:address` / `soap12:address` location, when the port has one. */
  readonly address?: string;
  readonly loc: SourceLocation;
}

export type SoapVersion = '1.1' | '1.2';
export type BindingStyle = 'document' | 'rpc';
export type BodyUse = 'literal' | 'encoded';

export interface Binding {
  readonly name: QName;
  readonly portType: QName;
  /** Undefined for bindings that are not SOAP (HTTP GET/POST, for example). */
  readonly soapVersion?: SoapVersion;
  readonly style: BindingStyle;
  readonly operations: BindingOperation[];
  /** WS-Policy assertions that apply to the binding and that agents know of (`UsernameToken`). */
  readonly policies: PolicyAssertions['policies'];
  /** How the UsernameToken's password travels, when the policy says (see PolicyAssertions). */
  readonly usernameTokenPassword?: PolicyAssertions['usernameTokenPassword'];
  readonly loc: SourceLocation;
}

/** What a binding's WS-Policy asks of a client, as far as agents document it. */
export interface PolicyAssertions {
  /**
   * `UsernameToken`: a WS-Security UsernameToken (sp:UsernameToken); `Timestamp`: a WS-Security
   * Timestamp (sp:IncludeTimestamp). In this order, each once.
   */
  readonly policies: ('UsernameToken' | 'Timestamp')[];
  /**
   * The UsernameToken's password, when its policy says: `digest` for sp:HashPassword (the
   * PasswordDigest of the UsernameToken Profile), `none` for sp:NoPassword. Otherwise it is sent
   * as text (PasswordText).
   */
  readonly usernameTokenPassword?: 'digest' | 'none';
}

export interface BindingOperation {
  readonly name: string;
  readonly soapAction?: string;
  readonly style: BindingStyle;
  readonly input?: BindingMessage;
  readonly output?: BindingMessage;
  readonly loc: SourceLocation;
}

export interface BindingMessage {
  readonly use: BodyUse;
  /** `soap:body namespace`, used as the wrapper namespace in RPC style. */
  readonly namespace?: string;
  /** `soap:body parts`; undefined means all parts of the message. */
  readonly bodyParts?: string[];
  /** `soap:body encodingStyle`, for use="encoded". */
  readonly encodingStyle?: string;
  readonly headers: HeaderRef[];
}

export interface HeaderRef {
  readonly message: QName;
  readonly part: string;
  readonly use: BodyUse;
  readonly loc: SourceLocation;
}

export interface Message {
  readonly name: QName;
  readonly parts: MessagePart[];
  readonly loc: SourceLocation;
}

export interface MessagePart {
  readonly name: string;
  /** Exactly one of `element` and `type` is set. */
  readonly element?: QName;
  readonly type?: QName;
  readonly loc: SourceLocation;
}

export interface PortType {
  readonly name: QName;
  readonly documentation?: string;
  readonly operations: Operation[];
  readonly loc: SourceLocation;
}

export interface Operation {
  readonly name: string;
  readonly documentation?: string;
  /** Message names; an operation without input is notification style, without output one-way. */
  readonly input?: QName;
  readonly output?: QName;
  readonly faults: { readonly name: string; readonly message: QName }[];
  readonly loc: SourceLocation;
}

// ---------------------------------------------------------------------------------------------
// XML Schema

export interface Schema {
  readonly targetNamespace: string;
  readonly elementFormDefault: 'qualified' | 'unqualified';
  readonly file: string;
  readonly elements: ElementDecl[];
  readonly types: SchemaType[];
  /** Global `xs:group`s, `xs:attributeGroup`s and `xs:attribute`s, used by reference. */
  readonly groups: NamedGroup[];
  readonly attributeGroups: NamedAttributeGroup[];
  readonly attributes: AttributeDecl[];
  readonly loc: SourceLocation;
}

/** How an element or attribute names its type. */
export type TypeUse =
  /** A type of the XML Schema namespace itself (`xs:string`, `xs:int`, `xs:anyType`, ...). */
  | { readonly kind: 'builtin'; readonly name: string }
  /** A named simple or complex type declared in some schema. */
  | { readonly kind: 'named'; readonly name: QName }
  /** An anonymous type declared inline. */
  | { readonly kind: 'inline'; readonly type: SchemaType };

export interface ElementDecl {
  readonly name: string;
  /** The namespace of the element on the wire: '' for unqualified local elements. */
  readonly ns: string;
  /** Undefined exactly when the element is a `ref` to a global element, whose type applies. */
  readonly type?: TypeUse;
  readonly minOccurs: number;
  readonly maxOccurs: number | 'unbounded';
  readonly nillable: boolean;
  readonly documentation?: string;
  /** Set when the element was declared by `ref` to a global element (then `name`/`ns` are its). */
  readonly ref?: QName;
  readonly loc: SourceLocation;
}

/** The content model of a complex type, as written: nested groups, references and wildcards. */
export type Particle =
  | { readonly kind: 'element'; readonly element: ElementDecl }
  | {
      readonly kind: 'sequence' | 'choice' | 'all';
      readonly particles: Particle[];
      readonly minOccurs: number;
      readonly maxOccurs: number | 'unbounded';
      readonly loc: SourceLocation;
    }
  | {
      readonly kind: 'groupRef';
      readonly ref: QName;
      readonly minOccurs: number;
      readonly maxOccurs: number | 'unbounded';
      readonly loc: SourceLocation;
    }
  /** `xs:any`: elements of other (or any) namespaces. */
  | {
      readonly kind: 'any';
      readonly minOccurs: number;
      readonly maxOccurs: number | 'unbounded';
      /** Read from `<xs:element ref="xs:schema"/>`: the inline schema of a .NET DataSet. */
      readonly inlineSchema?: true;
      readonly loc: SourceLocation;
    };

export interface AttributeDecl {
  readonly name: string;
  /** '' for unqualified attributes (the default for local ones). */
  readonly ns: string;
  /** Undefined exactly when the attribute is a `ref` to a global attribute. */
  readonly type?: TypeUse;
  readonly required: boolean;
  /** `use="prohibited"`: a restriction removing an attribute its base has. */
  readonly prohibited?: boolean;
  readonly defaultValue?: string;
  readonly fixed?: string;
  readonly documentation?: string;
  readonly ref?: QName;
  readonly loc: SourceLocation;
}

export type AttributeUse =
  | { readonly kind: 'attribute'; readonly attribute: AttributeDecl }
  | { readonly kind: 'attributeGroupRef'; readonly ref: QName; readonly loc: SourceLocation };

export interface NamedGroup {
  readonly name: QName;
  readonly particle: Particle;
  readonly loc: SourceLocation;
}

export interface NamedAttributeGroup {
  readonly name: QName;
  readonly attributes: AttributeUse[];
  readonly anyAttribute: boolean;
  readonly loc: SourceLocation;
}

export type SchemaType = ComplexType | SimpleType;

export interface ComplexType {
  readonly kind: 'complex';
  /** Undefined for anonymous types. */
  readonly name?: QName;
  /** The base of `complexContent` extension/restriction, or of `simpleContent` when it is complex. */
  readonly base?: QName;
  readonly derivation?: 'extension' | 'restriction';
  /** The own content model (for an extension, what it adds to the base's). */
  readonly content?: Particle;
  /** `simpleContent`: the type of the text, when the base is a simple or built-in type. */
  readonly simpleContent?: TypeUse;
  readonly attributes: AttributeUse[];
  readonly anyAttribute: boolean;
  readonly mixed: boolean;
  /** WCF: `<IsDictionary>true</IsDictionary>` in the type's appinfo. */
  readonly isDictionary: boolean;
  /** A SOAP-encoded array (a restriction of soapenc:Array), read as one repeated item element. */
  readonly encodedArray?: boolean;
  readonly documentation?: string;
  readonly loc: SourceLocation;
}

export interface SimpleType {
  readonly kind: 'simple';
  readonly name?: QName;
  readonly variety: 'atomic' | 'list' | 'union';
  /** atomic: the restriction base (or the builtin itself). */
  readonly base?: TypeUse;
  /** list: the item type. */
  readonly itemType?: TypeUse;
  /** union: the member types. */
  readonly memberTypes?: TypeUse[];
  readonly enumeration?: string[];
  /** Kept for documentation: patterns and range facets. */
  readonly facets: { readonly name: string; readonly value: string }[];
  readonly documentation?: string;
  readonly loc: SourceLocation;
}

export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
/** Drafts of XML Schema still found in old WSDLs (the WSDL 1.1 note's own examples use 2000/10). */
export const LEGACY_XSD_NAMESPACES: readonly string[] = ['http://www.w3.org/2000/10/XMLSchema', 'http://www.w3.org/1999/XMLSchema'];
/** SOAP 1.1 and 1.2 encoding: their simple types mirror XML Schema's (`soapenc:string`), plus `Array`. */
export const SOAP_ENCODING_NAMESPACES: readonly string[] = ['http://schemas.xmlsoap.org/soap/encoding/', 'http://www.w3.org/2003/05/soap-encoding'];
export const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
/** The namespace of `xml:lang`, `xml:space`, `xml:base` and `xml:id`, bound to the prefix `xml` without a declaration. */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const SOAP11_BINDING_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';
export const SOAP12_BINDING_NS = 'http://schemas.xmlsoap.org/wsdl/soap12/';
export const WCF_SERIALIZATION_NS = 'http://schemas.microsoft.com/2003/10/Serialization/';

export function qnameKey(name: QName): string {
  return `{${name.ns}}${name.local}`;
}

export function formatQName(name: QName): string {
  return name.ns ? `{${name.ns}}${name.local}` : name.local;
}
