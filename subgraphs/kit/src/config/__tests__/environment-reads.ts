import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const ENV_NAME = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** The TypeScript the services run (gateway, subgraphs, scripts), without tests and test helpers. */
export function serviceSources(root: string): string[] {
  const subgraphs = readdirSync(join(root, 'subgraphs')).map((name) => join('subgraphs', name, 'src'));
  return ['gateway/src', 'scripts', ...subgraphs]
    .map((folder) => join(root, folder))
    .filter((folder) => existsSync(folder))
    .flatMap(sourcesUnder);
}

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      return ['node_modules', '__tests__', 'testing'].includes(entry.name) ? [] : sourcesUnder(path);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * The environment variables the given sources read, found in their syntax trees rather than by
 * matching text: the keys of every zod schema built with `z.object(...)` or read with `readEnvironment(...)` (including shapes it
 * is given by name or spreads, and `${prefix}_PORT` keys expanded with every subgraph's
 * `envPrefix`), and every `env.NAME` / `process.env.NAME` / `env['NAME']` read.
 */
export function environmentVariablesRead(files: string[]): Set<string> {
  const trees = files.map((file) =>
    ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
  );
  const read = new Set<string>();
  const prefixes = new Set<string>();
  const schemaLiterals: ts.ObjectLiteralExpression[] = [];
  const shapeNames = new Set<string>();
  const shapeInitializers = new Map<string, ts.ObjectLiteralExpression>();
  const prefixedSuffixes = new Set<string>();

  const visit = (node: ts.Node): void => {
    if (isZodObjectCall(node)) {
      const [shape] = node.arguments;
      if (shape && ts.isObjectLiteralExpression(shape)) schemaLiterals.push(shape);
      if (shape && ts.isIdentifier(shape)) shapeNames.add(shape.text);
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      if (ts.isObjectLiteralExpression(node.initializer)) shapeInitializers.set(node.name.text, node.initializer);
    }
    if (ts.isPropertyAssignment(node) && propertyName(node.name) === 'envPrefix') {
      if (ts.isStringLiteral(node.initializer)) prefixes.add(node.initializer.text);
    }
    const name = environmentRead(node);
    if (name) read.add(name);
    ts.forEachChild(node, visit);
  };
  trees.forEach(visit);

  const collectKeys = (literal: ts.ObjectLiteralExpression): void => {
    for (const property of literal.properties) {
      if (ts.isSpreadAssignment(property) && ts.isIdentifier(property.expression)) {
        const spread = shapeInitializers.get(property.expression.text);
        if (spread) collectKeys(spread);
        continue;
      }
      if (!property.name) continue;
      const key = propertyName(property.name);
      if (key && ENV_NAME.test(key)) read.add(key);
      const suffix = prefixedKeySuffix(property.name);
      if (suffix) prefixedSuffixes.add(suffix);
    }
  };
  schemaLiterals.forEach(collectKeys);
  for (const name of shapeNames) {
    const shape = shapeInitializers.get(name);
    if (shape) collectKeys(shape);
  }
  for (const suffix of prefixedSuffixes) for (const prefix of prefixes) read.add(`${prefix}${suffix}`);
  return read;
}

/** `z.object(...)`. */
/** `z.object(shape)`, or `readEnvironment(shape, …)`, which reads a shape through it. */
function isZodObjectCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node)) return false;
  if (ts.isIdentifier(node.expression)) return node.expression.text === 'readEnvironment';
  return (
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'object' &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === 'z'
  );
}

/** `NAME` of `env.NAME`, `env?.NAME`, `process.env.NAME` or `env['NAME']`. */
function environmentRead(node: ts.Node): string | undefined {
  const isEnv = (expression: ts.Expression) =>
    (ts.isIdentifier(expression) && expression.text === 'env') ||
    (ts.isPropertyAccessExpression(expression) && expression.name.text === 'env');
  if (ts.isPropertyAccessExpression(node) && isEnv(node.expression) && ENV_NAME.test(node.name.text)) {
    return node.name.text;
  }
  if (ts.isElementAccessExpression(node) && isEnv(node.expression)) {
    const argument = node.argumentExpression;
    if (ts.isStringLiteralLike(argument) && ENV_NAME.test(argument.text)) return argument.text;
  }
  return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) ? name.text : undefined;
}

/** `_PORT` of a computed key `` [`${prefix}_PORT`] ``. */
function prefixedKeySuffix(name: ts.PropertyName): string | undefined {
  if (!ts.isComputedPropertyName(name) || !ts.isTemplateExpression(name.expression)) return undefined;
  const { head, templateSpans } = name.expression;
  const suffix = templateSpans[0]?.literal.text;
  return head.text === '' && templateSpans.length === 1 && suffix && ENV_NAME.test(`X${suffix}`) ? suffix : undefined;
}
