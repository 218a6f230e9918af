// The daemon's `docker build`: a Dockerfile's stages run instruction by
// instruction over the engine's own layers, containers and images.
//
// Both of Docker 28's builders are here, because a learner meets both:
// - the legacy builder (DOCKER_BUILDKIT=0, moby builder/dockerfile): every
//   instruction commits an intermediate image whose parent is the previous
//   one; RUN and metadata steps go through a real (visible) container; the
//   cache is "a child of this parent made with this container config", and
//   the first miss in a stage stops looking;
// - BuildKit (dockerfile2llb + the moby exporter): steps run in hidden
//   sandboxes, only the final image is stored, the cache is keyed by the
//   chain of operations (and file checksums for COPY/ADD), and only the
//   stages the target needs are built.
// Either way each instruction leaves a layer or a metadata-only history row
// exactly where that builder does.

import type { BuildCacheEntry, Daemon } from '../daemon.ts';
import { DaemonError } from '../errors/errors.ts';
import type { Fs } from '../fs/types.ts';
import { FsError } from '../fs/types.ts';
import { UnionFs } from '../fs/union.ts';
import type { HistoryEntry, ImageConfig, RunConfig } from '../image/config.ts';
import { rfc3339Nano, serializeImageConfig } from '../image/config.ts';
import { canonicalString, familiarString, parseReference, withDefaultTag, type Reference } from '../image/reference.ts';
import { lookupImage, type ImageRecord } from '../image/store.ts';
import { LayerTree } from '../layer/tree.ts';
import { Task } from '../runtime/task.ts';
import { DEFAULT_PATH } from '../runtime/resolve.ts';
import { isValidSignal } from '../runtime/process.ts';
import { EMPTY_INPUT } from '../runtime/namespace.ts';
import { UserLookupError, resolveUser } from '../runtime/users.ts';
import { processWord, processWords, type EscapeToken } from './lex.ts';
import { parse, type Instruction, type Stage } from './parser/index.ts';
import { goHealthcheck, goList, goQuoteList, nopCommand, nopCommandString, withBuildArgs } from './history.ts';
import { copyChecksum, copyInto, type CopyRequest } from './copy.ts';
import { openBuildContext, transferBytes, type TarNames } from './context.ts';
import { BuildError, type BuildEvent, type BuildListener, type BuildRequest } from './types.ts';

const DEFAULT_SHELL = ['/bin/sh', '-c'];
const DOCKER_VERSION = '28.2.2';
/** Build args every Dockerfile may use without declaring them (moby builtinAllowedBuildArgs). */
const BUILTIN_ARGS = new Set(['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy']);
/** Instructions that are BuildKit vertices (the `[n/m]` steps); the rest only change the config. */
const VERTEX_KINDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

/** The image a stage is building, step by step. */
interface StageState {
  index: number;
  name: string;
  /** Legacy: the image the last step made ('' on scratch before any step). */
  imageId: string;
  config: ImageConfig;
  chainIds: string[];
  /** BuildKit: the cache key of the operations so far. */
  cacheKey: string;
  /** Legacy: a cache miss happened in this stage, so later steps do not look. */
  busted: boolean;
  /** ARGs declared in this stage: their values (undefined: declared without one). */
  args: Map<string, string | undefined>;
  /** Whether this stage set CMD itself (an ENTRYPOINT then keeps it). */
  stageHasCmd?: boolean;
  /**
   * BuildKit: the environment of the stage's LLB state, which RUN gets and
   * words expand with: the image's Env, then ENV and ARG values in order
   * (an ARG after an ENV of the same name wins here, not in the image).
   */
  runEnv: Map<string, string>;
  /** BuildKit: the ARGs of the stage (and of the stage it builds on), in order: RUN's `|N K=v` (dockerfile2llb runCommandString). */
  declared: { key: string; value: string | undefined }[];
  /** BuildKit: the stage's own ONBUILD expressions (a stage built on it runs them). */
  onbuild: string[];
}

/** What BuildKit's cache keeps for an operation: the chain it ends with, its layer, and when that layer was made. */
type CacheEntry = BuildCacheEntry;

/** What a stage starts from. */
type BaseImage = {
  imageId: string;
  config: ImageConfig;
  chainIds: string[];
  /** BuildKit's FROM vertex text. */
  vertex: string;
  /** The cache key of the base. */
  key: string;
} & ({ kind: 'image' | 'scratch' } | { kind: 'stage'; stage: StageState });

/** A base image BuildKit pulled: kept by its cache, not in the image store. */
interface PulledBase {
  config: ImageConfig;
  chainIds: string[];
  digest: string;
  key: string;
}

/** The build args of one build: values given, declared, and used. */
class BuildArgs {
  readonly referenced = new Set<string>();
  readonly meta = new Map<string, string | undefined>();
  constructor(private readonly given: Record<string, string | null>, private readonly clientEnv: ReadonlyMap<string, string> = new Map()) {}

  /** The value an `ARG key[=default]` gets: the --build-arg one wins. */
  declare(key: string, def: string | undefined): string | undefined {
    this.referenced.add(key);
    if (Object.hasOwn(this.given, key)) {
      const v = this.given[key];
      if (v !== null && v !== undefined) return v;
      const fromEnv = this.clientEnv.get(key);
      if (fromEnv !== undefined) return fromEnv;
    }
    return def;
  }

  /** Predefined args given on the command line (proxies), usable without ARG. */
  builtins(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [k, v] of Object.entries(this.given)) if (BUILTIN_ARGS.has(k) && v !== null) out.set(k, v);
    return out;
  }

  unused(): string[] {
    return Object.keys(this.given)
      .filter((k) => !this.referenced.has(k) && !BUILTIN_ARGS.has(k))
      .sort();
  }
}

export class Builder {
  /** BuildKit's cache, by operation key. */
  /** BuildKit's pulled bases, by canonical reference. */
  private static readonly bases = new WeakMap<Daemon, Map<string, PulledBase>>();
  private readonly on: BuildListener;
  private readonly legacy: boolean;
  private readonly args: BuildArgs;
  private readonly stages: StageState[] = [];
  private escape: EscapeToken = '\\';
  private contextFs!: Fs;
  /** Legacy: the uname/gname of the context tar's entries, which its tarsum hashes. */
  private tarNames: TarNames = new Map();
  /** The Dockerfile's text. */
  private text = '';
  private step = 0;
  /** BuildKit names unnamed stages `stage-N` when the Dockerfile has more than one (or copies from an image). */
  private multiStage = false;
  /** The stages' names as BuildKit knows them (`stage-N` for unnamed ones when there are several). */
  private stageNames: string[] = [];
  private total = 0;

  constructor(
    private readonly d: Daemon,
    private readonly req: BuildRequest,
    on: BuildListener,
    clientEnv?: ReadonlyMap<string, string>,
  ) {
    this.on = on;
    this.legacy = req.builder === 'legacy';
    this.args = new BuildArgs(req.buildArgs, clientEnv);
  }

  /** BuildKit's cache lives in the daemon (saved with the workspace). */
  private get cache(): Map<string, CacheEntry> {
    return this.d.buildCache;
  }

  private emit(e: BuildEvent): void {
    this.on(e);
  }

