/**
 * A streaming, namespace-aware XML tokenizer for what SOAP messages contain: elements,
 * attributes, namespaces, character data, CDATA sections, comments, processing instructions, the
 * XML declaration, character references and the five predefined entities. A DOCTYPE is refused
 * (SOAP 1.1 §3 and SOAP 1.2 Part 1 §5 forbid one), so no entity is ever declared or expanded.
 *
 * It checks well-formedness as XML 1.0 (fifth edition) and Namespaces in XML 1.0 (third edition)
 * define it, normalises line ends (§2.11) and attribute values (§3.3.3), and is fed text chunk by
 * chunk: it keeps only what it has not finished reading (an unfinished tag, say), never the
 * document. It scans with indexOf and charCodeAt, and hands what it reads to one handler object:
 * no events, no per-token objects (the start tag and the names in it are reused or cached).
 */

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** Receives what the tokenizer reads, synchronously, from `write()` and `end()`. */
export interface TokenHandler {
  /** A start tag, read in full, its names resolved. `tag` is reused: read what you need now. */
  startElement(tag: StartTag): void;
  /**
   * Character data of the current element (text and CDATA, references resolved), in one or
   * more pieces; only while the tokenizer's `deliverText` is true.
   */
  text(text: string): void;
  /** The end of the current element (right after `startElement` for an empty-element tag). */
  endElement(): void;
}

export interface XmlTokenizerOptions {
  /** Read element content (any text and elements at the top) rather than a document. */
  readonly fragment?: boolean;
  /** More nested elements than this are rejected. Default: no limit. */
  readonly maxDepth?: number;
  /** More attributes (namespace declarations included) on one element are rejected. Default: no limit. */
  readonly maxAttributes?: number;
}

/** Why a document was rejected: not well-formed, a DOCTYPE, or over a limit. */
export type XmlProblem = 'malformed' | 'doctype' | 'limit';

export class XmlError extends Error {
  readonly problem: XmlProblem;
  /** What is wrong, without the position. */
  readonly reason: string;
  /** 1-based line and column where it was found. */
  readonly line: number;
  readonly column: number;

  constructor(reason: string, problem: XmlProblem, line: number, column: number) {
    super(`${line}:${column}: ${reason}`);
    this.name = 'XmlError';
    this.problem = problem;
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

/** A qualified name as written, split; cached by the tokenizer, so equal names are usually one object. */
export interface QName {
  readonly qname: string;
  readonly prefix: string;
  readonly local: string;
}

/** The start tag being reported: valid during `startElement` only. */
export class StartTag {
  /** The qualified name as written (`s:Body`). */
  name = '';
  prefix = '';
  local = '';
  /** The namespace URI, '' for none. */
  uri = '';
  attributeCount = 0;
  readonly attributeNames: QName[] = [];
  readonly attributeUris: string[] = [];
  /** Decoded values; `undefined` where the value is its raw text, `source` from `valueStarts` to `valueEnds`. */
  readonly attributeValues: (string | undefined)[] = [];
  readonly valueStarts: number[] = [];
  readonly valueEnds: number[] = [];
  source = '';

  /** The value of the attribute at `index`, 0 ≤ index < attributeCount. */
  value(index: number): string {
    return this.attributeValues[index] ?? this.source.slice(this.valueStarts[index], this.valueEnds[index]);
  }

  /** The value of the attribute with this namespace URI ('' for unprefixed ones) and local name. */
  attribute(uri: string, local: string): string | undefined {
    for (let i = 0; i < this.attributeCount; i++) {
      const name = this.attributeNames[i] as QName;
      if (name.local === local && this.attributeUris[i] === uri) return this.value(i);
    }
    return undefined;
  }
}

// States between chunks: what the unread rest of the buffer starts with.
const TEXT = 0; // character data
const REFERENCE = 1; // inside a reference in character data
const MARKUP = 2; // '<' and too few characters to tell what follows
const START_TAG = 3; // an unfinished start tag
const END_TAG = 4;
const COMMENT = 5;
const CDATA = 6; // inside a CDATA section
const PI = 7; // a processing instruction or the XML declaration

// The steps of reading a start tag, where it continues when the text ends inside it.
const T_NAME = 0;
const T_SPACE = 1; // after the name or a value: whitespace, then ">", "/>" or an attribute
const T_SLASH = 2;
const T_ATTRIBUTE = 3;
const T_EQUALS = 4;
const T_QUOTE = 5;
const T_VALUE = 6;

/** Longer names are refused as they arrive (libxml2's limit too): no SOAP name comes near it. */
export const MAX_NAME_LENGTH = 50_000;

// The parts of a reference (&name; &#123; &#x1F;) read so far, when it is split across chunks.
const REF_START = 1; // after '&'
const REF_NAME = 2;
const REF_HASH = 3; // after '&#'
const REF_HEX_FIRST = 4; // after '&#x'
const REF_HEX = 5;
const REF_DECIMAL = 6;

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SEMICOLON = 0x3b;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const COLON = 0x3a;
const HASH = 0x23;
const CLOSE_BRACKET = 0x5d;
const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
const SPACE = 0x20;
const BOM = 0xfeff;

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
/** A reference longer than this cannot name one of the five entities. */
const LONGEST_ENTITY_NAME = 4;

/** ASCII name characters (XML 1.0 §2.3 [4], [4a]): those that may start a name, those that may only continue one, and the colon. */
const NAME_START = 1;
const NAME_PART = 2;
const NAME_COLON = 3;
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const char = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(char)) ASCII_NAME[c] = NAME_START;
  else if (/[-.0-9]/.test(char)) ASCII_NAME[c] = NAME_PART;
  else if (char === ':') ASCII_NAME[c] = NAME_COLON;
}

