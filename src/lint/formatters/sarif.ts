import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Formatter } from './types.js';

/** SARIF 2.1.0, the format code-scanning services read: one run, the rule registry as the driver's rules. */
export const sarif: Formatter = (result, { rules, version }) => {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.name, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'backlog',
            version,
            rules: rules.map((rule) => ({
              id: rule.name,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: rule.defaultSeverity },
              properties: { tags: rule.tags },
            })),
          },
        },
        results: result.problems.map((problem) => ({
          ruleId: problem.rule,
          ...(ruleIndex.has(problem.rule) ? { ruleIndex: ruleIndex.get(problem.rule) } : {}),
          level: problem.severity,
          message: { text: problem.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(problem.file) },
                region: { startLine: problem.line, startColumn: problem.column },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** Relative paths stay relative (code scanning resolves them against the checkout); absolute ones become file URLs. */
function fileUri(file: string): string {
  return path.isAbsolute(file) ? pathToFileURL(file).href : file.split('/').map(encodeURIComponent).join('/');
}