  async run(): Promise<string> {
    const req = this.req;
    let ctx;
    try {
      ctx = openBuildContext(req, this.d.clock, this.d.opts.ids);
    } catch (e) {
      // BuildKit shows the definition step before it fails to read the Dockerfile
      if (!this.legacy) this.emit({ type: 'definition', name: req.dockerfile || 'Dockerfile', bytes: 0 });
      throw e;
    }
    this.contextFs = ctx.fs;
    if (this.legacy) this.tarNames = ctx.tarNames;
    const dockerfileName = ctx.dockerfile.name;
    const text = ctx.dockerfile.text;
    this.text = text;
    this.emit({ type: 'definition', name: dockerfileName, bytes: ctx.dockerfile.bytes });
    this.emit({ type: 'dockerignore', bytes: ctx.dockerignore.bytes });
    const parsed = parse(text);
    if (!parsed.ok) {
      const e = parsed.error;
      throw new BuildError(this.legacy ? legacyParseMessage(e.message) : e.message, {
        early: true,
        line: { start: e.startLine, end: e.endLine },
        source: text,
      });
    }
    const df = parsed.dockerfile;
    this.escape = df.escapeToken;
    this.multiStage =
      df.stages.length > 1 ||
      df.stages.some((s) => s.commands.some((c) => c.kind === 'COPY' && !!c.from && !/^\d+$/.test(c.from) && !isStageName(df.stages, c.from)));
    this.stageNames = df.stages.map((s, i) => s.name || (this.multiStage ? `stage-${i}` : '')).filter((n) => n !== '');
    for (const w of df.warnings) this.emit({ type: 'warning', short: w.short, line: w.line, detail: w.detail, url: w.url });

    let stages = df.stages;
    if (req.target) {
      const ix = stages.findIndex((s) => s.name === req.target!.toLowerCase());
      if (ix < 0) {
        // dockerfile2llb suggests a stage name (unnamed stages are stage-N at that point, even alone)
        const match = suggest(req.target, df.stages.map((s, i) => s.name || `stage-${i}`));
        const bk = `target stage "${req.target}" could not be found`;
        throw new BuildError(`failed to reach build target ${req.target} in Dockerfile`, {
          buildkit: match ? `${bk} (did you mean ${match}?)` : bk,
          early: true,
        });
      }
      stages = stages.slice(0, ix + 1);
    }
    const needed = this.legacy ? stages.map(() => true) : neededStages(stages);
    this.total = df.metaArgs.length + stages.length + stages.reduce((n, s) => n + s.commands.length, 0);

    for (const meta of df.metaArgs) {
      this.stepEvent(meta, -1, undefined, 0, 0);
      for (const a of meta.args) {
        const def = a.value === undefined ? undefined : this.expand(a.value, metaLookup(this.args.meta), meta.startLine);
        this.args.meta.set(a.key, this.args.declare(a.key, def));
      }
    }
    if (!this.legacy) {
      // dockerfile2llb resolves every image the target needs before any step: the stages' bases and
      // the images COPY --from names (each an implicit stage), a bad name failing the build there
      const seen = new Set<string>();
      const resolve = async (name: string, start: number, end: number) => {
        let ref: string;
        try {
          ref = canonicalString(withDefaultTag(parseReference(name)));
        } catch (e) {
          if (!(e instanceof DaemonError)) throw e;
          throw new BuildError(`failed to parse stage name "${name}": ${e.message}`, { early: true, line: { start, end }, source: this.text });
        }
        if (seen.has(ref)) return;
        seen.add(ref);
        this.emit({ type: 'metadata', ref });
        const bad = await this.fromImage(name, [], start).then(
          () => null,
          (e: unknown) => e,
        );
        // the failure belongs to the metadata vertex just shown (its printer marks it ERROR)
        if (bad instanceof BuildError) throw this.located(bad, start, end);
        if (bad) throw bad;
      };
      for (let i = 0; i < stages.length; i++) {
        if (!needed[i]) continue;
        const stage = stages[i]!;
        const base = this.expandFrom(stage);
        if (base.toLowerCase() !== 'scratch' && !isStageName(stages.slice(0, i), base)) await resolve(base, stage.startLine, stage.endLine);
        for (const c of stage.commands) {
          if (c.kind === 'COPY' && c.from && !/^\d+$/.test(c.from) && !isStageName(df.stages, c.from)) await resolve(c.from, c.startLine, c.endLine);
        }
      }
    }

    let last: StageState | undefined;
    for (let i = 0; i < stages.length; i++) {
      const stage = stages[i]!;
      if (!needed[i]) {
        this.stages.push(undefined as unknown as StageState);
        continue;
      }
      last = await this.runStage(stage, i, stages);
      this.stages.push(last);
    }
    if (!last) throw new BuildError('No image was generated. Is your Dockerfile empty?');
    const unused = this.args.unused();
    if (unused.length > 0) this.emit({ type: 'unusedArgs', names: unused });
    const image = await this.finish(last);
    return image.id;
  }

  // ---- stages ------------------------------------------------------------

  private expandFrom(stage: Stage): string {
    return this.expand(stage.baseName, metaLookup(this.args.meta), stage.startLine);
  }

  private async runStage(stage: Stage, index: number, all: Stage[]): Promise<StageState> {
    if (this.legacy) return this.runLegacyStage(stage, index, all);
    const baseName = this.expandFrom(stage);
    const from = await this.fromImage(baseName, all.slice(0, index), stage.startLine).catch((e: unknown) => {
      throw this.located(e, stage.startLine, stage.endLine);
    });
    // dockerfile2llb: FROM is a vertex (step 1) only for an image; FROM scratch and FROM <stage> are not
    const fromVertex = from.kind === 'image';
    const stageName = stage.name || (this.multiStage ? `stage-${index}` : undefined);
    const config = from.config;
    const env = envMap(config.config.Env ?? []);
    if (!env.has('PATH')) {
      config.config = { ...config.config, Env: [...(config.config.Env ?? []), `PATH=${DEFAULT_PATH}`] };
      env.set('PATH', DEFAULT_PATH);
    }
    const base = from.kind === 'stage' ? from.stage : undefined;
    // a stage's ONBUILD triggers run first in the stage built on it: an image's from its config, a stage's from its ONBUILD lines
    const triggers = base ? [...base.onbuild] : [...(config.config.OnBuild ?? [])];
    config.config = { ...config.config, OnBuild: null };
    const state: StageState = {
      index,
      name: stage.name,
      imageId: from.imageId,
      config,
      chainIds: from.chainIds,
      cacheKey: `from:${from.key}`,
      busted: false,
      args: new Map(),
      runEnv: base ? inheritLlbEnv(base.runEnv, env) : env,
      declared: base ? [...base.declared] : [],
      onbuild: [],
    };
    const commands: Array<{ ins: Instruction; onbuild: boolean }> = [];
    for (const t of triggers) {
      const p = parse(`FROM scratch\n${t}\n`);
      if (!p.ok) throw new BuildError(p.error.message, { line: { start: stage.startLine, end: stage.endLine }, source: this.text });
      const ins = p.dockerfile.stages[0]!.commands[0]!;
      commands.push({ ins: { ...ins, startLine: stage.startLine, endLine: stage.endLine }, onbuild: true });
    }
    for (const ins of stage.commands) commands.push({ ins, onbuild: false });
    // every trigger counts in the total, though only RUN, COPY, ADD and WORKDIR take a number (dockerfile2llb initOnBuildTriggers)
    const vertexTotal = (fromVertex ? 1 : 0) + triggers.length + stage.commands.filter((c) => VERTEX_KINDS.has(c.kind)).length;
    this.stepEvent({ original: stage.sourceCode, startLine: stage.startLine }, index, stageName, fromVertex ? 1 : 0, vertexTotal, `FROM ${from.vertex}`);
    this.emit({ type: 'stepDone', imageId: state.imageId });
    let vertex = fromVertex ? 1 : 0;
    for (const { ins, onbuild } of commands) {
      const isVertex = VERTEX_KINDS.has(ins.kind);
      if (isVertex) vertex++;
      const name = isVertex ? this.buildkitVertexName(state, ins) : vertexName(ins.original);
      this.stepEvent(ins, index, stageName, isVertex ? vertex : 0, vertexTotal, onbuild ? `ONBUILD ${name}` : name);
      try {
        await this.dispatch(state, ins);
      } catch (e) {
        throw this.located(e, ins.startLine, ins.endLine);
      }
      this.emit({ type: 'stepDone', imageId: state.imageId });
    }
    return state;
  }

  private async runLegacyStage(stage: Stage, index: number, all: Stage[]): Promise<StageState> {
    const vertexTotal = 1 + stage.commands.filter((c) => VERTEX_KINDS.has(c.kind)).length;
    const baseName = this.expandFrom(stage);
    this.stepEvent({ original: stage.sourceCode, startLine: stage.startLine }, index, stage.name || undefined, 1, vertexTotal, `FROM ${baseName}`);
    const from = await this.fromImage(baseName, all.slice(0, index), stage.startLine).catch((e: unknown) => {
      throw this.located(e, stage.startLine, stage.endLine);
    });
    const state: StageState = {
      index,
      name: stage.name,
      imageId: from.imageId,
      config: from.config,
      chainIds: from.chainIds,
      cacheKey: `from:${from.key}`,
      busted: false,
      args: new Map(),
      runEnv: new Map(),
      declared: [],
      onbuild: [],
    };
    const triggers = state.config.config.OnBuild ?? [];
    // the legacy builder shows the base's ID once its triggers have run
    if (triggers.length === 0) this.emit({ type: 'stepDone', imageId: state.imageId });
    if (triggers.length > 0) {
      state.config = { ...state.config, config: { ...state.config.config, OnBuild: null } };
      this.emit({ type: 'triggers', count: triggers.length });
      for (const t of triggers) {
        const p = parse(`FROM scratch\n${t}\n`);
        if (!p.ok) throw new BuildError(p.error.message);
        const ins = p.dockerfile.stages[0]!.commands[0]!;
        await this.dispatch(state, ins);
      }
      this.emit({ type: 'stepDone', imageId: state.imageId });
    }
    let vertex = 1;
    for (const ins of stage.commands) {
      const isVertex = VERTEX_KINDS.has(ins.kind);
      if (isVertex) vertex++;
      this.stepEvent(ins, index, stage.name || undefined, isVertex ? vertex : 0, vertexTotal);
      try {
        await this.dispatch(state, ins);
      } catch (e) {
        throw this.located(e, ins.startLine, ins.endLine);
      }
      this.emit({ type: 'stepDone', imageId: state.imageId });
    }
    return state;
  }

