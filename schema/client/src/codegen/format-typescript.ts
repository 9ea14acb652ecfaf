import { format, resolveConfig } from 'prettier';

/** Formats generated TypeScript with the repository's prettier settings, so `prettier --check` passes it. */
export async function formatTypeScript(source: string, filePath: string): Promise<string> {
  const options = await resolveConfig(filePath);
  return format(source, { ...options, filepath: filePath });
}
