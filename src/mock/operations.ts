/**
 * The operations a mock server answers, from the resolved models, and how a request finds its
 * own: by SOAP action, else by the first element of the Body (document style: the input's first
 * body part's element, the wrapper in wrapped style; RPC style: the operation's name in the
 * soap:body namespace, else the WSDL's), the request's path deciding between agents that share both.
 */
import type { FolderModel } from '../generate.js';
import { formatQName, qnameKey, type QName, type SoapVersion } from '../model/model.js';

export interface MockOperation {
  /** The portType's name: the examples folder of its agent. */
  readonly agent: string;
  /** The output sub-folder of its WSDL ('' for the root). */
  readonly group: string;
  readonly name: string;
  readonly soapVersion: SoapVersion;
  readonly soapAction?: string;
  readonly bodyElement?: QName;
  /** False for one-way operations. */
  readonly hasOutput: boolean;
  /** The path of the port's address (`/Remote/Services86/Diagnostics.svc`), when it has one. */
  readonly path?: string;
  /** The WSDL file that declares the agent, for `?wsdl`. */
  readonly wsdlFile: string;
}

export type OperationMatch =
  | { readonly kind: 'found'; readonly operation: MockOperation }
  | { readonly kind: 'ambiguous'; readonly operations: readonly MockOperation[] }
  | { readonly kind: 'none' };

export function mockOperations(models: readonly FolderModel[]): MockOperation[] {
  return models.flatMap(({ dir, model }) =>
    model.interfaces.flatMap((agent) => {
      if (!agent.binding) return []; // no SOAP binding: nothing a SOAP client calls
      const wsdlFile = model.sources.find((source) => source.name === agent.source)?.files[0] ?? agent.loc.file;
      const path = addressPath(agent.port?.address);
      return agent.operations.flatMap((operation): MockOperation[] => {
        if (!operation.input) return [];
        const [firstPart] = operation.input.body;
        const bodyElement =
          operation.style === 'rpc' ? { ns: operation.input.namespace ?? operation.input.message.ns, local: operation.name } : firstPart?.element;
        return [
          {
            agent: agent.name.local,
            group: dir,
            name: operation.name,
            soapVersion: agent.binding!.soapVersion,
            ...(operation.soapAction !== undefined && { soapAction: operation.soapAction }),
            ...(bodyElement && { bodyElement }),
            hasOutput: operation.output !== undefined,
            ...(path !== undefined && { path }),
            wsdlFile,
          },
        ];
      });
    }),
  );
}

/** Looks operations up by SOAP action and by body element. */
export class OperationIndex {
  private readonly byAction = new Map<string, MockOperation[]>();
  private readonly byElement = new Map<string, MockOperation[]>();

  constructor(readonly operations: readonly MockOperation[]) {
    for (const operation of operations) {
      if (operation.soapAction !== undefined) add(this.byAction, operation.soapAction, operation);
      if (operation.bodyElement) add(this.byElement, qnameKey(operation.bodyElement), operation);
    }
  }

  /** The operation a request means: its action when one is known, else its first body element; its path decides between several. */
  match(request: { readonly action?: string; readonly bodyElement?: QName; readonly path: string }): OperationMatch {
    const byAction = request.action ? this.byAction.get(request.action) : undefined;
    const candidates = byAction ?? (request.bodyElement ? this.byElement.get(qnameKey(request.bodyElement)) : undefined) ?? [];
    if (candidates.length === 0) return { kind: 'none' };
    if (candidates.length === 1) return { kind: 'found', operation: candidates[0]! };
    const onPath = candidates.filter((operation) => operation.path === request.path);
    if (onPath.length === 1) return { kind: 'found', operation: onPath[0]! };
    return { kind: 'ambiguous', operations: onPath.length > 1 ? onPath : candidates };
  }

  /** Why nothing matched, for the fault. */
  describeMiss(request: { readonly action?: string; readonly bodyElement?: QName }): string {
    const parts = [];
    if (request.action) parts.push(`SOAP action "${request.action}"`);
    if (request.bodyElement) parts.push(`body element ${formatQName(request.bodyElement)}`);
    return parts.length === 0
      ? 'the request names no operation: it has no SOAP action and an empty Body'
      : `no operation of the mocked WSDLs has the ${parts.join(' or the ')}`;
  }
}

function add(map: Map<string, MockOperation[]>, key: string, operation: MockOperation): void {
  const list = map.get(key) ?? [];
  list.push(operation);
  map.set(key, list);
}

function addressPath(address: string | undefined): string | undefined {
  if (address === undefined) return undefined;
  try {
    return new URL(address).pathname;
  } catch {
    return undefined;
  }
}