  /**
   * BuildKit's name for a step: the instruction as written with the stage's
   * variables substituted (dockerfile2llb processCmdEnv), RUN keeping its
   * quotes and unset variables, COPY, ADD and WORKDIR not; the keyword
   * upper-cased. A text the lexer refuses stays as written.
   */
  private buildkitVertexName(state: StageState, ins: Instruction): string {
    const text = vertexName(ins.original);
    const run = ins.kind === 'RUN';
    const r = processWord(text, (name) => state.runEnv.get(name), { escapeToken: this.escape, ...(run ? { rawQuotes: true, skipUnsetEnv: true } : {}) });
    if (!r.ok) return text;
    const sp = r.value.indexOf(' ');
    return sp < 0 ? r.value.toUpperCase() : `${r.value.slice(0, sp).toUpperCase()}${r.value.slice(sp)}`;
  }

  /** A step's failure, pointed at its lines of the Dockerfile (BuildKit prints them). */
  private located(e: unknown, start: number, end: number): unknown {
    if (!(e instanceof BuildError)) return e;
    const opts = e.opts as { line?: { start: number; end: number }; source?: string };
    opts.line ??= { start, end };
    opts.source ??= this.text;
    return e;
  }

  private stepEvent(
    ins: { original: string; startLine: number },
    stage: number,
    stageName: string | undefined,
    stageStep: number,
    stageTotal: number,
    vertex?: string,
  ): void {
    this.step++;
    this.emit({
      type: 'step',
      n: this.step,
      total: this.total,
      stage,
      ...(stageName ? { stageName } : {}),
      stageStep,
      stageTotal,
      text: ins.original,
      vertex: vertex ?? vertexName(ins.original),
      line: ins.startLine,
    });
  }

  /**
   * The base of a stage: an earlier stage, scratch, or an image (pulled when
   * missing or --pull). The legacy builder pulls into the image store;
   * BuildKit (moby builder-next with the classic store) pulls into its own
   * cache: the base then shows in no `docker images`.
   */
  private async fromImage(name: string, earlier: Stage[], line: number): Promise<BaseImage> {
    const stageIx = earlier.findIndex((s) => s.name !== '' && s.name === name.toLowerCase());
    if (stageIx >= 0) {
      const s = this.stages[stageIx]!;
      return { kind: 'stage', stage: s, imageId: s.imageId, config: clone(s.config), chainIds: [...s.chainIds], vertex: name, key: `stage:${s.cacheKey}` };
    }
    if (name.toLowerCase() === 'scratch') {
      const config = emptyConfig();
      // dockerfile2llb emptyImage: WorkingDir "/"
      if (!this.legacy) config.config.WorkingDir = '/';
      return { kind: 'scratch', imageId: '', config, chainIds: [], vertex: 'scratch', key: 'scratch' };
    }
    let ref: Reference;
    try {
      ref = withDefaultTag(parseReference(name));
    } catch (e) {
      const msg = e instanceof DaemonError ? e.message : String(e);
      throw new BuildError(msg, { line: { start: line, end: line } });
    }
    let img: ImageRecord | undefined;
    if (!this.req.pull) {
      try {
        img = lookupImage(this.d.images, this.d.refs, name).image;
      } catch {
        img = undefined;
      }
    }
    const failed = (e: unknown): never => {
      if (e instanceof DaemonError) {
        // dockerfile2llb: the name as written, the resolver's words (containerd's), and a near name suggested
        const bk = `${name}: failed to resolve source metadata for ${canonicalString(ref)}: ${resolverMessage(e, ref)}`;
        const match = suggest(name, [...this.stageNames, ...commonImageNames()]);
        throw new BuildError(e.message, {
          buildkit: match ? `${bk} (did you mean ${match}?)` : bk,
          line: { start: line, end: line },
        });
      }
      throw e;
    };
    if (!img && !this.legacy) {
      const b = await this.buildkitPull(ref).catch(failed);
      return { kind: 'image', imageId: '', config: clone(b.config), chainIds: [...b.chainIds], vertex: `${canonicalString(ref)}@${b.digest}`, key: b.key };
    }
    if (!img) {
      const r = await this.d.imageService.pull(familiarString(ref), (l) => this.emit({ type: 'pull', line: l })).catch(failed);
      img = r.image;
    }
    // BuildKit found it in the image store: moby's ResolveImageConfig returns no digest for a local image, so the vertex has none
    const digest = this.legacy ? this.d.refs.digestsOf(img.id)[0]?.digest : undefined;
    const vertex = digest ? `${canonicalString(ref)}@${digest}` : canonicalString(ref);
    return { kind: 'image', imageId: img.id, config: clone(img.config), chainIds: [...img.chainIds], vertex, key: img.id };
  }

  /** BuildKit's pull: the layers into its cache (kept while cached), not an image in the store. */
  private async buildkitPull(ref: Reference): Promise<PulledBase> {
    const d = this.d;
    let bases = Builder.bases.get(d);
    if (!bases) Builder.bases.set(d, (bases = new Map()));
    const name = canonicalString(ref);
    // BuildKit asks the registry each time (an image pushed since is the one it builds on); the layers it has stay
    const known = bases.get(name);
    const remote = await d.opts.registry.resolve(ref);
    if (known && known.digest === remote.manifestDigest && known.chainIds.every((c) => d.layers.has(c))) return known;
    const chainIds: string[] = [];
    let parent: string | undefined;
    for (const layer of remote.layers) {
      const chainId = await d.layers.chainIdOf(parent, layer.diffId);
      if (!d.layers.has(chainId)) await d.layers.register(layer.tree(), parent, layer.diffId);
      d.blobSources.add(layer.diffId, { digest: layer.digest, size: layer.size, repository: `${ref.domain}/${ref.path}` });
      chainIds.push(chainId);
      parent = chainId;
    }
    for (const c of chainIds) d.layers.retain(c);
    if (known) for (const c of known.chainIds) d.layers.release(c);
    const configId = `sha256:${await d.sha256(remote.configJson)}`;
    const b: PulledBase = { config: JSON.parse(remote.configJson) as ImageConfig, chainIds, digest: remote.manifestDigest, key: configId };
    bases.set(name, b);
    return b;
  }

  // ---- instructions ------------------------------------------------------

  private envLookup(state: StageState): (name: string) => string | undefined {
    if (!this.legacy) return (name) => state.runEnv.get(name);
    const env = envMap(state.config.config.Env ?? []);
    return (name) => {
      if (env.has(name)) return env.get(name);
      if (state.args.has(name)) return state.args.get(name);
      return this.args.builtins().get(name);
    };
  }

  private expand(word: string, lookup: (name: string) => string | undefined, line: number): string {
    const r = processWord(word, lookup, { escapeToken: this.escape });
    if (!r.ok) throw new BuildError(r.error, { line: { start: line, end: line } });
    return r.value;
  }

  private expandWords(word: string, lookup: (name: string) => string | undefined, line: number): string[] {
    const r = processWords(word, lookup, { escapeToken: this.escape });
    if (!r.ok) throw new BuildError(r.error, { line: { start: line, end: line } });
    return r.words;
  }

  /** The build args RUN sees as environment (moby FilterAllowed): declared ones with a value, not shadowed by ENV. */
  private allowedArgs(state: StageState): string[] {
    const env = envMap(state.config.config.Env ?? []);
    const out: string[] = [];
    for (const [k, v] of state.args) if (v !== undefined && !env.has(k)) out.push(`${k}=${v}`);
    for (const [k, v] of this.args.builtins()) if (!state.args.has(k) && !env.has(k)) out.push(`${k}=${v}`);
    return out;
  }

