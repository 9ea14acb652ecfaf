import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import GithubSlugger from 'github-slugger';
import MarkdownIt from 'markdown-it';

/** One link of a Markdown page: where it points, and the line it is on (1-based). */
export interface MarkdownLink {
  target: string;
  line: number;
}

const markdown = new MarkdownIt();
type Token = ReturnType<typeof markdown.parse>[number];

const parse = (root: string, page: string) => markdown.parse(readFileSync(resolve(root, page), 'utf8'), {});

/** A scheme (`https:`, `mailto:`) marks a link that leaves the repository on purpose. */
const hasScheme = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** Where a link or an image token keeps its target. */
const TARGET_ATTRIBUTE: Readonly<Record<string, string>> = { link_open: 'href', image: 'src' };

/** Every link and image of the page, as written (code blocks and inline code hold none). */
export function linksIn(root: string, page: string): MarkdownLink[] {
  const lines = readFileSync(resolve(root, page), 'utf8').split('\n');
  // Table cells carry no line map: the first line naming the target stands in.
  const lineOf = (target: string, block: Token) =>
    (block.map?.[0] ?? lines.findIndex((text) => text.includes(`](${target}`))) + 1;
  const links: MarkdownLink[] = [];
  for (const block of parse(root, page)) {
    for (const token of block.children ?? []) {
      const attribute = TARGET_ATTRIBUTE[token.type];
      const value = attribute === undefined ? null : token.attrGet(attribute);
      if (value !== null) links.push({ target: String(value), line: lineOf(String(value), block) });
    }
  }
  return links;
}

/** The anchors GitHub gives the page's headings: their text, slugged, numbered when repeated. */
export function headingAnchorsOf(root: string, page: string): Set<string> {
  const slugger = new GithubSlugger();
  const tokens = parse(root, page);
  const anchors = new Set<string>();
  tokens.forEach((token, index) => {
    if (token.type === 'heading_open') anchors.add(slugger.slug(plainText(tokens[index + 1])));
  });
  return anchors;
}

const plainText = (inline: Token | undefined) =>
  (inline?.children ?? [])
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('');

/** Each link of the page that leads nowhere, as `page:line target: why`; empty when all resolve. */
export function brokenLinksIn(root: string, page: string): string[] {
  return linksIn(root, page).flatMap(({ target, line }) => {
    const problem = problemWith(root, page, target);
    return problem ? [`${page}:${line} ${target}: ${problem}`] : [];
  });
}

function problemWith(root: string, page: string, target: string): string | undefined {
  if (hasScheme(target)) return target.startsWith('file:') ? 'a local file, not in the repository' : undefined;
  const [encodedPath = '', anchor] = target.split('#', 2);
  const path = decodeURI(encodedPath);
  if (isAbsolute(path)) return 'an absolute path: link relative to the page';
  const file = path === '' ? resolve(root, page) : resolve(root, dirname(page), path);
  const inRepository = relative(root, file);
  if (inRepository.startsWith(`..${sep}`) || inRepository === '..') return 'outside the repository';
  if (!existsSync(file)) return 'no such file';
  if (anchor === undefined) return undefined;
  if (!file.endsWith('.md')) return 'an anchor into a file that is not Markdown';
  const anchors = headingAnchorsOf(root, inRepository);
  return anchors.has(decodeURIComponent(anchor)) ? undefined : `no heading with the anchor #${anchor}`;
}
