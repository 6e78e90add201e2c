import { WsdlError } from '../errors.js';

/**
 * A mistake in a configuration file: it names the file, line and column, and the key path. It is
 * bad input like a broken WSDL (a WsdlError), so each command ends with its bad-input exit code.
 */
export class ConfigError extends WsdlError {}