  private async dispatch(state: StageState, ins: Instruction): Promise<void> {
    const look = this.envLookup(state);
    const line = ins.startLine;
    const rc = state.config.config;
    const shell = rc.Shell && rc.Shell.length > 0 ? rc.Shell : DEFAULT_SHELL;
    switch (ins.kind) {
      case 'ENV': {
        const pairs = ins.env.map((kv) => [this.expand(kv.key, look, line), this.expand(kv.value, look, line)] as const);
        const env = [...(rc.Env ?? [])];
        for (const [k, v] of pairs) {
          const i = env.findIndex((e) => e.split('=')[0] === k);
          if (i >= 0) env[i] = `${k}=${v}`;
          else env.push(`${k}=${v}`);
          if (!this.legacy) setLlbEnv(state.runEnv, k, v);
        }
        return this.metadata(state, { ...rc, Env: env }, `ENV ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`);
      }
      case 'LABEL': {
        const labels = { ...(rc.Labels ?? {}) };
        const words: string[] = [];
        for (const kv of ins.labels) {
          const k = this.expand(kv.key, look, line);
          const v = this.expand(kv.value, look, line);
          labels[k] = v;
          words.push(`${k}=${v}`);
        }
        return this.metadata(state, { ...rc, Labels: labels }, `LABEL ${words.join(' ')}`);
      }
      case 'MAINTAINER': {
        state.config.author = ins.maintainer;
        return this.metadata(state, { ...rc }, `MAINTAINER ${ins.maintainer}`);
      }
      case 'EXPOSE': {
        const ports = ins.ports.flatMap((p) => this.expandWords(p, look, line));
        const exposed: Record<string, Record<string, never>> = { ...(rc.ExposedPorts ?? {}) };
        // nat.ParsePortSpecs: a range stands for each of its ports
        const these = new Set<string>();
        for (const p of ports) for (const spec of portSpecs(p)) these.add(spec);
        for (const spec of these) exposed[spec] = {};
        const sorted = Object.fromEntries(Object.keys(exposed).sort().map((k) => [k, {} as Record<string, never>]));
        // BuildKit writes Go's %v of this instruction's port set (keys sorted)
        const comment = this.legacy ? `EXPOSE ${ports.join(' ')}` : `EXPOSE map[${[...these].sort().map((k) => `${k}:{}`).join(' ')}]`;
        return this.metadata(state, { ...rc, ExposedPorts: sorted }, comment);
      }
      case 'USER': {
        const user = this.expand(ins.user, look, line);
        return this.metadata(state, { ...rc, User: user }, `USER ${user}`);
      }
      case 'VOLUME': {
        const vols = ins.volumes.map((v) => this.expand(v, look, line));
        for (const v of vols) if (v.trim() === '') throw new BuildError('VOLUME specified can not be an empty string');
        const volumes = { ...(rc.Volumes ?? {}) };
        for (const v of vols) volumes[v] = {};
        return this.metadata(state, { ...rc, Volumes: volumes }, `VOLUME ${goList(vols)}`);
      }
      case 'STOPSIGNAL': {
        const sig = this.expand(ins.signal, look, line);
        // moby signal.ParseSignal, in both builders' dispatchStopSignal
        if (!isValidSignal(sig)) throw new BuildError(`Invalid signal: ${sig}`);
        return this.metadata(state, { ...rc, StopSignal: sig }, `STOPSIGNAL ${sig}`);
      }
      case 'ARG': {
        if (!this.legacy) return this.buildkitArg(state, ins, look);
        const words: string[] = [];
        for (const a of ins.args) {
          let def = a.value === undefined ? undefined : this.expand(a.value, look, line);
          if (def === undefined && this.args.meta.has(a.key)) def = this.args.meta.get(a.key);
          state.args.set(a.key, this.args.declare(a.key, def));
          words.push(a.value === undefined ? a.key : `${a.key}=${def}`);
        }
        return this.metadata(state, { ...rc }, `ARG ${words.join(' ')}`);
      }
      case 'ONBUILD': {
        const expr = ins.expression.trim();
        if (!this.legacy) {
          // dockerfile2llb dispatchOnbuild: the config only, no history row
          state.onbuild.push(expr);
          state.config = { ...state.config, config: { ...rc, OnBuild: [...(rc.OnBuild ?? []), expr] } };
          return;
        }
        return this.metadata(state, { ...rc, OnBuild: [...(rc.OnBuild ?? []), expr] }, `ONBUILD ${expr}`);
      }
      case 'SHELL':
        return this.metadata(state, { ...rc, Shell: [...ins.shell] }, `SHELL ${goList(ins.shell)}`);
      case 'HEALTHCHECK': {
        const h = ins.health;
        const health: Record<string, unknown> = { Test: h.test };
        if (h.interval) health.Interval = h.interval;
        if (h.timeout) health.Timeout = h.timeout;
        if (h.startPeriod) health.StartPeriod = h.startPeriod;
        if (h.startInterval) health.StartInterval = h.startInterval;
        if (h.retries) health.Retries = h.retries;
        // the legacy commit fills what the new check leaves unset from the old one (moby daemon/commit.go merge)
        const prev = rc.Healthcheck as Record<string, unknown> | undefined;
        if (this.legacy && prev) {
          for (const k of ['Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries']) {
            if (health[k] === undefined && prev[k] !== undefined) health[k] = prev[k];
          }
        }
        const ordered: Record<string, unknown> = {};
        for (const k of ['Test', 'Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries']) if (health[k] !== undefined) ordered[k] = health[k];
        return this.metadata(state, { ...rc, Healthcheck: ordered }, `HEALTHCHECK ${goHealthcheck(h)}`);
      }
      case 'CMD':
      case 'ENTRYPOINT': {
        const cmd = commandLine(ins.cmdLine ?? [], ins.prependShell, shell);
        const next: RunConfig = { ...rc };
        if (ins.kind === 'CMD') next.Cmd = cmd;
        else {
          next.Entrypoint = cmd;
          // an ENTRYPOINT resets an inherited CMD (moby dispatchEntrypoint)
          if (!state.stageHasCmd) next.Cmd = null;
        }
        if (ins.kind === 'CMD') state.stageHasCmd = true;
        // dockerfile2llb dispatchCmd sets ArgsEscaped whatever the form, its ENTRYPOINT leaves it; the legacy
        // builder's resolveCmdLine answers false on Linux for both (checked: no ArgsEscaped in the saved config)
        if (!this.legacy && ins.kind === 'CMD') next.ArgsEscaped = true;
        if (this.legacy) delete next.ArgsEscaped;
        return this.metadata(state, next, `${ins.kind} ${goQuoteList(cmd)}`);
      }
      case 'WORKDIR': {
        const dir = this.expand(ins.path, look, line);
        const wd = dir.startsWith('/') ? normalize(dir) : normalize(`${rc.WorkingDir || '/'}/${dir}`);
        return this.workdir(state, { ...rc, WorkingDir: wd }, wd);
      }
      case 'RUN':
        return this.runStep(state, ins, shell);
      case 'COPY':
      case 'ADD':
        return this.copy(state, ins, look);
    }
  }

  // ---- committing ----------------------------------------------------------

  /** A metadata-only step: a `#(nop)` container and an empty layer (legacy), a history row (BuildKit). */
  private async metadata(state: StageState, next: RunConfig, comment: string): Promise<void> {
    if (!this.legacy) {
      // a metadata instruction changes no operation: later steps keep their cache
      state.config = this.appendHistory(state.config, next, comment);
      return;
    }
    const shell = next.Shell && next.Shell.length > 0 ? next.Shell : DEFAULT_SHELL;
    const probe: RunConfig = { ...next, Cmd: nopCommand(shell, comment) };
    if (await this.probe(state, probe)) return;
    await this.legacyContainerStep(state, next, probe, null);
  }

  /** WORKDIR: the directory made in a container (legacy) or a mkdir layer (BuildKit). */
  private async workdir(state: StageState, next: RunConfig, wd: string): Promise<void> {
    const mk = (fs: Fs) => {
      // BuildKit's mkdir runs as the stage's USER: the directories it makes are that user's (copy.MkdirAll);
      // a user the image does not know leaves root, as llbsolver's readUser does
      const made: string[] = [];
      if (!this.legacy && next.User) {
        for (let p = wd; p !== '/' && !fs.exists(p); p = p.slice(0, p.lastIndexOf('/')) || '/') made.push(p);
      }
      try {
        fs.mkdir(wd, { recursive: true, mode: 0o755 });
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        throw new BuildError(`mkdir ${wd}: ${e.description.toLowerCase()}`);
      }
      if (made.length > 0 && fs instanceof UnionFs) {
        let who = { uid: 0, gid: 0 };
        try {
          who = resolveUser(fs, next.User!);
        } catch (e) {
          if (!(e instanceof UserLookupError)) throw e;
        }
        for (const p of made) fs.chown(p, who.uid, who.gid);
      }
    };
    if (!this.legacy) {
      // dockerfile2llb dispatchWorkdir: a mkdir layer unless the directory is "/"
      if (wd === '/') {
        state.config = this.appendHistory(state.config, next, 'WORKDIR /');
        return;
      }
      const key = await this.key(state.cacheKey, `workdir:${JSON.stringify([wd, next.User ?? ''])}`);
      if (this.fromCache(state, key, next, `WORKDIR ${wd}`)) return;
      await this.newLayer(state, key, this.scratchLayer(state, mk), next, `WORKDIR ${wd}`);
      return;
    }
    const shell = next.Shell && next.Shell.length > 0 ? next.Shell : DEFAULT_SHELL;
    const probe: RunConfig = { ...next, Cmd: nopCommandString(shell, `WORKDIR ${wd}`) };
    if (await this.probe(state, probe)) return;
    await this.legacyContainerStep(state, next, probe, mk);
  }

