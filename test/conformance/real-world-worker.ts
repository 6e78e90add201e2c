/**
 * Generates one real-world WSDL in a process of its own, so that its wall time and peak memory
 * (process.resourceUsage().maxRSS) are its own: `tsx real-world-worker.ts <name> <outputDir> <strict|lenient>`.
 * Prints one line of JSON: a WorkerReport (see real-world-generate.ts).
 */
import { generateRealWorld } from './real-world-generate.js';

const [name, outputDir, mode] = process.argv.slice(2);
process.stdout.write(`${JSON.stringify(await generateRealWorld(name!, outputDir!, mode === 'strict' ? 'strict' : 'lenient'))}\n`);
