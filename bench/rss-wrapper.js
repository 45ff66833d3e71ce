// Runs a node script in this process and, when it exits, reports the process's peak resident set
// size on stderr: how run.js measures memory where /usr/bin/time is missing.
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
process.on('exit', () => process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(script).href);
