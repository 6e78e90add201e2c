/** A bug (an error that is neither wrong usage nor bad input) is reported as one, with exit code 70. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

vi.mock('../../src/inputs.js', () => ({ findInputs: () => [], isUrl: () => false }));
vi.mock('../../src/generate.js', () => ({
  generateAsync: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'name')")),
}));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an internal error', () => {
  it('exits 70 and asks for a report, with the stack', async () => {
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });

    await expect(main(['generate', 'any.wsdl'])).resolves.toBe(70);

    expect(stderr).toMatch(
      /^internal error in wsdl-agents \d+\.\d+\.\d+: this is a bug; please report it, with what follows, at https:\/\/github\.com\/wsdl-agents\/wsdl-agents\/issues\nTypeError: Cannot read properties of undefined \(reading 'name'\)\n {4}at /,
    );
  });
});
