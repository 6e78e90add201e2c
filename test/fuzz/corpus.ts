/**
 * Seeds for the response fuzzer: every documented SuperOffice response of the four agents, plus
 * hand-written replies with what the documentation lacks — SOAP headers (ExceptionInfo with
 * parameters and an inner exception, ExtraInfo, Succeeded, TimeZone), SOAP 1.1 and 1.2 faults,
 * nil, arrays with nil and empty items, dictionaries, lists, base64, dates with offsets and
 * 7-digit fractions, CDATA and character references, and an xop:Include.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface Seed {
  /** 'Diagnostics' | 'BLOB' | 'Preference' | 'Configuration' */
  readonly agent: string;
  readonly operation: string;
  readonly name: string;
  readonly xml: string;
  /** The outcome the unmutated seed must have with status 200. */
  readonly expect: 'resolved' | 'SoapFaultError' | 'ServiceError' | 'SoapResponseError';
}

const EXAMPLES = new URL('../fixtures/superoffice/Services86/examples/', import.meta.url);
export const AGENT_NAMES = ['BLOB', 'Configuration', 'Diagnostics', 'Preference'] as const;

export const TNS = 'http://www.superoffice.net/ws/crm/NetServer/Services86';
export const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
export const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
export const XOP = 'http://www.w3.org/2004/08/xop/include';

function documented(): Seed[] {
  return AGENT_NAMES.flatMap((agent) =>
    readdirSync(new URL(`${agent}/`, EXAMPLES))
      .filter((file) => file.endsWith('.response.xml'))
      .sort()
      .map((file) => {
        const operation = file.replace('.response.xml', '');
        return { agent, operation, name: `documented ${agent}.${operation}`, xml: readFileSync(new URL(`${agent}/${file}`, EXAMPLES), 'utf8'), expect: 'resolved' as const };
      }),
  );
}

const env11 = (body: string, header = '') =>
  `<?xml version="1.0" encoding="utf-8"?>\n<s:Envelope xmlns:s="${SOAP11}" xmlns:i="${XSI}">` +
  `${header ? `<s:Header>${header}</s:Header>` : ''}<s:Body>${body}</s:Body></s:Envelope>`;

const env12 = (body: string, header = '') =>
  `<env:Envelope xmlns:env="${SOAP12}" xmlns:xsi="${XSI}">${header ? `<env:Header>${header}</env:Header>` : ''}<env:Body>${body}</env:Body></env:Envelope>`;

const successHeaders =
  `<h:Succeeded xmlns:h="${TNS}">true</h:Succeeded>` +
  `<h:ExtraInfo xmlns:h="${TNS}"><h:ExtraInfoNameValuePair><h:Key>a</h:Key><h:Value>1</h:Value></h:ExtraInfoNameValuePair>` +
  `<h:ExtraInfoNameValuePair><h:Key>__proto__</h:Key><h:Value i:nil="true"/></h:ExtraInfoNameValuePair>` +
  `<h:ExtraInfoNameValuePair><h:Key>k &amp; &#x1F600;</h:Key><h:Value><![CDATA[<v>]]></h:Value></h:ExtraInfoNameValuePair></h:ExtraInfo>` +
  `<h:TimeZone xmlns:h="${TNS}"><h:SoTimeZoneId>7</h:SoTimeZoneId><h:SoTimeZoneLocationCode>NO</h:SoTimeZoneLocationCode></h:TimeZone>`;

const exceptionHeaders =
  `<h:ExceptionInfo xmlns:h="${TNS}"><h:Message>No access</h:Message><h:StackTrace>at X\r\n at Y</h:StackTrace>` +
  `<h:FriendlyText i:nil="true"/><h:ExceptionType>SoSecurityException</h:ExceptionType><h:Source>NetServer</h:Source>` +
  `<h:InnerException><h:Message>inner</h:Message><h:InnerException i:nil="true"/></h:InnerException>` +
  `<h:Parameters><h:SoExceptionInfoParametersKeyValuePair><h:Key>table</h:Key><h:Value>contact</h:Value></h:SoExceptionInfoParametersKeyValuePair>` +
  `<h:SoExceptionInfoParametersKeyValuePair><h:Key>id</h:Key><h:Value i:nil="true"/></h:SoExceptionInfoParametersKeyValuePair></h:Parameters></h:ExceptionInfo>` +
  `<h:Succeeded xmlns:h="${TNS}">false</h:Succeeded>`;

const blobEntity =
  `<BlobId>12</BlobId><BlobSize>4294967295</BlobSize><Description>a &lt;b&gt; &amp; "c"</Description><ExtraInfo i:nil="true"/>` +
  `<IsEncrypted>1</IsEncrypted><IsZipped>0</IsZipped><MimeType>image/png</MimeType><OriginalSize>-1</OriginalSize>` +
  `<CreatedDate>2021-11-30T13:22:47.1234567+01:00</CreatedDate><UpdatedDate>2021-11-30T13:22:47</UpdatedDate>` +
  `<CreatedBy i:nil="true"/><UpdatedBy><AssociateId>5</AssociateId><Name>Ærø 😀</Name><Rank>-3</Rank><Deleted>false</Deleted></UpdatedBy>` +
  `<ConceptualType></ConceptualType>`;

