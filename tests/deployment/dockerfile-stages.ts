import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@wps/launcher';
import { DockerfileParser, type Copy, type Env } from 'dockerfile-ast';

export const DOCKERFILE_PATH = path.join(REPO_ROOT, 'Dockerfile');

export interface DockerInstruction {
  keyword: string;
  /** Arguments without flags (`COPY --from=x a b` → ["a", "b"]). */
  args: string[];
  /** The raw argument text (a RUN's shell command). */
  content: string;
  /** `--from` of a COPY. */
  from?: string;
}

export interface DockerStage {
  name: string;
  /** The base image, with the Dockerfile's ARG defaults substituted. */
  image: string;
  instructions: DockerInstruction[];
  /** What its ENV instructions set. */
  env: Record<string, string>;
}

/** The Dockerfile's stages in order, parsed with dockerfile-ast (the parser of the Docker language server). */
export function readDockerfileStages(file: string = DOCKERFILE_PATH): DockerStage[] {
  const dockerfile = DockerfileParser.parse(readFileSync(file, 'utf8'));
  const args = new Map(dockerfile.getInitialARGs().flatMap((arg) => {
    const property = arg.getProperty();
    return property ? [[property.getName(), property.getValue() ?? '']] : [];
  }));
  const substitute = (text: string) => text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_all, a: string | undefined, b: string | undefined) => args.get((a ?? b)!) ?? '');
  const stages: DockerStage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const from = dockerfile.getFROMs().find((candidate) => candidate.getRange().start.line === instruction.getRange().start.line)!;
      stages.push({ name: from.getBuildStage() ?? String(stages.length), image: substitute(from.getImage() ?? ''), instructions: [], env: {} });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) continue;
    if (keyword === 'ENV') for (const property of (instruction as Env).getProperties()) stage.env[property.getName()] = property.getValue() ?? '';
    const fromFlag = keyword === 'COPY' ? (instruction as Copy).getFromFlag()?.getValue() ?? undefined : undefined;
    stage.instructions.push({ keyword, args: instruction.getArguments().map((argument) => argument.getValue()), content: instruction.getArgumentsContent() ?? '', from: fromFlag });
  }
  return stages;
}

/** The WORKDIR a stage's relative paths are resolved against. */
function workdirOf(stage: DockerStage): string {
  return stage.instructions.filter((instruction) => instruction.keyword === 'WORKDIR').at(-1)?.args[0] ?? '/';
}

/**
 * Copy a file, or a folder's contents into a folder, keeping symlinks as they
 * are. GNU cp where there is one (several times faster on node_modules), else Node's cpSync.
 */
function copyPreservingLinks(source: string, target: string): void {
  const from = statSync(source).isDirectory() ? `${source}/.` : source;
  if (spawnSync('cp', ['-a', from, target]).status === 0) return;
  cpSync(source, target, { recursive: true, verbatimSymlinks: true });
}

/** Files matching a COPY source: a path, or a `*` pattern in its last segment. */
function expandSource(root: string, source: string): string[] {
  const full = path.join(root, source);
  const base = path.basename(full);
  if (!base.includes('*')) return [full];
  const pattern = new RegExp(`^${base.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return readdirSync(path.dirname(full)).filter((name) => pattern.test(name)).map((name) => path.join(path.dirname(full), name));
}

export interface ReplayOptions {
  /** Folder per replayed stage is created under this one. */
  workRoot: string;
  /** Stages that are not replayed but stood in for by a folder (`build` → the repository after `npm run build`). */
  standIns: Record<string, string>;
  /** Environment for RUN commands. */
  env: NodeJS.ProcessEnv;
}

/**
 * Replay a stage's COPY, WORKDIR and RUN on this machine (there is no Docker
 * engine here): each stage's filesystem under WORKDIR becomes a folder. COPY
 * copies a folder's contents, or a file into a folder ending in "/", keeping
 * symlinks as they are (npm's workspace links); `--from` reads a replayed
 * stage or a stand-in, with the source stage's WORKDIR stripped. Returns the
 * stage's folder. Refuses instructions it cannot replay faithfully.
 */
export function replayStage(stages: DockerStage[], name: string, options: ReplayOptions, replayed: Record<string, string> = {}): string {
  const stage = stages.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`no stage ${name} in the Dockerfile`);
  const workdir = workdirOf(stage);
  const root = path.join(options.workRoot, name);
  mkdirSync(root, { recursive: true });
  const sourceRoot = (from: string | undefined): { dir: string; workdir: string } => {
    if (from === undefined) return { dir: REPO_ROOT, workdir: '/' };
    const source = stages.find((candidate) => candidate.name === from);
    if (!source) throw new Error(`COPY --from=${from}: no such stage`);
    const dir = options.standIns[from] ?? (replayed[from] ??= replayStage(stages, from, options, replayed));
    return { dir, workdir: workdirOf(source) };
  };
  for (const instruction of stage.instructions) {
    switch (instruction.keyword) {
      case 'WORKDIR':
      case 'ENV':
      case 'USER':
      case 'CMD':
      case 'EXPOSE':
        break;
      case 'COPY': {
        const source = sourceRoot(instruction.from);
        const sources = instruction.args.slice(0, -1);
        const destination = instruction.args.at(-1)!;
        const destinationPath = path.join(root, path.relative(workdir, path.resolve(workdir, destination)));
        for (const pattern of sources) {
          const relative = path.relative(source.workdir, path.resolve(source.workdir, pattern));
          if (relative.startsWith('..')) throw new Error(`COPY ${pattern}: outside the source stage's WORKDIR, which this replay does not model`);
          const files = expandSource(source.dir, relative);
          if (files.length === 0 || files.some((file) => !existsSync(file))) throw new Error(`COPY ${pattern}: not found in ${instruction.from ?? 'the build context'}`);
          for (const file of files) {
            const target = statSync(file).isDirectory() ? destinationPath : destination.endsWith('/') || sources.length > 1 || files.length > 1 ? path.join(destinationPath, path.basename(file)) : destinationPath;
            mkdirSync(statSync(file).isDirectory() ? target : path.dirname(target), { recursive: true });
            copyPreservingLinks(file, target);
          }
        }
        break;
      }
      case 'RUN': {
        const run = spawnSync('sh', ['-c', instruction.content], { cwd: root, env: options.env, encoding: 'utf8', timeout: 300_000 });
        if (run.status !== 0) throw new Error(`RUN ${instruction.content} failed (${run.status}):\n${run.stderr}`);
        break;
      }
      default:
        throw new Error(`${instruction.keyword} in stage ${name}: not replayed here; teach replayStage what it does`);
    }
  }
  replayed[name] = root;
  return root;
}