  private async runStep(state: StageState, ins: Extract<Instruction, { kind: 'RUN' }>, shell: string[]): Promise<void> {
    const rc = state.config.config;
    let cmd = commandLine(ins.cmdLine ?? [], ins.prependShell, shell);
    if (ins.files.length > 0 && ins.prependShell) cmd = heredocCommand(ins, shell);
    if (!this.legacy) return this.buildkitRun(state, cmd);
    const buildArgs = this.allowedArgs(state);
    const shown = buildArgs.filter((a) => this.isReferencedOrNotBuiltin(state, a.split('=')[0]!)).sort();
    const saveCmd = buildArgs.length > 0 ? withBuildArgs(shown, cmd) : cmd;
    const env = [...(rc.Env ?? []), ...buildArgs];
    // the legacy builder's RUN takes no flags: it refuses the first one
    if (ins.flagsUsed.length > 0) {
      throw new BuildError(`the --${ins.flagsUsed[0]} option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled`);
    }
    const probe: RunConfig = { ...rc, Cmd: saveCmd, Entrypoint: null };
    if (ins.prependShell) probe.ArgsEscaped = undefined;
    if (await this.probe(state, probe)) return;
    const runConfig: RunConfig = { ...rc, Cmd: cmd, Env: env, Entrypoint: null, Healthcheck: undefined };
    await this.legacyContainerStep(state, rc, probe, null, runConfig);
  }

  /**
   * BuildKit's RUN: the process gets the stage's LLB environment (and the
   * proxy args, which stay out of the cache key and the history); the row
   * names every ARG of the stage, in order, with its value in that
   * environment (dockerfile2llb runCommandString).
   */
  private async buildkitRun(state: StageState, cmd: string[]): Promise<void> {
    const rc = state.config.config;
    const shown: string[] = [];
    const at = new Map<string, number>();
    for (const a of state.declared) {
      const kv = `${a.key}=${state.runEnv.has(a.key) ? state.runEnv.get(a.key) : (a.value ?? '')}`;
      const i = at.get(a.key);
      if (i !== undefined) shown[i] = kv;
      else {
        at.set(a.key, shown.length);
        shown.push(kv);
      }
    }
    const createdBy = `RUN ${(shown.length > 0 ? withBuildArgs(shown, cmd) : cmd).join(' ')} # buildkit`;
    const env = [...state.runEnv].map(([k, v]) => `${k}=${v}`);
    const key = await this.key(state.cacheKey, `run:${JSON.stringify([cmd, env, rc.WorkingDir || '/', rc.User ?? ''])}`);
    if (this.fromCache(state, key, { ...rc }, createdBy)) return;
    for (const [k, v] of this.args.builtins()) if (!state.runEnv.has(k)) env.push(`${k}=${v}`);
    const tree = await this.hiddenRun(state, cmd, env);
    await this.newLayer(state, key, tree, { ...rc }, createdBy);
  }

  /** BuildKit's ARG (dockerfile2llb dispatchArg): the --build-arg value, else the default, else the global ARG's. */
  private buildkitArg(state: StageState, ins: Extract<Instruction, { kind: 'ARG' }>, look: (name: string) => string | undefined): void {
    const words: string[] = [];
    for (const a of ins.args) {
      let value = this.args.declare(a.key, undefined);
      if (value === undefined && a.value !== undefined) value = this.expand(a.value, look, ins.startLine);
      else if (value === undefined) value = this.args.meta.get(a.key);
      state.args.set(a.key, value);
      if (value !== undefined) setLlbEnv(state.runEnv, a.key, value);
      state.declared.push({ key: a.key, value });
      words.push(value === undefined ? a.key : `${a.key}=${value}`);
    }
    state.config = this.appendHistory(state.config, { ...state.config.config }, `ARG ${words.join(' ')}`);
  }

  private isReferencedOrNotBuiltin(state: StageState, key: string): boolean {
    return !BUILTIN_ARGS.has(key) || state.args.has(key);
  }

  private async copy(state: StageState, ins: Extract<Instruction, { kind: 'COPY' | 'ADD' }>, look: (n: string) => string | undefined): Promise<void> {
    const line = ins.startLine;
    const rc = state.config.config;
    const sources = ins.sources.map((s) => this.expand(s, look, line));
    const dest = this.expand(ins.dest, look, line);
    const chown = ins.chown ? this.expand(ins.chown, look, line) : '';
    const chmod = ins.chmod ? this.expand(ins.chmod, look, line) : '';
    const from = ins.kind === 'COPY' ? ins.from : '';
    const src = from ? await this.copySource(from, line) : this.contextFs;
    const req: CopyRequest = {
      kind: ins.kind,
      sources,
      dest,
      workdir: rc.WorkingDir ?? '',
      ...(chown ? { chown } : {}),
      ...(chmod ? { chmod } : {}),
      link: ins.link,
      builder: this.req.builder,
      ...(from ? { fromStage: from } : {}),
      ...(!from && this.legacy && this.tarNames.size > 0 ? { tarNames: this.tarNames } : {}),
    };
    const sum = await copyChecksum(src, req, (b: Uint8Array | string) => this.d.sha256(b)).catch((e: unknown) => {
      throw asBuildError(e, line);
    });
    if (!from && !this.legacy) this.emit({ type: 'context', bytes: transferBytes(this.contextFs, sources) });
    if (!this.legacy) {
      // dockerfile2llb dispatchCopy: the flags in this order; --from and --link are not written
      const createdBy = `${[ins.kind, ...(chown ? [`--chown=${chown}`] : []), ...(chmod ? [`--chmod=${chmod}`] : []), ...sources, dest].join(' ')} # buildkit`;
      const key = await this.key(state.cacheKey, `copy:${JSON.stringify([ins.kind, sum.key, dest, chown, chmod, rc.WorkingDir])}`);
      if (this.fromCache(state, key, { ...rc }, createdBy)) return;
      const tree = await this.scratchLayerAsync(state, (fs) => copyInto(src, fs, req));
      await this.newLayer(state, key, tree, { ...rc }, createdBy);
      return;
    }
    const shell = rc.Shell && rc.Shell.length > 0 ? rc.Shell : DEFAULT_SHELL;
    // Docker 28 puts a space after the owner (moby v28 performCopy); 20.10 wrote `--chown=1:1file:…`
    const chownComment = chown ? `--chown=${chown} ` : '';
    const probe: RunConfig = { ...rc, Cmd: nopCommandString(shell, `${ins.kind} ${chownComment}${sum.legacySource} in ${dest} `) };
    if (await this.probe(state, probe)) return;
    const tree = await this.scratchLayerAsync(state, (fs) => copyInto(src, fs, req));
    await this.commitLegacy(state, rc, probe, tree, '');
  }

  /** COPY --from: an earlier stage (name or index) or an image. */
  private async copySource(from: string, line: number): Promise<Fs> {
    let s: StageState | undefined;
    if (/^\d+$/.test(from)) s = this.stages[Number(from)];
    else s = this.stages.find((st) => st && st.name !== '' && st.name === from.toLowerCase());
    if (s) return this.rootfs(s.chainIds);
    const img = await this.fromImage(from, [], line);
    return this.rootfs(img.chainIds);
  }

  private rootfs(chainIds: string[]): Fs {
    const trees = chainIds.map((c) => this.d.layers.get(c)!.tree).reverse();
    return new UnionFs(trees.length > 0 ? trees : [new LayerTree()], { clock: this.d.clock });
  }

  // ---- legacy: containers, intermediate images, the image cache -----------

