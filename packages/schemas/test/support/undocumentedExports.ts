import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// The check behind every package's publicDocs test: TSDoc on every export of a public entry (the project's standard).
// Shared from schemas, the package every other one depends on, as the README runner is.

/**
 * Per public entry of the package whose directory is `packageUrl` (each `exports` path of its package.json with an
 * `@banli/source` file), the names it exports without TSDoc, sorted: no comment and no tag on what the name stands
 * for (aliases followed to their declaration), nor, for `export * as name`, on the export statement. The program is
 * built with the options of the package's tsconfig.json.
 */
export function undocumentedExports(packageUrl: URL): Record<string, string[]> {
  const packageDir = fileURLToPath(packageUrl);
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { '@banli/source'?: string }>;
  };
  const entries = Object.entries(pkg.exports).flatMap(([path, target]) =>
    typeof target === 'object' && target['@banli/source'] ? [[path, join(packageDir, target['@banli/source'])]] : [],
  );
  const tsconfig = join(packageDir, 'tsconfig.json');
  const { options } = ts.parseJsonConfigFileContent(
    ts.readConfigFile(tsconfig, ts.sys.readFile).config,
    ts.sys,
    packageDir,
  );
  const program = ts.createProgram(
    entries.map(([, file]) => file as string),
    options,
  );
  const checker = program.getTypeChecker();
  const out: Record<string, string[]> = {};
  for (const [path = '', file = ''] of entries) {
    const source = program.getSourceFile(file);
    const module = source && checker.getSymbolAtLocation(source);
    if (module === undefined) throw new Error(`no module at ${file}`);
    const missing: string[] = [];
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const documented =
        symbol.getDocumentationComment(checker).length > 0 ||
        symbol.getJsDocTags(checker).length > 0 ||
        (exported.declarations ?? []).some((d) => ts.isNamespaceExport(d) && hasDocComment(d.parent));
      if (!documented) missing.push(exported.name);
    }
    out[path] = missing.sort();
  }
  return out;
}

/** Whether a statement has a TSDoc comment (`/** … *\/`) before it. */
function hasDocComment(statement: ts.Node): boolean {
  const text = statement.getSourceFile().text;
  return (ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? []).some((c) => text.startsWith('/**', c.pos));
}
