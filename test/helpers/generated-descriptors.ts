/** The agent descriptors of generated/Services86, by their exported names (`DiagnosticsAgent$`). */
import type { AgentDesc } from '../../generated/runtime/index.js';
import * as blob from '../../generated/Services86/descriptors/BLOB.js';
import * as configuration from '../../generated/Services86/descriptors/Configuration.js';
import * as diagnostics from '../../generated/Services86/descriptors/Diagnostics.js';
import * as preference from '../../generated/Services86/descriptors/Preference.js';

export const AGENT_DESCRIPTORS: Readonly<Record<string, AgentDesc>> = { ...blob, ...configuration, ...diagnostics, ...preference };