  /** moby's probeCache: a child of the current image made with the same container config. */
  private async probe(state: StageState, probe: RunConfig): Promise<boolean> {
    if (this.req.noCache || state.busted) return false;
    const want = cacheConfig(probe);
    const trusted = this.trustedCache();
    let hit: ImageRecord | undefined;
    for (const img of this.d.images.all()) {
      if (img.parent !== state.imageId) continue;
      if (trusted && !trusted.has(img.id)) continue;
      const cc = img.config.container_config;
      if (!cc || cacheConfig(cc) !== want) continue;
      if (!hit || img.config.created > hit.config.created) hit = img;
    }
    if (!hit) {
      state.busted = true;
      return false;
    }
    this.emit({ type: 'cached' });
    state.imageId = hit.id;
    state.config = clone(hit.config);
    state.chainIds = [...hit.chainIds];
    return true;
  }

  private trusted: Set<string> | null | undefined;

  /** --cache-from: the named images and their parents, the only cache the legacy builder then uses. */
  private trustedCache(): Set<string> | null {
    if (this.trusted !== undefined) return this.trusted;
    const names = this.req.cacheFrom ?? [];
    if (names.length === 0) return (this.trusted = null);
    const set = new Set<string>();
    for (const n of names) {
      let img: ImageRecord | undefined;
      try {
        img = lookupImage(this.d.images, this.d.refs, n).image;
      } catch {
        continue;
      }
      for (let cur: ImageRecord | undefined = img; cur && !set.has(cur.id); cur = cur.parent ? this.d.images.get(cur.parent) : undefined) set.add(cur.id);
    }
    return (this.trusted = set);
  }

  /**
   * A legacy step that goes through a container: created (` ---> Running
   * in`), run for RUN, changed for WORKDIR, committed, then removed.
   */
  private async legacyContainerStep(
    state: StageState,
    next: RunConfig,
    probe: RunConfig,
    change: ((fs: Fs) => void) | null,
    runConfig?: RunConfig,
  ): Promise<void> {
    const cs = this.d.containerService;
    const createConfig: RunConfig = runConfig ?? { ...probe };
    let c;
    try {
      c = cs.createForBuild(state.imageId, state.chainIds, createConfig);
    } catch (e) {
      throw asBuildError(e, 0);
    }
    this.emit({ type: 'container', id: c.id });
    if (change) change(this.d.layers.mount(c.rwLayer));
    if (runConfig) {
      const off = cs.attach(c.id, {
        stdout: { write: (t: string) => this.emit({ type: 'output', stream: 'stdout', text: t }) },
        stderr: { write: (t: string) => this.emit({ type: 'output', stream: 'stderr', text: t }) },
      });
      let code: number;
      try {
        const exit = cs.nextExit(c.id);
        await cs.start(c.id, { stdin: EMPTY_INPUT });
        code = await exit;
      } catch (e) {
        off();
        if (this.req.forceRm) await this.removeContainer(c.id);
        throw asBuildError(e, 0);
      }
      off();
      if (code !== 0) {
        if (this.req.forceRm) await this.removeContainer(c.id);
        throw new BuildError(`The command '${(runConfig.Cmd ?? []).join(' ')}' returned a non-zero code: ${code}`, { exitCode: code });
      }
    }
    const tree = this.d.layers.snapshotRw(c.rwLayer);
    // what a step wrote under a VOLUME went to the volume, not to the image
    for (const v of Object.keys(createConfig.Volumes ?? {})) {
      const dir = tree.lookup(v);
      if (dir?.kind === 'dir') for (const name of [...dir.children().keys()]) tree.remove(`${v.replace(/\/$/, '')}/${name}`);
    }
    // a step's own container (metadata, WORKDIR) commits the config its creation filled in: its hostname, and
    // labels as a map (measured: container_config "Labels":{} on ENV, WORKDIR, CMD rows; null on RUN and COPY)
    const probeWithHost: RunConfig = runConfig ? probe : { ...probe, Hostname: c.id.slice(0, 12), Labels: probe.Labels ?? {} };
    await this.commitLegacy(state, next, probeWithHost, tree, c.id);
    if (this.req.rm || this.req.forceRm) await this.removeContainer(c.id);
  }

  private async removeContainer(id: string): Promise<void> {
    await this.d.containerService.remove(id, true);
    this.emit({ type: 'removed', id });
  }

