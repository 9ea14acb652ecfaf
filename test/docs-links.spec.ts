import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenLinksIn, linksIn } from './docs/markdown-links';

/**
 * The README and every page of docs/ link to files that exist and to headings that exist, and
 * never outside the repository: a reader of a fresh clone has nothing else.
 */
const ROOT = resolve(__dirname, '..');
const pages = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

describe('links in README.md and docs/', () => {
  it('are found: the pages link to each other', () => {
    // Guards the scanner: were it to find no links, every check below would pass vacuously.
    const fromReadme = linksIn(ROOT, 'README.md').map((link) => link.target);
    expect(fromReadme).toEqual(expect.arrayContaining(['docs/README.md', 'docs/glossary.md']));
    expect(pages.length).toBeGreaterThan(10);
  });

  it.each(pages)('in %s each resolve to a file in the repository and to a heading there', (page) => {
    expect(brokenLinksIn(ROOT, page)).toEqual([]);
  });

  it.each(pages)('in %s never name a local file outside the repository, linked or not', (page) => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    const outside = /file:\/\/\S*|(?:\.\.\/)+shared\/\S*|\/work\/\S*|\/home\/\S*|\/tmp\/\S*/g;
    expect(text.match(outside) ?? []).toEqual([]);
  });

  it('reach every page of docs/ from the README', () => {
    const reached = new Set<string>();
    const visit = (page: string) => {
      if (reached.has(page) || !page.endsWith('.md') || !existsSync(join(ROOT, page))) return;
      if (statSync(join(ROOT, page)).isDirectory()) return;
      reached.add(page);
      for (const { target } of linksIn(ROOT, page)) {
        const path = target.split('#')[0]!;
        if (path !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(path)) {
          visit(relative(ROOT, resolve(ROOT, dirname(page), path)));
        }
      }
    };
    visit('README.md');
    expect(pages.filter((page) => !reached.has(page))).toEqual([]);
  });
});
