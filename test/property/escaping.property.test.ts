/**
 * Properties of escaping alone, in every place a caller's string goes: element text, header
 * entries, a nested record member, dictionary keys and values (real DiagnosticsAgent), and
 * attribute values, simpleContent text and xs:anyType text (writeEnvelope, synthetic schema).
 *
 *  - any string of XML 1.0 characters survives writeEnvelope + decode unchanged;
 *  - any string holding a character XML 1.0 forbids (C0 controls but TAB/LF/CR, U+FFFE, U+FFFF,
 *    a lone surrogate) is rejected with SoapEncodeError — that class exactly, naming the code
 *    point and where — and nothing is sent (a header value is never quoted in the message).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { DiagnosticsAgent$ } from '../../generated/Services86/descriptors/Diagnostics.js';
import { DiagnosticsAgent, SoapEncodeError } from '../../generated/Services86/index.js';
import type { AgentDesc, FieldDesc, RecordType } from '../../generated/runtime/descriptors.js';
import { writeEnvelope } from '../../generated/runtime/encode.js';
import { recordingFetch } from '../helpers/recording-fetch.js';
import { differences, forbiddenChar, xmlString } from './descriptor-arbitraries.js';
import { assertWellFormed, readRequest } from './read-back.js';
import { runs } from './settings.js';

const TNS = 'http://www.superoffice.net/ws/crm/NetServer/Services86';
const reply = (name: string) =>
  `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><${name}Response xmlns="${TNS}"/></s:Body></s:Envelope>`;

/** A string that holds one forbidden character at a random place, and that character's U+ code. */
const withForbidden = fc.tuple(xmlString(16), forbiddenChar, xmlString(16)).map(([before, bad, after]) => ({
  text: before + bad + after,
  code: `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
}));

// --- through the real agent -----------------------------------------------------------------

type Place = 'LogViewState/ViewState' | 'ApplicationToken' | 'Credentials/Ticket' | 'WebAppUsage/ViewState' | 'TableRight/Reason' | 'FieldProperties key' | 'FieldProperties/FieldType' | 'CacheNames item';
const PLACES: Place[] = ['LogViewState/ViewState', 'ApplicationToken', 'Credentials/Ticket', 'WebAppUsage/ViewState', 'TableRight/Reason', 'FieldProperties key', 'FieldProperties/FieldType', 'CacheNames item'];

/** Calls the agent with `text` in one place. */
function call(agent: DiagnosticsAgent, place: Place, text: string): Promise<unknown> {
  switch (place) {
    case 'LogViewState/ViewState':
      return agent.logViewState(text);
    case 'ApplicationToken':
      return agent.flushCaches({ headers: { ApplicationToken: text } });
    case 'Credentials/Ticket':
      return agent.flushCaches({ headers: { Credentials: { Ticket: text } } });
    case 'WebAppUsage/ViewState':
      return agent.addWebAppUsage([{ ViewState: text }]);
    case 'TableRight/Reason':
      return agent.addWebAppUsage([{ TableRight: { Reason: text } }]);
    case 'FieldProperties key':
      return agent.addWebAppUsage([{ FieldProperties: { [text]: { FieldLength: 1 } } }]);
    case 'FieldProperties/FieldType':
      return agent.addWebAppUsage([{ FieldProperties: { k: { FieldType: text } } }]);
    case 'CacheNames item':
      return agent.flushCachesByName([text]);
  }
}

/** The string found back in the decoded request at that place. */
function found(place: Place, headers: Record<string, unknown>, members: Record<string, unknown>): unknown {
  const usage = () => (members.WebAppUsages as Record<string, unknown>[])[0];
  switch (place) {
    case 'LogViewState/ViewState':
      return members.ViewState;
    case 'ApplicationToken':
      return headers.ApplicationToken;
    case 'Credentials/Ticket':
      return (headers.Credentials as Record<string, unknown>).Ticket;
    case 'WebAppUsage/ViewState':
      return usage().ViewState;
    case 'TableRight/Reason':
      return (usage().TableRight as Record<string, unknown>).Reason;
    case 'FieldProperties key':
      return Object.keys(usage().FieldProperties as object)[0];
    case 'FieldProperties/FieldType':
      return ((usage().FieldProperties as Record<string, Record<string, unknown>>).k).FieldType;
    case 'CacheNames item':
      return (members.CacheNames as unknown[])[0];
  }
}

function operationOf(place: Place): string {
  if (place === 'LogViewState/ViewState') return 'LogViewState';
  if (place === 'ApplicationToken' || place === 'Credentials/Ticket') return 'FlushCaches';
  if (place === 'CacheNames item') return 'FlushCachesByName';
  return 'AddWebAppUsage';
}

describe('escaping through DiagnosticsAgent', () => {
  it('any string of XML 1.0 characters arrives unchanged, wherever it is put', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PLACES), xmlString(40), async (place, text) => {
        const operationName = operationOf(place);
        const { fetch, requests } = recordingFetch({ body: reply(operationName) });
        await call(new DiagnosticsAgent({ fetch }), place, text);
        assertWellFormed(requests[0].body);
        const back = readRequest(DiagnosticsAgent$, DiagnosticsAgent$.operations[operationName], requests[0].body);
        const problems = differences(found(place, back.headers, back.members), text, place);
        if (problems.length > 0) throw new Error(`${problems.join('\n')}\nrequest: ${requests[0].body}`);
      }),
      runs(600),
    );
  });

  it('a string with a character XML 1.0 forbids is rejected with SoapEncodeError, and nothing is sent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PLACES), withForbidden, async (place, { text, code }) => {
        const { fetch, requests } = recordingFetch({ body: reply(operationOf(place)) });
        let error: unknown;
        try {
          await call(new DiagnosticsAgent({ fetch }), place, text);
        } catch (caught) {
          error = caught;
        }
        if (!(error instanceof SoapEncodeError) || error.constructor !== SoapEncodeError) throw new Error(`expected SoapEncodeError, got ${String(error)}`);
        if (!error.message.includes(`the character ${code} cannot be sent in XML 1.0`)) throw new Error(`the message does not name ${code}: ${error.message}`);
        if (requests.length !== 0) throw new Error('a request was sent');
        // README: error messages never contain request header values (tickets, application tokens)
        const isHeader = place === 'ApplicationToken' || place === 'Credentials/Ticket';
        if (isHeader && text.length >= 6 && error.message.includes(text)) throw new Error(`the message quotes the header value: ${error.message}`);
      }),
      runs(600),
    );
  });
});

// --- writeEnvelope: attribute values, simpleContent and xs:anyType ---------------------------

const NS = 'urn:escaping';
const Tagged: RecordType = {
  kind: 'record',
  fields: [{ name: 'Any', ns: NS, type: 'anyType', optional: true }],
  attributes: [
    { name: 'plain', ns: '', type: 'string', optional: true },
    { name: 'qualified', ns: 'urn:attr', type: 'string', optional: true },
  ],
  text: 'string',
};
const taggedField: FieldDesc = { name: 'Tagged', ns: NS, type: () => Tagged };
const synthetic: AgentDesc = {
  name: 'Escaping',
  soapVersion: '1.2',
  requestHeaders: {},
  responseHeaders: {},
  operations: { Put: { name: 'Put', input: { wrapper: { name: 'Put', ns: NS }, fields: [taggedField], headers: [] } } },
};
type Slot = 'plain' | 'qualified' | '$value' | 'Any';
const SLOTS: Slot[] = ['plain', 'qualified', '$value', 'Any'];

function writeTagged(slot: Slot, text: string): string {
  const value: Record<string, unknown> = { $value: slot === '$value' ? text : 'x', [slot]: text };
  return writeEnvelope({ soapVersion: '1.2', headers: [], body: { wrapper: { name: 'Put', ns: NS }, fields: [taggedField], values: [value] } });
}

describe('escaping in attributes, simpleContent and xs:anyType (writeEnvelope)', () => {
  it('any string of XML 1.0 characters arrives unchanged (attribute-value normalisation included)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SLOTS), xmlString(40), (slot, text) => {
        const xml = writeTagged(slot, text);
        assertWellFormed(xml);
        const back = readRequest(synthetic, synthetic.operations.Put, xml, 3);
        const problems = differences((back.members.Tagged as Record<string, unknown>)[slot], text, slot);
        if (problems.length > 0) throw new Error(`${problems.join('\n')}\nrequest: ${xml}`);
      }),
      runs(600),
    );
  });

  it('a forbidden character is rejected with SoapEncodeError naming it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SLOTS), withForbidden, (slot, { text, code }) => {
        let error: unknown;
        try {
          writeTagged(slot, text);
        } catch (caught) {
          error = caught;
        }
        if (!(error instanceof SoapEncodeError) || error.constructor !== SoapEncodeError) throw new Error(`expected SoapEncodeError, got ${String(error)}`);
        if (!error.message.includes(code)) throw new Error(`the message does not name ${code}: ${error.message}`);
      }),
      runs(600),
    );
  });
});