  /** moby's CommitBuildStep: an intermediate image whose parent is the current one. */
  private async commitLegacy(state: StageState, next: RunConfig, probe: RunConfig, tree: LayerTree, containerId: string): Promise<void> {
    const d = this.d;
    const empty = tree.isEmpty;
    let chainIds = state.chainIds;
    let layerChain: string | undefined;
    const now = rfc3339Nano(d.now());
    const history: HistoryEntry = { created: now, created_by: (probe.Cmd ?? []).join(' ') };
    if (empty) history.empty_layer = true;
    const diffIds = [...state.config.rootfs.diff_ids];
    if (!empty) {
      const layer = await d.layers.register(tree, chainIds[chainIds.length - 1]);
      layerChain = layer.chainId;
      chainIds = [...chainIds, layer.chainId];
      diffIds.push(layer.diffId);
    }
    const config: ImageConfig = {
      architecture: state.config.architecture || 'amd64',
      ...(state.config.author ? { author: state.config.author } : {}),
      config: orderRunConfig({ ...next, Hostname: '', Domainname: '', Image: state.imageId }),
      container: containerId,
      container_config: orderRunConfig({ ...probe, Hostname: probe.Hostname ?? '', Domainname: '', Image: state.imageId }),
      created: now,
      docker_version: DOCKER_VERSION,
      history: [...state.config.history, history],
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: diffIds },
    };
    if (!containerId) delete config.container;
    const configJson = serializeImageConfig(config);
    const id = `sha256:${await d.sha256(configJson)}`;
    if (!d.images.has(id)) {
      for (const ch of chainIds) d.layers.retain(ch);
      d.images.add({ id, configJson, config, chainIds, parent: state.imageId, size: chainIds.reduce((n, ch) => n + (d.layers.get(ch)?.size ?? 0), 0), added: d.now() });
    }
    if (layerChain) d.layers.releaseIfUnused(layerChain);
    state.imageId = id;
    state.config = clone(config);
    state.chainIds = [...chainIds];
  }

  // ---- BuildKit: hidden sandboxes, the operation cache ---------------------

  private async key(parent: string, op: string): Promise<string> {
    return this.d.sha256(`${parent}\n${op}`);
  }

  /**
   * A cached operation: its layer again, dated as when it was first made
   * (moby's exporter dates a layer's row by the layer), so a rebuild that
   * changed nothing makes the same image ID.
   */
  private fromCache(state: StageState, key: string, next: RunConfig, createdBy: string): boolean {
    if (this.req.noCache) return false;
    const hit = this.cache.get(key);
    if (!hit || !hit.chainIds.every((c) => this.d.layers.has(c))) return false;
    this.emit({ type: 'cached' });
    state.chainIds = [...hit.chainIds];
    state.config = withLayerRow(state.config, next, hit.diffId, createdBy, hit.created);
    state.cacheKey = key;
    return true;
  }

  /** An operation's new layer (BuildKit keeps it even when empty: `RUN true`, a WORKDIR that exists), remembered by its key. */
  private async newLayer(state: StageState, key: string, tree: LayerTree, next: RunConfig, createdBy: string): Promise<void> {
    const created = rfc3339Nano(this.d.now());
    const layer = await this.d.layers.register(tree, state.chainIds[state.chainIds.length - 1]);
    state.chainIds = [...state.chainIds, layer.chainId];
    state.config = withLayerRow(state.config, next, layer.diffId, createdBy, created);
    for (const c of state.chainIds) this.d.layers.retain(c);
    const old = this.cache.get(key);
    if (old) for (const c of old.chainIds) this.d.layers.release(c);
    this.cache.set(key, { chainIds: [...state.chainIds], diffId: layer.diffId, created });
    this.d.buildCacheVersion++;
    state.cacheKey = key;
  }

  /** A BuildKit row without a layer; undated until the exporter fills it in (see normalizeCreated). */
  private appendHistory(config: ImageConfig, next: RunConfig, createdBy: string): ImageConfig {
    const h: HistoryEntry = { created: '', created_by: createdBy, comment: BUILDKIT_COMMENT, empty_layer: true };
    return { ...config, config: next, history: [...config.history, h] };
  }

  /** A throw-away read-write layer over the stage's layers: what `change` writes is the new layer. */
  private scratchLayer(state: StageState, change: (fs: Fs) => void): LayerTree {
    const key = `build-${this.d.opts.ids.randomHex(16)}`;
    this.d.layers.createRw(key, state.chainIds);
    try {
      change(this.d.layers.mount(key));
      return this.d.layers.snapshotRw(key);
    } finally {
      this.d.layers.removeRw(key);
    }
  }

  private async scratchLayerAsync(state: StageState, change: (fs: Fs) => Promise<void>): Promise<LayerTree> {
    const key = `build-${this.d.opts.ids.randomHex(16)}`;
    this.d.layers.createRw(key, state.chainIds);
    try {
      await change(this.d.layers.mount(key)).catch((e: unknown) => {
        throw asBuildError(e, 0);
      });
      return this.d.layers.snapshotRw(key);
    } finally {
      this.d.layers.removeRw(key);
    }
  }

  /** BuildKit's RUN: a sandbox over the stage's layers that no `docker ps` lists. */
  private async hiddenRun(state: StageState, cmd: string[], envList: string[]): Promise<LayerTree> {
    const d = this.d;
    const key = `build-${d.opts.ids.randomHex(16)}`;
    d.layers.createRw(key, state.chainIds);
    try {
      const fs = d.layers.mount(key);
      const rc = state.config.config;
      const env = envMap(envList);
      if (!env.has('PATH')) env.set('PATH', DEFAULT_PATH);
      // BuildKit's executor (executor/oci/spec.go): the sandbox's hostname, and no HOSTNAME variable; runc adds HOME
      const hostname = 'buildkitsandbox';
      let who;
      try {
        who = resolveUser(fs, rc.User ?? '');
      } catch (e) {
        // runc's own words (libcontainer GetExecUser), which BuildKit passes on
        if (e instanceof UserLookupError) throw new BuildError(e.message);
        throw e;
      }
      if (!env.has('HOME')) env.set('HOME', who.home);
      const cwd = rc.WorkingDir || '/';
      if (!fs.exists(cwd)) fs.mkdir(cwd, { recursive: true, mode: 0o755 });
      const found = d.opts.resolve(fs, cmd[0]!, env);
      const failed = (code: number) =>
        new BuildError(`The command '${cmd.join(' ')}' returned a non-zero code: ${code}`, {
          buildkit: `process "${cmd.map((w) => w.replace(/"/g, '\\"')).join(' ')}" did not complete successfully: exit code: ${code}`,
          exitCode: 1,
        });
      if (!found) {
        const err = `runc run failed: unable to start container process: error during container init: exec: "${cmd[0]}": ${cmd[0]!.includes('/') ? 'stat ' + cmd[0] + ': no such file or directory' : 'executable file not found in $PATH'}`;
        throw new BuildError(err, { buildkit: `process "${cmd.join(' ')}" did not complete successfully: ${err}` });
      }
      const task = new Task({
        scheduler: d.clock,
        resolve: d.opts.resolve,
        fs,
        argv: cmd,
        program: found.program,
        env,
        cwd,
        hostname,
        user: who.name ?? String(who.uid),
        cred: who,
        tty: false,
        stdin: EMPTY_INPUT,
        output: { write: (stream, text) => this.emit({ type: 'output', stream, text }) },
      });
      const code = await task.exited;
      if (code !== 0) throw failed(code);
      return d.layers.snapshotRw(key);
    } finally {
      d.layers.removeRw(key);
    }
  }

  // ---- the result ----------------------------------------------------------

  private async finish(last: StageState): Promise<ImageRecord> {
    const d = this.d;
    let img: ImageRecord;
    if (this.legacy) {
      if (!last.imageId) throw new BuildError('No image was generated. Is your Dockerfile empty?');
      img = d.images.get(last.imageId)!;
      if (Object.keys(this.req.labels).length > 0) {
        await this.metadata(last, { ...last.config.config, Labels: { ...(last.config.config.Labels ?? {}), ...this.req.labels } }, `LABEL ${Object.entries(this.req.labels).map(([k, v]) => `${k}=${v}`).join(' ')}`);
        img = d.images.get(last.imageId)!;
      }
    } else {
      const rc = { ...last.config.config };
      if (Object.keys(this.req.labels).length > 0) rc.Labels = { ...(rc.Labels ?? {}), ...this.req.labels };
      const history = normalizeCreated(last.config.history);
      const config: ImageConfig = {
        architecture: last.config.architecture || 'amd64',
        ...(last.config.author ? { author: last.config.author } : {}),
        config: buildkitRunConfig(rc),
        created: history[history.length - 1]?.created || rfc3339Nano(d.now()),
        history,
        os: 'linux',
        rootfs: last.config.rootfs,
      };
      const configJson = serializeImageConfig(config);
      const id = `sha256:${await d.sha256(configJson)}`;
      const existing = d.images.get(id);
      if (existing) img = existing;
      else {
        for (const ch of last.chainIds) d.layers.retain(ch);
        img = { id, configJson, config, chainIds: [...last.chainIds], parent: '', size: last.chainIds.reduce((n, ch) => n + (d.layers.get(ch)?.size ?? 0), 0), added: d.now() };
        d.images.add(img);
      }
    }
    this.emit({ type: 'built', imageId: img.id, layers: img.chainIds.length });
    for (const t of this.req.tags) {
      const ref = withDefaultTag(parseReference(t));
      d.imageService.tag(img.id, familiarString(ref), 'build');
      this.emit({ type: 'tagged', ref: familiarString(ref), canonical: canonicalString(ref) });
    }
    return img;
  }
}

// ---- helpers -----------------------------------------------------------------

/**
 * The legacy builder's words for a Dockerfile it cannot read: instruction
 * errors as the parser gives them, an empty file named, the rest wrapped
 * (moby builder/dockerfile, remotecontext.readAndParseDockerfile).
 */
function legacyParseMessage(message: string): string {
  if (message.startsWith('dockerfile parse error')) return message;
  if (message === 'dockerfile contains no stages to build' || message === 'no build stage in current context') return message;
  return `failed to parse Dockerfile: ${message}`;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function metaLookup(meta: Map<string, string | undefined>): (name: string) => string | undefined {
  return (name) => meta.get(name);
}

function isStageName(stages: Stage[], name: string): boolean {
  return stages.some((s) => s.name !== '' && s.name === name.toLowerCase());
}

/** BuildKit builds only what the target needs: its stage and the ones it copies from or builds on. */
function neededStages(stages: Stage[]): boolean[] {
  const needed = stages.map(() => false);
  const byName = (n: string): number => {
    if (/^\d+$/.test(n)) return Number(n);
    return stages.findIndex((s) => s.name !== '' && s.name === n.toLowerCase());
  };
  const visit = (i: number) => {
    if (i < 0 || i >= stages.length || needed[i]) return;
    needed[i] = true;
    const s = stages[i]!;
    const base = byName(s.baseName);
    if (base >= 0 && base < i) visit(base);
    for (const c of s.commands) if (c.kind === 'COPY' && c.from) {
      const j = byName(c.from);
      if (j >= 0 && j < i) visit(j);
    }
  };
  visit(stages.length - 1);
  return needed;
}

/**
 * A stage built on another starts from that stage's LLB state, then (as every
 * stage) adds its image's Env over it (dockerfile2llb's toDispatchState loop):
 * an ENV value comes back over an ARG of the same name.
 */
function inheritLlbEnv(base: ReadonlyMap<string, string>, imageEnv: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map(base);
  for (const [k, v] of imageEnv) setLlbEnv(out, k, v);
  return out;
}

/** llb's EnvList.AddOrReplace: a variable set again moves to the end (its last setting orders it). */
function setLlbEnv(env: Map<string, string>, key: string, value: string): void {
  env.delete(key);
  env.set(key, value);
}

function envMap(env: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of env) {
    const i = e.indexOf('=');
    if (i > 0) m.set(e.slice(0, i), e.slice(i + 1));
    else m.set(e, '');
  }
  return m;
}

function commandLine(cmdLine: string[], prependShell: boolean, shell: readonly string[]): string[] {
  return prependShell ? [...shell, cmdLine.join(' ')] : [...cmdLine];
}

