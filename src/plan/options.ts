/** The choices users make per project about the generated TypeScript. */

/** How the generated TypeScript looks. */
export interface CodeOptions {
  /**
   * How methods take their parameters: one by one (`positional`), as one object (`object`), or
   * one object when there are more than `maxPositionalParameters` (`auto`). Default `auto`.
   */
  readonly parameters?: 'positional' | 'object' | 'auto';
  /** With `parameters: 'auto'`: the most parameters a method takes one by one. Default 3. */
  readonly maxPositionalParameters?: number;
  /** xs:dateTime values as `Date` objects or as ISO 8601 strings. Default `Date`. */
  readonly dates?: 'Date' | 'string';
  /** Integers that may exceed 2^53 (xs:long, xs:unsignedLong, xs:integer and its unbounded kin) as `number`, `bigint` or `string`. Default `number`. */
  readonly int64?: 'number' | 'bigint' | 'string';
  /** Put before and after every agent class's name (default suffix `Agent`). */
  readonly agentPrefix?: string;
  readonly agentSuffix?: string;
  /** Put before and after every generated type's name. */
  readonly typePrefix?: string;
  readonly typeSuffix?: string;
  /** One descriptors module per output folder, or per WSDL (so bundlers drop the agents a bundle does not use). Default `wsdl`. */
  readonly descriptors?: 'folder' | 'wsdl';
}
