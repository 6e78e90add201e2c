export type FailureClass = string;
export type Expectation = { readonly status: 'pass' } | { readonly status: 'fail'; readonly failureClass: FailureClass; readonly error: string; readonly reason: string };
export const REAL_WORLD_EXPECTED: Readonly<Record<string, Expectation>> = {};
