import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { AgencyNames } from './agency-names';

/** The templates a new subgraph is stamped from: `package/` becomes subgraphs/<name>/, e2e.ts.tmpl its e2e test. */
export const TEMPLATES_DIR = resolve(__dirname, '../templates/subgraph');

export type TemplateValues = AgencyNames & { title: string; port: string; migrationTimestamp: string };

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

/** `{{key}}` in contents, and `__key__` in paths for the keys the values hold (not `__tests__`). */
function substitute(text: string, values: TemplateValues, pattern: RegExp, where: string): string {
  return text.replace(pattern, (token, key: string) => {
    const value = (values as unknown as Record<string, string | undefined>)[key];
    if (value === undefined)
      throw new Error(`${where}: the template names ${token}, which the generator does not know`);
    return value;
  });
}

const pathToken = (values: TemplateValues) => new RegExp(`__(${Object.keys(values).join('|')})__`, 'g');

/** Every file a new subgraph starts with, rendered: repository-relative path → contents. */
export function renderTemplates(values: TemplateValues): Map<string, string> {
  const rendered = new Map<string, string>();
  const targets: [string, string][] = [
    ...filesUnder(join(TEMPLATES_DIR, 'package')).map((file): [string, string] => [
      file,
      join('subgraphs', '__name__', relative(join(TEMPLATES_DIR, 'package'), file)),
    ]),
    [join(TEMPLATES_DIR, 'e2e.ts.tmpl'), join('test', '__name__.e2e.ts.tmpl')],
  ];
  for (const [template, target] of targets) {
    if (!target.endsWith('.tmpl')) throw new Error(`${template}: templates end in .tmpl`);
    const where = relative(TEMPLATES_DIR, template);
    const path = substitute(target.slice(0, -'.tmpl'.length), values, pathToken(values), where);
    rendered.set(path, substitute(readFileSync(template, 'utf8'), values, /\{\{(\w+)\}\}/g, where));
  }
  return rendered;
}