/** NameStartChar beyond ASCII, for one UTF-16 unit (astral characters are checked as pairs). */
function isNameStartBeyondAscii(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

function isNameBeyondAscii(c: number): boolean {
  return isNameStartBeyondAscii(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040;
}

/** Whether `text` is an NCName: an XML name without a colon (an element's local name, a prefix). */
export function isNCName(text: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON) return false;
    if (c < 128) {
      const kind = ASCII_NAME[c];
      if (kind === 0 || (i === 0 && kind === NAME_PART)) return false;
    } else if (c >= 0xd800 && c <= 0xdb7f) {
      // U+10000–U+EFFFF are name characters
      const low = text.charCodeAt(i + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) return false;
      i++;
    } else if (!(i === 0 ? isNameStartBeyondAscii(c) : isNameBeyondAscii(c))) {
      return false;
    }
  }
  return true;
}

/**
 * The same text as an internalized string (what engines make of property names): a copy of its
 * own, so that a cached name does not keep alive the response it was cut from, and one that
 * compares with equal names (and string literals) by identity.
 */
function intern(text: string): string {
  for (const key in { [text]: 0 }) return key;
  return text;
}

const isSpace = (c: number): boolean => c === SPACE || c === LF || c === TAB || c === CR;

/**
 * When an unfinished token kept in the buffer is at least this long, later chunks are collected
 * until they are as long as it before the buffer is rebuilt: joining every small chunk to a long
 * token would copy it once per chunk (quadratic); this way each character is copied a few times.
 */
const DEFER_AT = 64 * 1024;