/** `RUN <<EOF` … : the shell runs the here-document as its script when the line is only the marker. */
function heredocCommand(ins: Extract<Instruction, { kind: 'RUN' }>, shell: readonly string[]): string[] {
  const line = (ins.cmdLine ?? []).join(' ').trim();
  const only = ins.files.length === 1 && /^<<-?["']?[A-Za-z0-9_]+["']?$/.test(line);
  if (only) return [...shell, ins.files[0]!.data];
  const text = [line, ...ins.files.flatMap((f) => [f.data.replace(/\n$/, ''), f.name])].join('\n');
  return [...shell, text];
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** BuildKit's vertex text for an instruction: its keyword upper-cased, the rest as written. */
function vertexName(original: string): string {
  const m = /^(\s*)(\S+)(.*)$/s.exec(original);
  if (!m) return original;
  return `${m[2]!.toUpperCase()}${m[3]!}`.replace(/\s*\n\s*/g, ' ');
}

function emptyConfig(): ImageConfig {
  return {
    architecture: 'amd64',
    config: { Env: [`PATH=${DEFAULT_PATH}`] },
    created: '',
    history: [],
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [] },
  };
}

/** The fields moby's image cache compares (image/cache/compare.go). */
function cacheConfig(c: RunConfig): string {
  return JSON.stringify([
    c.User ?? '',
    !!c.Tty,
    !!c.OpenStdin,
    c.Cmd ?? [],
    c.Env ?? [],
    sortedEntries(c.Labels),
    Object.keys(c.ExposedPorts ?? {}).sort(),
    c.Entrypoint ?? [],
    Object.keys(c.Volumes ?? {}).sort(),
    c.WorkingDir ?? '',
    c.Shell ?? [],
    c.StopSignal ?? '',
    c.OnBuild ?? [],
    c.Healthcheck ?? null,
  ]);
}

function sortedEntries(o: Record<string, string> | null | undefined): [string, string][] {
  return Object.entries(o ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** moby's container.Config in Go's field order, as the image JSON carries it. */
export function orderRunConfig(c: RunConfig): RunConfig {
  const o: RunConfig = {
    Hostname: c.Hostname ?? '',
    Domainname: c.Domainname ?? '',
    User: c.User ?? '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
  };
  if (c.ExposedPorts && Object.keys(c.ExposedPorts).length > 0) o.ExposedPorts = c.ExposedPorts;
  o.Tty = false;
  o.OpenStdin = false;
  o.StdinOnce = false;
  o.Env = c.Env ?? null;
  o.Cmd = c.Cmd ?? null;
  if (c.Healthcheck) o.Healthcheck = c.Healthcheck;
  if (c.ArgsEscaped) o.ArgsEscaped = true;
  o.Image = c.Image ?? '';
  o.Volumes = c.Volumes && Object.keys(c.Volumes).length > 0 ? c.Volumes : null;
  o.WorkingDir = c.WorkingDir ?? '';
  o.Entrypoint = c.Entrypoint ?? null;
  o.OnBuild = c.OnBuild && c.OnBuild.length > 0 ? c.OnBuild : null;
  o.Labels = c.Labels ?? null;
  if (c.StopSignal) o.StopSignal = c.StopSignal;
  if (c.Shell && c.Shell.length > 0) o.Shell = c.Shell;
  return o;
}

/** The OCI-shaped config BuildKit's exporter writes (empty fields left out). */
function buildkitRunConfig(c: RunConfig): RunConfig {
  const o: RunConfig = {};
  if (c.User) o.User = c.User;
  if (c.ExposedPorts && Object.keys(c.ExposedPorts).length > 0) o.ExposedPorts = c.ExposedPorts;
  if (c.Env && c.Env.length > 0) o.Env = c.Env;
  if (c.Entrypoint && c.Entrypoint.length > 0) o.Entrypoint = c.Entrypoint;
  if (c.Cmd && c.Cmd.length > 0) o.Cmd = c.Cmd;
  if (c.Volumes && Object.keys(c.Volumes).length > 0) o.Volumes = c.Volumes;
  if (c.WorkingDir) o.WorkingDir = c.WorkingDir;
  if (c.Labels && Object.keys(c.Labels).length > 0) o.Labels = c.Labels;
  if (c.StopSignal) o.StopSignal = c.StopSignal;
  if (c.ArgsEscaped) o.ArgsEscaped = true;
  if (c.Healthcheck) o.Healthcheck = c.Healthcheck;
  if (c.OnBuild && c.OnBuild.length > 0) o.OnBuild = c.OnBuild;
  if (c.Shell && c.Shell.length > 0) o.Shell = c.Shell;
  return o;
}

const BUILDKIT_COMMENT = 'buildkit.dockerfile.v0';

/** A BuildKit row with its layer. */
function withLayerRow(config: ImageConfig, next: RunConfig, diffId: string, createdBy: string, created: string): ImageConfig {
  return {
    ...config,
    config: next,
    history: [...config.history, { created, created_by: createdBy, comment: BUILDKIT_COMMENT }],
    rootfs: { type: 'layers', diff_ids: [...config.rootfs.diff_ids, diffId] },
  };
}

/**
 * moby's exporter dates the undated rows (mobyexporter
 * normalizeLayersAndHistory): those before the build's first layer take
 * that layer's time (the base's last time when the build made none), the
 * others the time of the row above.
 */
export function normalizeCreated(history: readonly HistoryEntry[]): HistoryEntry[] {
  let created = '';
  let undated = false;
  for (const h of history) {
    if (h.created) {
      created = h.created;
      if (undated) break;
    } else undated = true;
  }
  undated = false;
  return history.map((h) => {
    if (h.created) {
      if (undated) created = h.created;
      return h;
    }
    undated = true;
    return { ...h, created };
  });
}

/**
 * What containerd's resolver says when BuildKit cannot resolve an image:
 * Docker Hub answers a missing repository with 401 (pull access denied),
 * a missing tag (or a registry's missing repository) with 404.
 */
function resolverMessage(e: DaemonError, ref: Reference): string {
  if (e.message.startsWith('pull access denied')) {
    return 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
  }
  if (e.kind === 'not-found') return `${canonicalString(ref)}: not found`;
  return e.message;
}

/** dockerfile2llb commonImageNames (with its missing slash). */
function commonImageNames(): string[] {
  return ['alpine', 'busybox', 'centos', 'debian', 'golang', 'ubuntu', 'fedora'].flatMap((n) => [n, `docker.io/library${n}`, `${n}:latest`, `docker.io/library${n}:latest`]);
}

/** buildkit util/suggest.Search, case-sensitive: the nearest option within Levenshtein distance 2, none on an exact match. */
function suggest(val: string, options: readonly string[]): string | undefined {
  let match: string | undefined;
  let min = 3;
  for (const opt of options) {
    if (opt === val) return undefined;
    const dist = levenshtein(val, opt);
    if (dist < min) {
      match = opt;
      min = dist;
    }
  }
  return match;
}

function levenshtein(a: string, b: string): number {
  const ac = [...a];
  const bc = [...b];
  let prev = Array.from({ length: bc.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ac.length; i++) {
    const cur = [i];
    for (let j = 1; j <= bc.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ac[i - 1] === bc[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[bc.length]!;
}

/** nat.ParsePortSpecs for one EXPOSE word: `80` → 80/tcp, `8000-8001/udp` → each port of the range. */
function portSpecs(raw: string): string[] {
  const parts = raw.split(':');
  const container = parts[parts.length - 1]!;
  const hostPort = parts.length >= 2 ? parts[parts.length - 2]! : '';
  const pp = container.split('/');
  let proto = 'tcp';
  let port = container;
  if (container === '' || pp[0] === '') port = '';
  else if (pp.length > 1) {
    port = pp[0]!;
    if (pp[1] !== '') proto = pp[1]!;
  }
  if (port === '') throw new BuildError(`no port specified: ${raw}<empty>`);
  const range = portRange(port);
  if (!range) throw new BuildError(`invalid containerPort: ${port}`);
  if (hostPort !== '' && !portRange(hostPort)) throw new BuildError(`invalid hostPort: ${hostPort}`);
  if (!['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) throw new BuildError(`invalid proto: ${proto}`);
  const out: string[] = [];
  for (let p = range[0]; p <= range[1]; p++) out.push(`${p}/${proto.toLowerCase()}`);
  return out;
}

/** nat.ParsePortRange: `80` or `8000-8010`, each a 16-bit unsigned decimal. */
function portRange(s: string): [number, number] | null {
  const u16 = (x: string | undefined): number | null => (x !== undefined && /^\d+$/.test(x) && Number(x) <= 65535 ? Number(x) : null);
  if (!s.includes('-')) {
    const n = u16(s);
    return n === null ? null : [n, n];
  }
  const [a, b] = s.split('-');
  const start = u16(a);
  const end = u16(b);
  if (start === null || end === null || end < start) return null;
  return [start, end];
}

function asBuildError(e: unknown, line: number): BuildError {
  if (e instanceof BuildError) return e;
  if (e instanceof DaemonError) return new BuildError(e.message, line ? { line: { start: line, end: line } } : {});
  if (e instanceof FsError) return new BuildError(`${e.path}: ${e.description.toLowerCase()}`);
  throw e;
}