const carrier =
  `<TableRight><Mask>Select Update  Delete\n</Mask><Reason></Reason></TableRight>` +
  `<FieldProperties><FieldPropertyDictionaryKeyValuePair><Key>Name</Key><Value><FieldRight><Mask>Read Write</Mask><Reason i:nil="true"/></FieldRight>` +
  `<FieldType>System.String</FieldType><FieldLength>40</FieldLength></Value></FieldPropertyDictionaryKeyValuePair>` +
  `<FieldPropertyDictionaryKeyValuePair><Key>Gone</Key><Value i:nil="true"/></FieldPropertyDictionaryKeyValuePair></FieldProperties>`;

function handWritten(): Seed[] {
  const seeds: Seed[] = [];
  const add = (agent: string, operation: string, name: string, xml: string, expect: Seed['expect'] = 'resolved') => seeds.push({ agent, operation, name, xml, expect });

  add('Diagnostics', 'GetCacheNames', 'array with nil, empty, entities, CDATA; success headers',
    env11(`<GetCacheNamesResponse xmlns="${TNS}"><Response xmlns:a="${ARRAYS}"><a:string>x</a:string><a:string i:nil="true"/><a:string></a:string><a:string/>` +
      `<a:string>a&amp;b&lt;&#x1F600;&#13;</a:string><a:string><![CDATA[<raw>]]></a:string><a:future>skip</a:future></Response></GetCacheNamesResponse>`, successHeaders));
  add('Diagnostics', 'GetCacheNames', 'nil result', env11(`<GetCacheNamesResponse xmlns="${TNS}"><Response i:nil="true"/></GetCacheNamesResponse>`));
  add('Diagnostics', 'FlushCaches', 'ExceptionInfo header', env11(`<FlushCachesResponse xmlns="${TNS}"/>`, exceptionHeaders), 'ServiceError');
  add('Diagnostics', 'FlushCaches', 'SOAP 1.1 fault',
    env11(`<s:Fault><faultcode>s:Client</faultcode><faultstring xml:lang="en">Bad ticket</faultstring><faultactor>urn:x</faultactor>` +
      `<detail><e:Info xmlns:e="urn:e" e:code="7">expired<e:When>2021-11-30T13:22:47Z</e:When></e:Info></detail></s:Fault>`), 'SoapFaultError');
  add('Diagnostics', 'LogViewState', 'SOAP 1.2 fault',
    env12(`<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>m:Timeout</env:Value><env:Subcode><env:Value>m:Late</env:Value></env:Subcode></env:Subcode></env:Code>` +
      `<env:Reason><env:Text xml:lang="en">Too late</env:Text><env:Text xml:lang="no">For sent</env:Text></env:Reason><env:Role>urn:role</env:Role>` +
      `<env:Detail><m:Why xmlns:m="urn:m">because</m:Why></env:Detail></env:Fault>`), 'SoapFaultError');
  add('BLOB', 'GetBlobEntity', 'record with nil, dates with offsets, dictionary and lists',
    env11(`<GetBlobEntityResponse xmlns="${TNS}"><Response>${carrier}${blobEntity}</Response></GetBlobEntityResponse>`, successHeaders));
  add('BLOB', 'GetBlobStream', 'base64 result', env11(`<GetBlobStreamResponse xmlns="${TNS}"><Response>iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB\nCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==</Response></GetBlobStreamResponse>`));
  add('BLOB', 'GetPersonImage', 'xop:Include without the attachment',
    env11(`<GetPersonImageResponse xmlns="${TNS}"><Response><xop:Include xmlns:xop="${XOP}" href="cid:image%401"/></Response></GetPersonImageResponse>`), 'SoapResponseError');
  add('BLOB', 'GetAppData', 'SOAP 1.2 string result with headers',
    env12(`<r:GetAppDataResponse xmlns:r="${TNS}"><r:Response>  spaced\ttext  </r:Response></r:GetAppDataResponse>`, successHeaders.replace(/i:nil/g, 'xsi:nil')));
  add('Preference', 'GetAll', 'array of records with lists and nil items',
    env11(`<GetAllResponse xmlns="${TNS}"><Response><PreferenceDescription>${carrier}<PrefDescId>1</PrefDescId><Section>s</Section><AccessFlags>WizardMode Level0 adminGUI</AccessFlags>` +
      `<IsBuiltin>true</IsBuiltin><UserDefinedListId>2147483647</UserDefinedListId></PreferenceDescription><PreferenceDescription i:nil="true"/>` +
      `<PreferenceDescription><AccessFlags></AccessFlags></PreferenceDescription></Response></GetAllResponse>`));
  add('Preference', 'GetPreferences', 'nested records in an array',
    env11(`<GetPreferencesResponse xmlns="${TNS}"><Response><Preference><Level>Database</Level><RawValue>1</RawValue><Specification><Section>a</Section><Key>b</Key></Specification>` +
      `<TabOrder><TabOrderId>3</TabOrderId><TabName>t</TabName></TabOrder><TargetId>9007199254740991</TargetId></Preference></Response></GetPreferencesResponse>`));
  add('Configuration', 'GetMyWindowPosSizes', 'unqualified members, whitespace everywhere',
    env11(`\n  <GetMyWindowPosSizesResponse xmlns="${TNS}">\n <Response>\n  <WindowPosSize>\n   <OwnerWindow>main</OwnerWindow>\n   <Height> 200 </Height>\n   <State>Maximized</State>\n  </WindowPosSize>\n </Response>\n</GetMyWindowPosSizesResponse>\n`));
  return seeds;
}

export const SEEDS: readonly Seed[] = [...documented(), ...handWritten()];
