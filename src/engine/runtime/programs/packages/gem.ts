// gem (RubyGems 1.8 under Ruby 1.9.3, as training/sinatra and Ubuntu
// 14.04's ruby carry it; RubyGems 3.3 under bookworm's Ruby 3.1): install
// into the system GEM_HOME (/var/lib/gems/<ruby ABI>) with its cache,
// specification and docs; list reads the specifications back. Messages of
// rubygems lib/rubygems/commands/install_command.rb ("Successfully
// installed json-1.8.1", "1 gem installed", "ERROR:  Could not find a valid
// gem 'x' (>= 0) in any repository").
import type { Fs } from '../../../fs/types.ts';
import type { Program } from '../../process.ts';
import { layout, unpack } from './payload.ts';
import { writeText } from './system.ts';

interface Gem {
  name: string;
  version: string;
  size: number;
  installed: number;
  native: boolean;
  deps: string[];
}

//   name|version|.gem bytes|installed bytes|native extension|runtime dependencies
const RUBY19 = ['json|1.8.1|258560|1430000|1|', 'sinatra|1.4.5|348672|1100000|0|rack rack-protection tilt', 'rack|1.5.2|220160|1300000|0|', 'rack-protection|1.5.3|16896|90000|0|rack', 'tilt|1.4.1|41472|240000|0|', 'bundler|1.17.3|357376|1500000|0|', 'rake|10.5.0|80896|400000|0|'];
const RUBY31 = ['json|2.12.2|130048|1250000|1|', 'sinatra|4.1.1|51712|240000|0|rack rack-protection rack-session tilt mustermann logger', 'rack|3.1.16|127488|700000|0|', 'rack-protection|4.1.1|14848|80000|0|rack rack-session', 'rack-session|2.1.1|11264|50000|0|rack', 'tilt|2.6.1|47104|250000|0|', 'mustermann|3.0.3|24064|150000|0|ruby2_keywords', 'ruby2_keywords|0.0.5|5120|20000|0|', 'logger|1.7.0|11776|60000|0|', 'bundler|2.7.1|444416|1800000|0|', 'rake|13.3.0|79872|400000|0|'];

function table(lines: string[]): Map<string, Gem> {
  return new Map(
    lines.map((l) => {
      const [name, version, size, installed, native, deps] = l.split('|') as string[];
      return [name!, { name: name!, version: version!, size: Number(size), installed: Number(installed), native: native === '1', deps: deps ? deps.split(' ') : [] }];
    }),
  );
}

/** GEM_HOME of the system ruby: /var/lib/gems/1.9.1 (Ruby 1.9.3) or /var/lib/gems/3.1.0. */
function gemHome(fs: Fs): { home: string; legacy: boolean } {
  for (const abi of ['1.9.1', '3.1.0']) {
    if (fs.exists(`/usr/lib/ruby/${abi}`) || fs.exists(`/var/lib/gems/${abi}`) || fs.exists(`/usr/bin/ruby${abi === '1.9.1' ? '1.9.1' : '3.1'}`)) return { home: `/var/lib/gems/${abi}`, legacy: abi === '1.9.1' };
  }
  return { home: '/var/lib/gems/1.9.1', legacy: true };
}

function installedGems(fs: Fs, home: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  let names: string[] = [];
  try {
    names = fs.readdir(`${home}/specifications`);
  } catch {
    return m;
  }
  for (const n of names) {
    const mm = /^(.+)-([^-]+)\.gemspec$/.exec(n);
    if (!mm) continue;
    m.set(mm[1]!, [...(m.get(mm[1]!) ?? []), mm[2]!]);
  }
  return m;
}

