// GNU wget for the files the seeds download (the EPEL release package):
// the request log, the progress bar's final state and the saved line, as
// wget 1.14 (CentOS 7) prints them in the C locale. Other hosts do not
// resolve: a container reaches no internet in Berth.
import type { Program } from '../../process.ts';
import { resolvePath } from '../../sh/path.ts';
import { isGone } from './sources.ts';
import { writeSized } from './system.ts';

interface Download {
  size: number;
  type: string;
  ip: string;
  /** Key of the gone-sources table when today's internet answers 404. */
  gone?: 'epel6';
}

const DOWNLOADS: Record<string, Download> = {
  'http://dl.fedoraproject.org/pub/epel/6/x86_64/epel-release-6-8.noarch.rpm': { size: 14_540, type: 'application/x-rpm', ip: '209.132.181.23', gone: 'epel6' },
  'https://dl.fedoraproject.org/pub/epel/epel-release-latest-7.noarch.rpm': { size: 15_608, type: 'application/x-rpm', ip: '38.145.60.22' },
};

function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function grouped(n: number): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function wgetProgram(opts: { sourcesAsToday?: () => boolean } = {}): Program {
  return async (ctx) => {
    let output: string | null = null;
    let quiet = false;
    const urls: string[] = [];
    const args = ctx.argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-O') output = args[++i] ?? null;
      else if (a.startsWith('-O')) output = a.slice(2);
      else if (a.startsWith('--output-document=')) output = a.slice(18);
      else if (a === '-q' || a === '--quiet') quiet = true;
      else if (a.startsWith('-')) continue;
      else urls.push(a);
    }
    const log = (s: string) => {
      if (!quiet) ctx.stderr.write(s);
    };
    if (urls.length === 0) {
      ctx.stderr.write("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
      return 1;
    }
    let rc = 0;
    for (const raw of urls) {
      const url = /^[a-z]+:\/\//.test(raw) ? raw : `http://${raw}`;
      const m = /^(https?):\/\/([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
      if (m === null) {
        log(`${raw}: Invalid URL ${raw}: Unsupported scheme\n`);
        rc = 1;
        continue;
      }
      const [, scheme, host, portText, path = '/'] = m as unknown as [string, string, string, string | undefined, string?];
      const port = portText ?? (scheme === 'https' ? '443' : '80');
      log(`--${stamp(ctx.now())}--  ${url}\n`);
      const d = DOWNLOADS[url];
      if (d === undefined) {
        await ctx.sleep(1000);
        log(`Resolving ${host} (${host})... failed: Name or service not known.\nwget: unable to resolve host address '${host}'\n`);
        rc = 4;
        continue;
      }
      log(`Resolving ${host} (${host})... ${d.ip}\n`);
      await ctx.sleep(150);
      log(`Connecting to ${host} (${host})|${d.ip}|:${port}... connected.\n`);
      await ctx.sleep(150);
      if (d.gone && isGone(opts.sourcesAsToday, d.gone)) {
        log(`HTTP request sent, awaiting response... 404 Not Found\n${stamp(ctx.now())} ERROR 404: Not Found.\n\n`);
        rc = 8;
        continue;
      }
      const name = output ?? (path.split('/').pop() || 'index.html');
      log(`HTTP request sent, awaiting response... 200 OK\nLength: ${d.size} (${Math.round(d.size / 1024)}K) [${d.type}]\nSaving to: '${name}'\n\n`);
      const secs = 0.1;
      await ctx.sleep(secs * 1000);
      const rate = `${Math.round(d.size / 1024 / secs)} KB/s`;
      log(`100%[${'='.repeat(38)}>] ${grouped(d.size).padEnd(11)} --.-K/s   in ${secs}s    \n\n`);
      if (output !== '-') writeSized(ctx.fs, resolvePath(ctx.cwd, name), d.size);
      log(`${stamp(ctx.now())} (${rate}) - '${name}' saved [${d.size}/${d.size}]\n\n`);
    }
    return rc;
  };
}
