// dpkg and dpkg-query over the status file apt-get writes: -l (list),
// -L (files), -s (status). Formats and messages of dpkg 1.21 (bookworm),
// recorded non-tty with LANG=C.
import type { ProcessContext, Program } from '../../process.ts';
import { listFiles, readStatus, type StatusEntry } from './dpkg-db.ts';

function globToRegExp(glob: string): RegExp {
  return new RegExp('^' + glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
}

/** name:arch for Multi-Arch: same packages, as dpkg -l shows them. */
function shownName(e: StatusEntry): string {
  const f = e.fields;
  return f.get('Multi-Arch') === 'same' ? `${f.get('Package')}:${f.get('Architecture')}` : f.get('Package')!;
}

function list(ctx: ProcessContext, patterns: string[]): number {
  const status = readStatus(ctx.fs);
  let entries = [...status.values()];
  let rc = 0;
  if (patterns.length > 0) {
    const picked = new Set<StatusEntry>();
    for (const pat of patterns) {
      const re = globToRegExp(pat);
      const hits = entries.filter((e) => re.test(e.fields.get('Package')!) || re.test(shownName(e)));
      if (hits.length === 0) {
        ctx.stderr.write(`dpkg-query: no packages found matching ${pat}\n`);
        rc = 1;
      }
      for (const h of hits) picked.add(h);
    }
    entries = [...picked];
  }
  entries.sort((a, b) => (a.fields.get('Package')! < b.fields.get('Package')! ? -1 : 1));
  if (entries.length === 0) return rc;
  // dpkg's list_format_init without a terminal: at least 14/12/12/33, widened to the widest value
  let nw = 14;
  let vw = 12;
  let aw = 12;
  let dw = 33;
  const desc = (e: StatusEntry) => (e.fields.get('Description') ?? '').split('\n')[0]!;
  for (const e of entries) {
    nw = Math.max(nw, shownName(e).length);
    vw = Math.max(vw, (e.fields.get('Version') ?? '').length);
    aw = Math.max(aw, (e.fields.get('Architecture') ?? '').length);
    dw = Math.max(dw, desc(e).length);
  }
  const pad = (s: string, w: number) => s.slice(0, w).padEnd(w);
  let out =
    'Desired=Unknown/Install/Remove/Purge/Hold\n' +
    '| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n' +
    '|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n' +
    `||/ ${pad('Name', nw)} ${pad('Version', vw)} ${pad('Architecture', aw)} Description\n` +
    `+++-${'='.repeat(nw)}-${'='.repeat(vw)}-${'='.repeat(aw)}-${'='.repeat(dw)}\n`;
  for (const e of entries) {
    const st = e.fields.get('Status') ?? '';
    const flag = st.endsWith(' installed') ? 'ii' : st.endsWith('config-files') ? 'rc' : 'un';
    out += `${flag}  ${pad(shownName(e), nw)} ${pad(e.fields.get('Version') ?? '', vw)} ${pad(e.fields.get('Architecture') ?? '', aw)} ${desc(e).slice(0, dw)}\n`;
  }
  ctx.stdout.write(out);
  return rc;
}

function files(ctx: ProcessContext, names: string[]): number {
  let rc = 0;
  let first = true;
  for (const n of names) {
    const paths = listFiles(ctx.fs, n);
    if (paths === null) {
      ctx.stderr.write(`dpkg-query: package '${n}' is not installed\nUse dpkg --contents (= dpkg-deb --contents) to list archive files contents.\n`);
      rc = 1;
      continue;
    }
    if (!first) ctx.stdout.write('\n');
    first = false;
    ctx.stdout.write(paths.join('\n') + '\n');
  }
  return rc;
}

function show(ctx: ProcessContext, names: string[]): number {
  const status = readStatus(ctx.fs);
  let rc = 0;
  const paras: string[] = [];
  for (const n of names) {
    const e = status.get(n.replace(/:amd64$/, ''));
    if (e === undefined) {
      ctx.stderr.write(`dpkg-query: package '${n}' is not installed and no information is available\nUse dpkg --info (= dpkg-deb --info) to examine archive files.\n`);
      rc = 1;
      continue;
    }
    paras.push([...e.fields].map(([k, v]) => `${k}: ${v}`).join('\n') + '\n');
  }
  if (paras.length) ctx.stdout.write(paras.join('\n'));
  return rc;
}

const DPKG_HELP = `Type dpkg --help for help about installing and deinstalling packages [*];
Use 'apt' or 'aptitude' for user-friendly package management;
Type dpkg -Dhelp for a list of dpkg debug flag values;
Type dpkg --force-help for a list of forcing options;
Type dpkg-deb --help for help about manipulating *.deb files;

Options marked [*] produce a lot of output - pipe it through 'less' or 'more' !
`;

const ACTIONS: Record<string, 'l' | 'L' | 's'> = { '-l': 'l', '--list': 'l', '-L': 'L', '--listfiles': 'L', '-s': 's', '--status': 's' };

/** dpkg / dpkg-query: the query actions. */
export const dpkgProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const action = args.find((a) => ACTIONS[a] !== undefined);
  const rest = args.filter((a) => ACTIONS[a] === undefined);
  const tool = (ctx.argv[0] ?? 'dpkg').split('/').pop();
  if (action === undefined) {
    const first = args.find((a) => a.startsWith('-'));
    const why = first === undefined ? 'need an action option' : `unknown option ${first}`;
    ctx.stderr.write(tool === 'dpkg' ? `dpkg: error: ${why}\n\n${DPKG_HELP}` : `dpkg-query: error: ${why}\n\nUse --help for help about querying packages.\n`);
    return 2;
  }
  const flag = ACTIONS[action];
  if (flag === 'l') return list(ctx, rest);
  if (flag === 's' && rest.length === 0) rest.push(...readStatus(ctx.fs).keys());
  if (rest.length === 0) {
    ctx.stderr.write(`dpkg-query: error: --${flag === 'L' ? 'listfiles' : 'status'} needs at least one package name argument\n\nUse --help for help about querying packages.\n`);
    return 2;
  }
  return flag === 'L' ? files(ctx, rest) : show(ctx, rest);
};
