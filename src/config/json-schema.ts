/**
 * The JSON Schema of wsdl-agents.config.json, made from the key table, so that editors complete and
 * check the file as the generator does. The package ships it as wsdl-agents.schema.json (a test
 * keeps that file equal to this), and `init` points the starter config's `$schema` at it.
 */
import { CODE_OPTION_KEYS, OPTIONS_SECTION, SCHEMA_KEY, TOP_LEVEL_KEYS, type ConfigKey, type ValueRule } from './keys.js';
import { NAME_PART_PATTERN, NAME_START_PATTERN } from './rules.js';

type JsonSchema = Readonly<Record<string, unknown>>;

export function configJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'wsdl-agents configuration',
    description: 'Settings of `wsdl-agents generate` (and `mock`); command-line flags override them. Relative paths are relative to this file.',
    type: 'object',
    // comments and trailing commas are read, as in tsconfig.json; these tell editors (VS Code's JSON service reads them)
    allowComments: true,
    allowTrailingCommas: true,
    properties: {
      [SCHEMA_KEY]: { type: 'string', description: 'The JSON Schema of this file, for editors.' },
      ...propertiesOf(TOP_LEVEL_KEYS),
      [OPTIONS_SECTION]: {
        type: 'object',
        description: 'How the generated TypeScript looks.',
        properties: propertiesOf(CODE_OPTION_KEYS),
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}

/** The file's text: two-space indentation and a final newline, as the repository writes JSON. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

function propertiesOf(keys: Readonly<Record<string, ConfigKey>>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, { ...ruleSchema(key.rule), description: key.description, default: key.default }]));
}

function ruleSchema(rule: ValueRule): JsonSchema {
  switch (rule.kind) {
    case 'boolean':
      return { type: 'boolean' };
    case 'path':
      return { type: 'string', minLength: 1 };
    case 'paths':
      return { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };
    case 'number':
      return {
        type: rule.integer ? 'integer' : 'number',
        ...(rule.above !== undefined && { exclusiveMinimum: rule.above }),
        ...(rule.minimum !== undefined && { minimum: rule.minimum }),
        maximum: rule.maximum,
      };
    case 'choice':
      return { type: 'string', enum: rule.values };
    case 'name-part':
      return { type: 'string', pattern: rule.start ? NAME_START_PATTERN : NAME_PART_PATTERN };
  }
}
