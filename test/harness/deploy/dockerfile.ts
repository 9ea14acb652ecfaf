import { readFileSync } from 'node:fs';

export interface DockerInstruction {
  keyword: string;
  arguments: string;
}

export interface DockerStage {
  name: string;
  from: string;
  instructions: DockerInstruction[];
}

/**
 * The stages of a Dockerfile and their instructions, with comments dropped and continued lines
 * joined: enough to compare what it runs with the documented commands.
 */
export function readDockerfile(path: string): DockerStage[] {
  const lines = readFileSync(path, 'utf8')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: DockerStage[] = [];
  for (const line of lines) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), arguments: rest };
    if (instruction.keyword === 'FROM') {
      const [, from = '', name = ''] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest) ?? [];
      stages.push({ name, from, instructions: [] });
    } else if (stages.length > 0) {
      stages.at(-1)!.instructions.push(instruction);
    }
  }
  return stages;
}

/** The arguments of every instruction with this keyword in the stage. */
export const argumentsOf = (stage: DockerStage, keyword: string): string[] =>
  stage.instructions
    .filter((instruction) => instruction.keyword === keyword)
    .map((instruction) => instruction.arguments);