/** What a long run of character data is searched for with indexOf (see skipPlainText). */
const AHEAD_CHARACTERS: readonly string[] = ['<', '&', '>', '\r'];
/** Runs of character data longer than this are skipped with skipPlainText rather than char by char. */
const LONG_RUN = 48;
/** A character that is not printable ASCII, TAB or LF: in a long run, where char-by-char looking resumes. */
const BEYOND_PLAIN_ASCII = /[^\t\n\x20-\x7e]/g;
/** What ends a run of CDATA, a comment or a processing instruction: CR, and characters XML 1.0 forbids or that need their pair. */
const SPECIAL_IN_PLAIN = /[\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/g;

/**
 * Qualified names by a hash of their characters, shared by all tokenizers: names repeat within a
 * document and from one response to the next, so most tags make no name strings. Entries are
 * checked character by character, so a collision only costs a miss; long names are not kept.
 */
const NAME_CACHE_SIZE = 1024;
const NAME_CACHE_LONGEST = 256;
const names: (CachedName | undefined)[] = new Array<CachedName | undefined>(NAME_CACHE_SIZE);

/**
 * A cached name, and what followed it last time: SOAP messages repeat themselves (arrays of
 * records), so the next name is tried first, which spares reading it character by character.
 */
interface CachedName extends QName {
  /** The name of the start tag that followed this one (as an element name). */
  nextElement: CachedName | undefined;
  /** The name after this one in the same start tag: the first attribute, or the next one. */
  nextInTag: CachedName | undefined;
}

export class XmlTokenizer {
  /**
   * While false, character data is still checked but no strings are made for it: the handler
   * sets it as its interest changes (whitespace between elements is of no interest, mostly).
   */
  deliverText = true;

  private readonly handler: TokenHandler;
  private readonly fragment: boolean;
  private readonly maxDepth: number;
  private readonly maxAttributes: number;
  private readonly tag = new StartTag();

  /** The unread text: what was kept of the last chunk, then the new chunk. */
  private source = '';
  /** Chunks not yet joined to `source` (see DEFER_AT), and their length. */
  private readonly deferred: string[] = [];
  private deferredLength = 0;
  private position = 0;
  private state: number = TEXT;
  /** Where the unfinished token in `source` starts, and how far it has been searched for its end. */
  private tokenStart = 0;
  private scanned = 0;
  /**
   * An unfinished start tag: the step it is at (T_…) and where that step continues, its name and
   * complete attributes so far, and the attribute being read (its name, quote, value start).
   */
  private tagStep = T_NAME;
  private tagAt = 0;
  private tagSpaced = false;
  private tagName: CachedName | undefined;
  private tagCount = 0;
  private tagAttribute: CachedName | undefined;
  private tagQuote = 0;
  private tagValueStart = 0;
  /**
   * For skipPlainText, in the buffer of write number `aheadFor`: where the next of each of
   * AHEAD_CHARACTERS is, then the next character beyond plain ASCII; -1 none, -2 not searched.
   */
  private readonly ahead: number[] = [-2, -2, -2, -2, -2];
  private aheadFor = -1;
  /** Counts the buffers `source` has been. */
  private writes = 0;
  /** Where the current run of character data started (for "]]>", which must not appear in it). */
  private textStart = 0;

  private referenceState = 0;
  private referenceName = '';
  private referenceValue = 0;
  /** The text of the reference just read. */
  private referenceText = '';

  private depth = 0;
  private readonly openNames: QName[] = [];
  /** Namespace bindings in scope, innermost last; `bindingMarks[d]` is their count outside depth d. */
  private readonly boundPrefixes: string[] = ['', 'xml', 'xmlns'];
  private readonly boundUris: string[] = ['', XML_NAMESPACE, XMLNS_NAMESPACE];
  private bindingCount = 3;
  private readonly bindingMarks: number[] = [];

  /** The name of the last start tag read. */
  private lastElement: CachedName | undefined;
  /** Set by readName: where the name ended. */
  private nameEnd = 0;

  private started = false;
  private sawRoot = false;
  private ending = false;
  private ended = false;
  /** Lines and the column reached in text already dropped from `source`, for error positions. */
  private droppedLines = 0;
  private droppedColumn = 0;

  constructor(handler: TokenHandler, options: XmlTokenizerOptions = {}) {
    this.handler = handler;
    this.fragment = options.fragment ?? false;
    this.maxDepth = options.maxDepth ?? Infinity;
    this.maxAttributes = options.maxAttributes ?? Infinity;
  }

  /** Reads `chunk`, the next piece of the document. */
  write(chunk: string): void {
    if (this.ended) throw new Error('write() after end()');
    if (chunk === '') return;
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === BOM) chunk = chunk.slice(1);
    }
    const keep = this.state === TEXT || this.state === REFERENCE || this.state === CDATA ? this.position : this.tokenStart;
    const kept = this.source.length - keep;
    if (kept >= DEFER_AT && this.deferredLength + chunk.length < kept && !this.ending) {
      this.deferred.push(chunk);
      this.deferredLength += chunk.length;
      return;
    }
    if (keep > 0) this.drop(keep);
    if (keep < this.source.length || this.deferred.length > 0) {
      // join(), not +: one flat string. A concatenation would be a rope, which engines read
      // through another path, and code shaped by flat text would run slower on it.
      this.deferred.unshift(this.source.slice(keep));
      this.deferred.push(chunk);
      chunk = this.deferred.join('');
      this.deferred.length = 0;
      this.deferredLength = 0;
    }
    this.source = chunk;
    this.writes++;
    this.position -= keep;
    this.tokenStart -= keep;
    this.scanned -= keep;
    this.textStart -= keep;
    if (this.state === START_TAG) this.shiftTag(keep);
    this.run(false);
  }

  /** The document is complete: checks that nothing is left open. */
  end(): void {
    if (this.ended) return;
    if (this.deferred.length > 0) {
      // the last chunks are read now, whatever their length
      this.ending = true;
      const rest = this.deferred.join('');
      this.deferred.length = 0;
      this.deferredLength = 0;
      this.write(rest);
    }
    this.started = true;
    this.run(true);
    this.ended = true;
    const at = this.source.length;
    if (this.state === REFERENCE) this.fail('a reference is not terminated by ";"', at);
    if (this.state !== TEXT) this.fail(`the document ends inside ${this.stateName()}`, at);
    if (this.depth > 0) this.fail(`unclosed tag: <${(this.openNames[this.depth - 1] as QName).qname}>`, at);
    if (!this.sawRoot && !this.fragment) this.fail('the document has no root element', at);
  }

  /** The qualified names of the open elements, outermost first. */
  openElements(): string[] {
    return this.openNames.slice(0, this.depth).map((name) => name.qname);
  }

  /** The namespace URI bound to `prefix` where the tokenizer is ('' for the default namespace). */
  lookupNamespace(prefix: string): string | undefined {
    for (let k = this.bindingCount - 1; k >= 0; k--) if (this.boundPrefixes[k] === prefix) return this.boundUris[k];
    return undefined;
  }

  private stateName(): string {
    switch (this.state) {
      case START_TAG:
      case MARKUP:
        return 'a tag';
      case END_TAG:
        return 'an end tag';
      case COMMENT:
        return 'a comment';
      case CDATA:
        return 'a CDATA section';
      default:
        return 'a processing instruction';
    }
  }

  /** Reads as far as the buffer allows; `final`: no more text will come. */
  private run(final: boolean): void {
    const source = this.source;
    const length = source.length;
    let position = this.position;
    for (;;) {
      switch (this.state) {
        case TEXT: {
          // markup right after markup is the common case: no character data to read
          const stop = source.charCodeAt(position) === LT ? position : this.charData(position, final);
          if (stop >= length || source.charCodeAt(stop) !== LT) {
            // the end of the buffer, or characters held back for the next chunk
            this.position = stop;
            return;
          }
          position = this.markup(stop);
          break;
        }
        case REFERENCE: {
          const next = this.continueReference(position, length);
          if (next < 0) {
            this.position = length;
            return;
          }
          if (this.deliverText) this.handler.text(this.referenceText);
          this.state = TEXT;
          this.textStart = next;
          position = next;
          break;
        }
        case CDATA:
          position = this.cdata(position, final);
          if (this.state === CDATA) {
            this.position = position;
            return;
          }
          break;
        case MARKUP:
          position = this.markup(this.tokenStart);
          break;
        case START_TAG:
          position = this.startTag(this.tokenStart, false);
          break;
        case END_TAG: {
          const gt = source.indexOf('>', this.scanned);
          if (gt < 0) {
            this.scanned = length;
            position = -1;
          } else {
            position = this.endTag(this.tokenStart);
          }
          break;
        }
        case COMMENT:
          position = this.comment(this.tokenStart, this.scanned);
          break;
        case PI:
          position = this.processingInstruction(this.tokenStart, this.scanned);
          break;
      }
      if (position < 0) {
        // an unfinished token: kept until more text comes
        this.position = this.tokenStart;
        return;
      }
      if (this.state !== CDATA && this.state !== REFERENCE) this.state = TEXT;
      this.textStart = position;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Character data

  /**
   * Reads character data from `start` up to the next "<" (or the end of the buffer): checks its
   * characters, resolves references, normalises line ends and hands it to the handler. Returns
   * the index of that "<", or where it stopped: the end of the buffer, or the start of what it
   * holds back for the next chunk (a CR, "]" or "]]", half a surrogate pair), unless `final`.
   */
  private charData(start: number, final: boolean): number {
    const source = this.source;
    const end = source.length;
    if (this.depth === 0 && !this.fragment) return this.spaceOutsideRoot(start);
    const deliver = this.deliverText;
    let output = '';
    let run = start;
    let i = start;
    while (i < end) {
      // a run of plain characters: looked at one by one while it is short, then by the regex
      const stop = i + LONG_RUN < end ? i + LONG_RUN : end;
      let c = 0;
      while (i < stop) {
        c = source.charCodeAt(i);
        if (c > GT ? c < 0xd800 || (c >= 0xe000 && c < 0xfffe) : c >= SPACE ? c !== AMP && c !== LT && c !== GT : c === LF || c === TAB) i++;
        else break;
      }
      if (i === stop) {
        if (i === end) break;
        i = this.skipPlainText(i);
        if (i === end) break;
        c = source.charCodeAt(i);
        if (c > GT ? c < 0xd800 || (c >= 0xe000 && c < 0xfffe) : c === LF || c === TAB) {
          // beyond ASCII, but a character like any other: on, char by char
          i++;
          continue;
        }
      }
      if (c === LT) break;
      if (c === AMP) {
        if (deliver) output += source.slice(run, i);
        this.referenceState = REF_START;
        const next = this.continueReference(i + 1, end);
        if (next < 0) {
          if (final) this.fail('a reference is not terminated by ";"', end);
          if (deliver && output !== '') this.handler.text(output);
          this.state = REFERENCE;
          return end;
        }
        if (deliver) output += this.referenceText;
        run = i = next;
      } else if (c === GT) {
        if (i - 2 >= this.textStart && source.charCodeAt(i - 1) === CLOSE_BRACKET && source.charCodeAt(i - 2) === CLOSE_BRACKET) {
          this.fail('"]]>" is not allowed in character data', i - 2);
        }
        i++;
      } else if (c === CR) {
        if (i + 1 === end && !final) break;
        if (deliver) output += source.slice(run, i) + '\n';
        i += source.charCodeAt(i + 1) === LF ? 2 : 1;
        run = i;
      } else {
        const next = this.surrogatePair(i, end, final, c);
        if (next < 0) break;
        i = next;
      }
    }
    // "]]" at the end of a chunk may be the start of "]]>"
    if (i === end && !final) {
      while (i > run && i > end - 2 && source.charCodeAt(i - 1) === CLOSE_BRACKET) i--;
    }
    if (deliver) {
      output = output === '' ? source.slice(run, i) : output + source.slice(run, i);
      if (output !== '') this.handler.text(output);
    }
    return i;
  }

  /**
   * Where a long run of character data from `start` needs a look again: the next "<", "&", ">"
   * or CR (found with indexOf, native and fast), or the next character that is not printable
   * ASCII (found with a regex of one range, which random text does not slow down as it does a
   * class of many ranges). Where each was found is kept, as later runs ask again.
   */
  private skipPlainText(start: number): number {
    const next = this.ahead;
    if (this.aheadFor !== this.writes) {
      this.aheadFor = this.writes;
      next.fill(-2);
    }
    let stop = this.source.length;
    for (let k = 0; k < AHEAD_CHARACTERS.length; k++) {
      let at = next[k] as number;
      if (at !== -1 && at < start) {
        at = this.source.indexOf(AHEAD_CHARACTERS[k] as string, start);
        next[k] = at;
      }
      if (at >= 0 && at < stop) stop = at;
    }
    let beyond = next[AHEAD_CHARACTERS.length] as number;
    if (beyond !== -1 && beyond < start) {
      BEYOND_PLAIN_ASCII.lastIndex = start;
      beyond = BEYOND_PLAIN_ASCII.test(this.source) ? BEYOND_PLAIN_ASCII.lastIndex - 1 : -1;
      next[AHEAD_CHARACTERS.length] = beyond;
    }
    return beyond >= 0 && beyond < stop ? beyond : stop;
  }

  /** Outside the root element only whitespace may appear: returns the index of the next "<". */
  private spaceOutsideRoot(start: number): number {
    const source = this.source;
    let i = start;
    for (; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === LT) break;
      if (!isSpace(c)) this.fail(this.sawRoot ? 'text after the root element' : 'text before the root element', i);
    }
    return i;
  }

  /**
   * Checks a character at `i` that is not plain: the start of a surrogate pair (returns the index
   * after it, or -1 when the buffer ends between its halves), or an error.
   */
  private surrogatePair(i: number, end: number, complete: boolean, c: number): number {
    if (c >= 0xd800 && c <= 0xdbff) {
      if (i + 1 === end) {
        if (complete) this.fail('half a surrogate pair (not a character)', i);
        return -1;
      }
      const low = this.source.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) return i + 2;
    }
    return this.fail(`the character U+${c.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML 1.0`, i);
  }

  /**
   * Continues a reference (after "&") from `i`: returns the index after its ";", with its text in
   * `referenceText`, or -1 when the buffer ends first (what was read is kept in the reference state).
   */
  private continueReference(start: number, end: number): number {
    const source = this.source;
    for (let i = start; i < end; i++) {
      const c = source.charCodeAt(i);
      switch (this.referenceState) {
        case REF_START:
          if (c === HASH) {
            this.referenceState = REF_HASH;
          } else if (c < 128 && ASCII_NAME[c] === NAME_START) {
            this.referenceState = REF_NAME;
            this.referenceName = String.fromCharCode(c);
          } else {
            this.fail('"&" must start a reference (write &amp; for the character)', i);
          }
          break;
        case REF_NAME:
          if (c === SEMICOLON) return this.endReference(i, PREDEFINED_ENTITIES[this.referenceName]);
          if (c >= 128 || ASCII_NAME[c] === 0 || this.referenceName.length === LONGEST_ENTITY_NAME) {
            this.fail(c === SEMICOLON || (c < 128 && ASCII_NAME[c] !== 0) ? 'an undeclared entity' : 'a malformed reference', i);
          }
          this.referenceName += String.fromCharCode(c);
          break;
        case REF_HASH:
          if (c === 0x78 /* x */) {
            this.referenceState = REF_HEX_FIRST;
            break;
          }
          this.referenceState = REF_DECIMAL;
          this.referenceValue = 0;
          if (!(c >= 0x30 && c <= 0x39)) this.fail('a malformed character reference', i);
          this.referenceValue = c - 0x30;
          break;
        case REF_HEX_FIRST:
        case REF_HEX: {
          if (c === SEMICOLON && this.referenceState === REF_HEX) return this.endReference(i, this.character(this.referenceValue, i));
          const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
          if (digit < 0) this.fail('a malformed character reference', i);
          this.referenceValue = this.referenceState === REF_HEX_FIRST ? digit : this.referenceValue * 16 + digit;
          this.referenceState = REF_HEX;
          if (this.referenceValue > 0x10ffff) this.fail('a character reference beyond U+10FFFF', i);
          break;
        }
        case REF_DECIMAL:
          if (c === SEMICOLON) return this.endReference(i, this.character(this.referenceValue, i));
          if (!(c >= 0x30 && c <= 0x39)) this.fail('a malformed character reference', i);
          this.referenceValue = this.referenceValue * 10 + (c - 0x30);
          if (this.referenceValue > 0x10ffff) this.fail('a character reference beyond U+10FFFF', i);
          break;
      }
    }
    return -1;
  }

  private endReference(semicolon: number, text: string | undefined): number {
    if (text === undefined) this.fail(`an undeclared entity "&${this.referenceName};" (only &lt; &gt; &amp; &apos; &quot; need no DTD)`, semicolon);
    this.referenceText = text;
    this.referenceState = 0;
    return semicolon + 1;
  }

  /** The text of character reference `code`, which must be a Char (XML 1.0 §4.1, WFC: Legal Character). */
  private character(code: number, at: number): string {
    const legal = code === TAB || code === LF || code === CR || (code >= SPACE && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (!legal) this.fail(`a character reference to U+${code.toString(16).toUpperCase().padStart(4, '0')}, which is not an XML 1.0 character`, at);
    return String.fromCodePoint(code);
  }

  /** CDATA section content from `start`: delivered as text up to "]]>"; returns where it stopped. */
  private cdata(start: number, final: boolean): number {
    const source = this.source;
    const close = source.indexOf(']]>', start);
    if (close >= 0) {
      this.plainChars(start, close, true, this.deliverText);
      this.state = TEXT;
      return close + 3;
    }
    if (final) this.fail('the document ends inside a CDATA section', source.length);
    // hold back what may be the start of "]]>"
    let end = source.length;
    while (end > start && end > source.length - 2 && source.charCodeAt(end - 1) === CLOSE_BRACKET) end--;
    return this.plainChars(start, end, false, this.deliverText);
  }

  /**
   * Checks characters (CDATA, comments, processing instructions) and, when `deliver`, hands
   * them to the handler with line ends normalised. Returns where it stopped (a held-back CR or
   * half surrogate pair when not `complete`).
   */
  private plainChars(start: number, end: number, complete: boolean, deliver: boolean): number {
    const source = this.source;
    let output = '';
    let run = start;
    let i = start;
    while (i < end) {
      SPECIAL_IN_PLAIN.lastIndex = i;
      i = SPECIAL_IN_PLAIN.test(source) ? SPECIAL_IN_PLAIN.lastIndex - 1 : end;
      if (i >= end) {
        i = end;
        break;
      }
      const c = source.charCodeAt(i);
      if (c === CR) {
        if (i + 1 === end && !complete) break;
        if (deliver) output += source.slice(run, i) + '\n';
        i += source.charCodeAt(i + 1) === LF ? 2 : 1;
        run = i;
      } else {
        const next = this.surrogatePair(i, end, complete, c);
        if (next < 0) break;
        i = next;
      }
    }
    if (deliver) {
      output += source.slice(run, i);
      if (output !== '') this.handler.text(output);
    }
    return i;
  }


  // -------------------------------------------------------------------------------------------
  // Markup

  /** Reads the markup starting with "<" at `lt`: returns the index after it, or -1 when unfinished. */
  private markup(lt: number): number {
    const source = this.source;
    this.tokenStart = lt;
    this.state = MARKUP;
    if (lt + 1 >= source.length) return -1;
    const c = source.charCodeAt(lt + 1);
    if (c === SLASH) {
      this.state = END_TAG;
      this.scanned = lt + 2;
      return source.indexOf('>', lt + 2) < 0 ? this.unfinished(source.length) : this.endTag(lt);
    }
    if (c === QUESTION) {
      this.state = PI;
      return this.processingInstruction(lt, lt + 2);
    }
    if (c === BANG) return this.declaration(lt);
    this.state = START_TAG;
    return this.startTag(lt, true);
  }

  private unfinished(scanned: number): number {
    this.scanned = scanned;
    return -1;
  }

  /** "<!": a comment, a CDATA section, or a DOCTYPE (refused). */
  private declaration(lt: number): number {
    const source = this.source;
    const rest = source.slice(lt, lt + 9);
    for (const [opening, what] of [['<!--', 'comment'], ['<![CDATA[', 'cdata'], ['<!DOCTYPE', 'doctype']] as const) {
      if (rest.length < opening.length && opening.startsWith(rest)) return -1;
      if (!rest.startsWith(opening)) continue;
      if (what === 'doctype') return this.fail('a DOCTYPE is not allowed in a SOAP message', lt, 'doctype');
      if (what === 'comment') {
        this.state = COMMENT;
        return this.comment(lt, lt + 4);
      }
      if (this.depth === 0 && !this.fragment) this.fail('a CDATA section outside the root element', lt);
      this.state = CDATA;
      return lt + 9;
    }
    return this.fail('"<!" starts neither a comment nor a CDATA section', lt);
  }

  /** A comment from `lt`, searched for its end from `from`. */
  private comment(lt: number, from: number): number {
    const source = this.source;
    const dashes = source.indexOf('--', Math.max(from, lt + 4));
    if (dashes < 0) return this.unfinished(Math.max(lt + 4, source.length - 1));
    if (dashes + 2 >= source.length) return this.unfinished(dashes);
    if (source.charCodeAt(dashes + 2) !== GT) this.fail('"--" is not allowed inside a comment', dashes);
    this.plainChars(lt + 4, dashes, true, false);
    return dashes + 3;
  }

  /** A processing instruction or the XML declaration from `lt`, searched for its end from `from`. */
  private processingInstruction(lt: number, from: number): number {
    const source = this.source;
    const close = source.indexOf('?>', Math.max(from, lt + 2));
    if (close < 0) return this.unfinished(Math.max(lt + 2, source.length - 1));
    const target = this.readName(lt + 2, close, undefined);
    if (target === undefined) this.fail('a processing instruction without a target', lt + 2);
    const afterTarget = this.nameEnd;
    if (target.qname.includes(':')) this.fail('a processing instruction target with a colon', lt + 2);
    if (afterTarget < close && !isSpace(source.charCodeAt(afterTarget))) this.fail('a processing instruction target must be followed by whitespace', afterTarget);
    if (target.qname.toLowerCase() === 'xml') {
      const atStart = lt === 0 && this.droppedLines === 0 && this.droppedColumn === 0 && !this.fragment && target.qname === 'xml';
      if (!atStart) this.fail('the XML declaration may only appear at the very start of the document (a PI target may not be "xml")', lt);
      this.xmlDeclaration(afterTarget, close);
    } else {
      this.plainChars(afterTarget, close, true, false);
    }
    return close + 2;
  }

  /** version, then optional encoding and standalone, as XML 1.0 §2.8 [23]–[26], §4.3.3 [80], §2.9 [32]. */
  private xmlDeclaration(start: number, end: number): void {
    const text = this.source.slice(start, end);
    const pattern =
      /^[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*$/;
    if (!pattern.test(text)) this.fail('a malformed XML declaration', start);
  }

  // -------------------------------------------------------------------------------------------
  // Names

  /**
   * Reads a name from `start` (before `limit`): returns it, cached, with `nameEnd` set after it,
   * or undefined when the buffer ends inside it. A character that cannot start a name is an error;
   * so is a name that is not a QName (Namespaces in XML 1.0 §3). ASCII names take the short way.
   */
  private readName(start: number, limit: number, predicted: CachedName | undefined): CachedName | undefined {
    const source = this.source;
    if (predicted !== undefined && this.nameAt(predicted.qname, start)) {
      const end = start + predicted.qname.length;
      if (end < limit && !this.continuesName(end)) {
        this.nameEnd = end;
        return predicted;
      }
    }
    let c = source.charCodeAt(start);
    if (!(c < 128 && ASCII_NAME[c] === NAME_START)) return this.readAnyName(start, limit);
    let hash = c;
    let colon = -1;
    let i = start + 1;
    for (; i < limit; i++) {
      c = source.charCodeAt(i);
      if (c >= 128) return this.readAnyName(start, limit);
      const kind = ASCII_NAME[c];
      if (kind === 0) break;
      if (kind === NAME_COLON) {
        if (colon >= 0 || this.localPartStartsBadly(i + 1)) this.fail('a malformed qualified name', i);
        colon = i;
      }
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    return this.name(start, i, colon, hash, limit);
  }

  /** readName for names with characters beyond ASCII (and for errors). */
  private readAnyName(start: number, limit: number): CachedName | undefined {
    const source = this.source;
    let hash = 0;
    let colon = -1;
    let i = start;
    for (; i < limit; i++) {
      const c = source.charCodeAt(i);
      if (c < 128) {
        const kind = ASCII_NAME[c];
        if (kind === 0) break;
        if (i === start && kind !== NAME_START) this.fail(kind === NAME_COLON ? 'a malformed qualified name' : 'a name may not start with this character', i);
        if (kind === NAME_COLON) {
          if (colon >= 0 || this.localPartStartsBadly(i + 1)) this.fail('a malformed qualified name', i);
          colon = i;
        }
      } else if (c >= 0xd800 && c <= 0xdb7f) {
        // U+10000–U+EFFFF, as a surrogate pair
        if (i + 1 === limit) {
          if (limit === source.length) return undefined;
          this.fail('half a surrogate pair (not a character)', i);
        }
        const low = source.charCodeAt(i + 1);
        if (!(low >= 0xdc00 && low <= 0xdfff)) this.fail('half a surrogate pair (not a character)', i);
        hash = (Math.imul(hash, 31) + c) | 0;
        i++;
        hash = (Math.imul(hash, 31) + low) | 0;
        continue;
      } else if (!(i === start ? isNameStartBeyondAscii(c) : isNameBeyondAscii(c))) {
        if (i === start) this.fail('a name may not start with this character', i);
        break;
      }
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    if (i === start && i < limit) return this.fail('a name is expected here', i);
    return this.name(start, i, colon, hash, limit);
  }

  /**
   * Whether the character after a colon continues a name but cannot start one (a digit, "-",
   * ".", a combining mark): the local part must be an NCName (Namespaces in XML 1.0 §3).
   */
  private localPartStartsBadly(at: number): boolean {
    const c = this.source.charCodeAt(at);
    return c < 128 ? ASCII_NAME[c] === NAME_PART : isNameBeyondAscii(c) && !isNameStartBeyondAscii(c);
  }

  /** The name in [start, end), from the cache when it has been seen before. */
  private name(start: number, end: number, colon: number, hash: number, limit: number): CachedName | undefined {
    const source = this.source;
    if (end - start > MAX_NAME_LENGTH) this.fail(`a name longer than ${MAX_NAME_LENGTH} characters`, start, 'limit');
    if (end === limit && limit === source.length) return undefined;
    if (colon === end - 1) this.fail('a malformed qualified name', colon);
    this.nameEnd = end;
    const length = end - start;
    const slot = hash & (NAME_CACHE_SIZE - 1);
    const cached = names[slot];
    if (cached !== undefined && cached.qname.length === length && this.nameAt(cached.qname, start)) return cached;
    const qname = intern(source.slice(start, end));
    const prefix = colon < 0 ? '' : intern(qname.slice(0, colon - start));
    const name: CachedName = { qname, prefix, local: colon < 0 ? qname : intern(qname.slice(colon - start + 1)), nextElement: undefined, nextInTag: undefined };
    if (length <= NAME_CACHE_LONGEST) names[slot] = name;
    return name;
  }

  // -------------------------------------------------------------------------------------------
  // Tags

  private tooManyAttributes(at: number): never {
    return this.fail(`an element has more than ${this.maxAttributes} attributes`, at, 'limit');
  }

  /**
   * A start tag from `lt`: returns the index after it, or -1 when the text ends inside it. Then
   * it keeps its progress, and `fresh` false continues from there: each part is read once
   * (a name is read again from its start), so a long tag arriving in many chunks costs no more
   * than in one, and gives the same errors at the same places.
   */
  private startTag(lt: number, fresh: boolean): number {
    const source = this.source;
    const length = source.length;
    const tag = this.tag;
    if (fresh) {
      if (this.depth === 0 && this.sawRoot && !this.fragment) this.fail('a second root element', lt);
      this.tagStep = T_NAME;
      this.tagAt = lt + 1;
      this.tagCount = 0;
      this.tagSpaced = false;
    }
    let step = this.tagStep;
    let i = this.tagAt;
    let spaced = this.tagSpaced;
    let count = this.tagCount;
    let name = this.tagName;
    let attribute = this.tagAttribute;
    for (;;) {
      let c = 0;
      switch (step) {
        case T_NAME:
          name = this.readName(i, length, this.lastElement?.nextElement);
          if (name === undefined) break;
          i = this.nameEnd;
          step = T_SPACE;
          spaced = false;
          continue;
        case T_SPACE:
          while (i < length && isSpace((c = source.charCodeAt(i)))) {
            spaced = true;
            i++;
          }
          if (i >= length) break;
          if (c === GT) return this.startTagRead(name as CachedName, count, lt, i + 1, false);
          if (c === SLASH) {
            step = T_SLASH;
            i++;
            continue;
          }
          if (!spaced) this.fail(count === 0 ? 'a character not allowed in a name' : 'attributes must be separated by whitespace', i);
          step = T_ATTRIBUTE;
          continue;
        case T_SLASH:
          if (i >= length) break;
          if (source.charCodeAt(i) !== GT) this.fail('"/" in a start tag must be followed by ">"', i - 1);
          return this.startTagRead(name as CachedName, count, lt, i + 1, true);
        case T_ATTRIBUTE: {
          const previous = count === 0 ? (name as CachedName) : (tag.attributeNames[count - 1] as CachedName);
          attribute = this.readName(i, length, previous.nextInTag);
          if (attribute === undefined) break;
          previous.nextInTag = attribute;
          i = this.nameEnd;
          step = T_EQUALS;
          continue;
        }
        case T_EQUALS:
          while (i < length && isSpace((c = source.charCodeAt(i)))) i++;
          if (i >= length) break;
          if (c !== EQUALS) this.fail(`the attribute ${(attribute as CachedName).qname} has no value`, i);
          i++;
          step = T_QUOTE;
          continue;
        case T_QUOTE:
          while (i < length && isSpace((c = source.charCodeAt(i)))) i++;
          if (i >= length) break;
          if (c !== DQUOTE && c !== SQUOTE) this.fail('an attribute value must be quoted', i);
          this.tagQuote = c;
          this.tagValueStart = ++i;
          step = T_VALUE;
          continue;
        case T_VALUE: {
          const close = source.indexOf(this.tagQuote === DQUOTE ? '"' : "'", i);
          if (close < 0) {
            i = length;
            break;
          }
          const valueStart = this.tagValueStart;
          if (++count > this.maxAttributes) this.tooManyAttributes(valueStart - 1);
          tag.attributeNames[count - 1] = attribute as CachedName;
          tag.valueStarts[count - 1] = valueStart;
          tag.valueEnds[count - 1] = close;
          tag.attributeValues[count - 1] = this.attributeValue(valueStart, close);
          i = close + 1;
          step = T_SPACE;
          spaced = false;
          continue;
        }
      }
      // the text ends inside the tag: keep its progress
      this.tagStep = step;
      this.tagAt = i;
      this.tagSpaced = spaced;
      this.tagCount = count;
      this.tagName = name;
      this.tagAttribute = attribute;
      return -1;
    }
  }

  /** Positions in an unfinished start tag, when `count` characters before it are dropped. */
  private shiftTag(count: number): void {
    this.tagAt -= count;
    this.tagValueStart -= count;
    const tag = this.tag;
    for (let k = 0; k < this.tagCount; k++) {
      tag.valueStarts[k] = (tag.valueStarts[k] as number) - count;
      tag.valueEnds[k] = (tag.valueEnds[k] as number) - count;
    }
  }

  /** A start tag read in full: reports it (and its end, for an empty-element tag). */
  private startTagRead(name: CachedName, count: number, lt: number, end: number, selfClosing: boolean): number {
    this.tag.attributeCount = count;
    this.tagName = undefined;
    this.tagAttribute = undefined;
    if (this.lastElement !== undefined) this.lastElement.nextElement = name;
    this.lastElement = name;
    this.openElement(name, lt);
    this.handler.startElement(this.tag);
    if (selfClosing) this.closeElement();
    return end;
  }

  /**
   * An attribute value in [start, end): checked, references resolved, whitespace normalised to
   * spaces (XML 1.0 §3.3.3, after §2.11's line ends). Undefined when the raw text is the value.
   */
  private attributeValue(start: number, end: number): string | undefined {
    const source = this.source;
    let output: string | undefined;
    let run = start;
    let i = start;
    while (i < end) {
      const c = source.charCodeAt(i);
      if (c > LT ? c < 0xd800 || (c >= 0xe000 && c < 0xfffe) : c >= SPACE && c !== AMP && c !== LT) {
        i++;
        continue;
      }
      if (c === AMP) {
        this.referenceState = REF_START;
        const next = this.continueReference(i + 1, end);
        if (next < 0) this.fail('a reference is not terminated by ";"', end);
        output = (output ?? '') + source.slice(run, i) + this.referenceText;
        run = i = next;
      } else if (c === LT) {
        this.fail('"<" is not allowed in an attribute value', i);
      } else if (c === TAB || c === LF || c === CR) {
        output = (output ?? '') + source.slice(run, i) + ' ';
        i += c === CR && source.charCodeAt(i + 1) === LF ? 2 : 1;
        run = i;
      } else {
        i = this.surrogatePair(i, end, true, c);
      }
    }
    return output === undefined ? undefined : output + source.slice(run, end);
  }

  /** Applies the start tag's namespace declarations, resolves its names and checks its attributes. */
  private openElement(name: QName, lt: number): void {
    if (this.depth >= this.maxDepth) this.fail(`elements are nested more than ${this.maxDepth} deep`, lt, 'limit');
    const tag = this.tag;
    const count = tag.attributeCount;
    tag.source = this.source;
    this.bindingMarks[this.depth] = this.bindingCount;
    for (let k = 0; k < count; k++) {
      const attribute = tag.attributeNames[k] as QName;
      if (attribute.prefix === 'xmlns') this.declare(attribute.local, tag.value(k), lt);
      else if (attribute.qname === 'xmlns') this.declare('', tag.value(k), lt);
    }
    if (name.prefix === 'xmlns') this.fail('an element may not have the prefix "xmlns"', lt);
    const uri = this.lookupNamespace(name.prefix);
    if (uri === undefined) this.fail(`the prefix "${name.prefix}" is not declared`, lt);
    tag.name = name.qname;
    tag.prefix = name.prefix;
    tag.local = name.local;
    tag.uri = uri;
    for (let k = 0; k < count; k++) {
      const attribute = tag.attributeNames[k] as QName;
      let attributeUri = '';
      if (attribute.prefix !== '') {
        const bound = this.lookupNamespace(attribute.prefix);
        if (bound === undefined) this.fail(`the prefix "${attribute.prefix}" is not declared`, lt);
        attributeUri = bound;
      } else if (attribute.qname === 'xmlns') {
        attributeUri = XMLNS_NAMESPACE;
      }
      tag.attributeUris[k] = attributeUri;
    }
    if (count > 1) this.checkUnique(count, lt);
    this.openNames[this.depth] = name;
    this.depth++;
    this.sawRoot = true;
  }

  /**
   * No attribute may appear twice, by qualified name (XML 1.0 §3.1, WFC: Unique Att Spec) nor by
   * namespace and local name (Namespaces in XML 1.0 §6.3). A few attributes are compared pairwise;
   * many (an attribute bomb without a limit) through a set.
   */
  private checkUnique(count: number, lt: number): void {
    const tag = this.tag;
    const names = tag.attributeNames as readonly QName[];
    const uris = tag.attributeUris as readonly string[];
    if (count <= 16) {
      for (let k = 1; k < count; k++) {
        const name = names[k] as QName;
        for (let j = 0; j < k; j++) {
          const other = names[j] as QName;
          if (other.qname === name.qname || (uris[k] !== '' && other.local === name.local && uris[j] === uris[k])) this.fail(`the attribute ${name.qname} appears twice`, lt);
        }
      }
      return;
    }
    const seen = new Set<string>();
    for (let k = 0; k < count; k++) {
      const name = names[k] as QName;
      const expanded = uris[k] === '' ? name.qname : `{${uris[k]}}${name.local}`;
      if (seen.has(expanded) || seen.has(name.qname)) this.fail(`the attribute ${name.qname} appears twice`, lt);
      seen.add(expanded);
      seen.add(name.qname);
    }
  }

  /** Binds `prefix` ('' for the default namespace) within the element being opened. */
  private declare(prefix: string, uri: string, at: number): void {
    if (prefix === 'xmlns') this.fail('the prefix "xmlns" may not be declared', at);
    if (prefix === 'xml' ? uri !== XML_NAMESPACE : uri === XML_NAMESPACE) this.fail(`only the prefix "xml" is bound to ${XML_NAMESPACE}`, at);
    if (uri === XMLNS_NAMESPACE) this.fail(`no prefix may be bound to ${XMLNS_NAMESPACE}`, at);
    if (uri === '' && prefix !== '') this.fail(`xmlns:${prefix}="" cannot undeclare a prefix in XML 1.0`, at);
    this.boundPrefixes[this.bindingCount] = prefix;
    this.boundUris[this.bindingCount] = uri;
    this.bindingCount++;
  }

  /** An end tag from `lt`, whose ">" is known to be in the buffer. */
  private endTag(lt: number): number {
    const source = this.source;
    if (this.depth === 0) this.fail('an end tag without a start tag', lt);
    const open = this.openNames[this.depth - 1] as QName;
    let i: number;
    if (this.nameAt(open.qname, lt + 2) && !this.continuesName(lt + 2 + open.qname.length)) {
      i = lt + 2 + open.qname.length;
    } else {
      const name = this.readName(lt + 2, source.length, undefined);
      this.fail(`the end tag </${name?.qname ?? ''}> does not match <${open.qname}>`, lt);
    }
    while (isSpace(source.charCodeAt(i))) i++;
    if (source.charCodeAt(i) !== GT) this.fail('a malformed end tag', i);
    this.closeElement();
    return i + 1;
  }

  /** Whether `name` is written at `at` (a loop, not startsWith: names are short, and this is per tag). */
  private nameAt(name: string, at: number): boolean {
    const source = this.source;
    const length = name.length;
    if (at + length > source.length) return false;
    for (let k = 0; k < length; k++) if (source.charCodeAt(at + k) !== name.charCodeAt(k)) return false;
    return true;
  }

  private continuesName(i: number): boolean {
    const c = this.source.charCodeAt(i);
    return c < 128 ? ASCII_NAME[c] !== 0 : isNameBeyondAscii(c) || (c >= 0xd800 && c <= 0xdfff);
  }

  private closeElement(): void {
    this.handler.endElement();
    this.depth--;
    this.bindingCount = this.bindingMarks[this.depth] as number;
  }

  // -------------------------------------------------------------------------------------------
  // Errors

  private fail(message: string, at: number, problem: XmlProblem = 'malformed'): never {
    this.ended = true;
    const source = this.source;
    let line = this.droppedLines + 1;
    let lineStart = -1;
    for (let k = source.indexOf('\n'); k >= 0 && k < at; k = source.indexOf('\n', k + 1)) {
      line++;
      lineStart = k;
    }
    const column = lineStart < 0 ? this.droppedColumn + at + 1 : at - lineStart;
    throw new XmlError(message, problem, line, column);
  }

  /** Counts the lines of text about to be dropped from the buffer, for error positions. */
  private drop(count: number): void {
    const source = this.source;
    let lastLineEnd = -1;
    for (let k = source.indexOf('\n'); k >= 0 && k < count; k = source.indexOf('\n', k + 1)) {
      this.droppedLines++;
      lastLineEnd = k;
    }
    this.droppedColumn = lastLineEnd < 0 ? this.droppedColumn + count : count - lastLineEnd - 1;
  }
}
