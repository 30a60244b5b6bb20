import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { tsBlocks } from '../../../packages/schemas/test/support/readmeExample.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

// The subcommand example is a file of src/commands (it would add a command if it ran), so it is type-checked there
// with the app's own options instead: a wrong name, field or import in it fails here.
it('should type-check its subcommand example as a file in src/commands', () => {
  const [code = '', ...rest] = tsBlocks(readme, '## Adding a subcommand');
  expect(rest).toEqual([]);
  const file = fileURLToPath(new URL('../src/commands/readmeExample.ts', import.meta.url));
  const dir = fileURLToPath(new URL('..', import.meta.url));
  const config = ts.readConfigFile(`${dir}tsconfig.json`, ts.sys.readFile).config;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, dir);
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...more) =>
    name === file ? ts.createSourceFile(name, code, language) : read(name, language, ...more);
  const program = ts.createProgram([file], options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(file));
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
}, 300_000);
