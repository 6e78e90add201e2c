/**
 * The conformance scoreboard (issue 3): how much of node-soap's test corpus the generator and its
 * runtime handle. Part (a) generates every corpus WSDL (wsdls.ts), part (b) replays the plain
 * request/response samples (samples.ts), part (c) counts. `npm run conformance` prints it; the
 * vitest file guards it against regressions.
 */
import { corpusSamples, corpusWsdls } from './corpus.js';
import { createOutputRoot, removeOutputRoot } from './generated-code.js';
import { checkSample, type SampleResult } from './samples.js';
import { checkWsdls, type WsdlResult } from './wsdls.js';

export type { SampleResult } from './samples.js';
export type { WsdlResult } from './wsdls.js';

export interface Tally {
  readonly passed: number;
  readonly total: number;
}

export interface Summary {
  readonly validWsdls: Tally;
  readonly brokenWsdls: Tally;
  /** Samples in scope; `skipped` counts those that exercise node-soap options. */
  readonly samples: Tally & { readonly skipped: number };
}

export interface Scoreboard {
  readonly wsdls: readonly WsdlResult[];
  readonly samples: readonly SampleResult[];
  readonly summary: Summary;
}

/** Runs everything; generated code goes to a fresh folder under .test-output, removed afterwards. */
export async function computeScoreboard(options: { keepOutput?: boolean } = {}): Promise<Scoreboard> {
  const outputRoot = createOutputRoot();
  try {
    const wsdls = checkWsdls(corpusWsdls(), outputRoot);
    const samples: SampleResult[] = [];
    // one at a time: each loads its own generated modules, and the order of the report stays fixed
    for (const sample of corpusSamples()) samples.push(await checkSample(sample, outputRoot));
    return { wsdls, samples, summary: summarize(wsdls, samples) };
  } finally {
    if (!options.keepOutput) removeOutputRoot(outputRoot);
  }
}

export function summarize(wsdls: readonly WsdlResult[], samples: readonly SampleResult[]): Summary {
  const tally = <T>(items: readonly T[], passed: (item: T) => boolean): Tally => ({ passed: items.filter(passed).length, total: items.length });
  const inScope = samples.filter((sample) => sample.status !== 'skip');
  return {
    validWsdls: tally(
      wsdls.filter((wsdl) => wsdl.expected === 'valid'),
      (wsdl) => wsdl.passed,
    ),
    brokenWsdls: tally(
      wsdls.filter((wsdl) => wsdl.expected === 'broken'),
      (wsdl) => wsdl.passed,
    ),
    samples: { ...tally(inScope, (sample) => sample.status === 'pass'), skipped: samples.length - inScope.length },
  };
}

export function percent({ passed, total }: Tally): string {
  return total === 0 ? '-' : `${Math.round((100 * passed) / total)}%`;
}
