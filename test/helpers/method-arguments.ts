/**
 * The arguments a generated method takes for its input members' values: one by one, or, with
 * more members than the generator's default `maxPositionalParameters` (3), one object keyed by
 * each member's property.
 */
import type { FieldDesc } from '../../templates/runtime/descriptors.js';

export const DEFAULT_MAX_POSITIONAL_PARAMETERS = 3;

export function methodArguments(fields: readonly FieldDesc[], values: readonly unknown[]): unknown[] {
  if (fields.length <= DEFAULT_MAX_POSITIONAL_PARAMETERS) return [...values];
  const request: Record<string, unknown> = {};
  fields.forEach((field, index) => {
    if (values[index] !== undefined) request[field.prop ?? field.name] = values[index];
  });
  return [request];
}