export const gemProgram: Program = async (ctx) => {
  const { home, legacy } = gemHome(ctx.fs);
  const index = table(legacy ? RUBY19 : RUBY31);
  const args = ctx.argv.slice(1);
  const command = args[0];
  const names = args.slice(1).filter((a) => !a.startsWith('-'));
  const noDoc = args.some((a) => a === '--no-ri' || a === '--no-rdoc' || a === '--no-document' || a === '-N');
  if (command === 'list') {
    const gems = installedGems(ctx.fs, home);
    ctx.stdout.write('\n*** LOCAL GEMS ***\n\n');
    // `gem list NAME...`: names matching any of them (a case-insensitive regexp, as RubyGems)
    const wanted = names.map((n) => {
      try {
        return new RegExp(n, 'i');
      } catch {
        return new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
      }
    });
    const shown = [...gems.keys()].filter((n) => wanted.length === 0 || wanted.some((r) => r.test(n)));
    for (const n of shown.sort()) ctx.stdout.write(`${n} (${gems.get(n)!.sort().reverse().join(', ')})\n`);
    return 0;
  }
  if (command !== 'install') {
    ctx.stderr.write(command === undefined ? 'RubyGems is a sophisticated package manager for Ruby.\n' : `ERROR:  While executing gem ... (Gem::CommandLineError)\n    Unknown command ${command}\n`);
    return 1;
  }
  let count = 0;
  const done: Gem[] = [];
  for (const n of names) {
    const g = index.get(n);
    if (g === undefined) {
      ctx.stderr.write(`ERROR:  Could not find a valid gem '${n}' (>= 0) in any repository\n`);
      return 2;
    }
    const have = installedGems(ctx.fs, home);
    const todo: Gem[] = [];
    const visit = (x: Gem) => {
      if (todo.includes(x) || (have.get(x.name) ?? []).includes(x.version)) return;
      for (const d of x.deps) visit(index.get(d)!);
      todo.push(x);
    };
    visit(g);
    if (todo.length === 0) todo.push(g);
    for (const x of todo) {
      ctx.stdout.write(legacy ? `Fetching: ${x.name}-${x.version}.gem (100%)\n` : `Fetching ${x.name}-${x.version}.gem\n`);
      await ctx.sleep(200 + Math.round(x.size / 5000));
      if (x.native) {
        ctx.stdout.write(legacy ? 'Building native extensions.  This could take a while...\n' : 'Building native extensions. This could take a while...\n');
        await ctx.sleep(4000);
      }
      const dir = `${home}/gems/${x.name}-${x.version}`;
      const files = layout(x.installed, [{ path: `${dir}/lib/${x.name.replace(/-/g, '/')}.rb`, size: 1_500 }], dir, `${dir}/lib/${x.name}`, ['README.md', 'LICENSE']);
      unpack(ctx.fs, [...files, { path: `${home}/cache/${x.name}-${x.version}.gem`, size: x.size }]);
      writeText(
        ctx.fs,
        `${home}/specifications/${x.name}-${x.version}.gemspec`,
        `# -*- encoding: utf-8 -*-\n\nGem::Specification.new do |s|\n  s.name = "${x.name}"\n  s.version = "${x.version}"\n${x.deps.map((d) => `  s.add_runtime_dependency(%q<${d}>, [">= 0"])\n`).join('')}end\n`,
      );
      ctx.stdout.write(`Successfully installed ${x.name}-${x.version}\n`);
      count++;
      done.push(x);
    }
  }
  if (!legacy && !noDoc) {
    for (const g of done) {
      await ctx.sleep(400);
      ctx.stdout.write(`Parsing documentation for ${g.name}-${g.version}\nInstalling ri documentation for ${g.name}-${g.version}\n`);
      writeText(ctx.fs, `${home}/doc/${g.name}-${g.version}/ri/cache.ri`, '');
    }
    ctx.stdout.write(`Done installing documentation for ${done.map((g) => g.name).join(', ')} after 0 seconds\n`);
  }
  ctx.stdout.write(`${count} gem${count === 1 ? '' : 's'} installed\n`);
  if (legacy && !noDoc) {
    for (const g of done) {
      await ctx.sleep(600);
      ctx.stdout.write(`Installing ri documentation for ${g.name}-${g.version}...\nInstalling RDoc documentation for ${g.name}-${g.version}...\n`);
      writeText(ctx.fs, `${home}/doc/${g.name}-${g.version}/ri/cache.ri`, '');
    }
  }
  return 0;
};
