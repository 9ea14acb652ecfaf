import { relative, resolve } from 'node:path';
import ts from 'typescript';

const PACKAGE_DIR = resolve(__dirname, '../..');

function compilerOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(resolve(PACKAGE_DIR, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('no tsconfig.json in schema/client');
  return parsed.options;
}

// Unchanged files are parsed once for all calls, and each program starts from the last one.
const parsed = new Map<string, ts.SourceFile>();
let previous: ts.Program | undefined;

/**
 * The type errors `tsc` reports for `rootFile` (as `path:line: message`, relative to this package)
 * when one file of the package has other content: what check:types would say after that edit.
 */
export function typeErrorsWith(rootFile: string, replaced: { path: string; content: string }): string[] {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (resolve(file) === replaced.path ? replaced.content : readFile(file));
  host.getSourceFile = (file, languageVersion, ...rest) => {
    if (resolve(file) === replaced.path) return ts.createSourceFile(file, replaced.content, languageVersion);
    const sourceFile = parsed.get(file) ?? getSourceFile(file, languageVersion, ...rest);
    if (sourceFile) parsed.set(file, sourceFile);
    return sourceFile;
  };
  const program = ts.createProgram({ rootNames: [rootFile], options, host, oldProgram: previous });
  previous = program;
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${relative(PACKAGE_DIR, diagnostic.file.fileName)}:${line + 1}: ${message}`;
  });
}
