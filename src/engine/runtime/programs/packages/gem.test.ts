// gem under Ruby 1.9.3 (RubyGems 1.8, training/sinatra / Ubuntu 14.04) and
// Ruby 3.1 (RubyGems 3.3, bookworm). Messages of rubygems'
// install_command.rb and list_command.rb; 1.8's "Fetching: x.gem (100%)",
// "Building native extensions.  This could take a while..." and its
// ri/RDoc lines as build logs of training/sinatra-style images show them.
import { describe, expect, it } from 'vitest';
import type { UnionFs } from '../../../fs/union.ts';
import { packagePrograms } from './index.ts';
import { containerFs, runProgram } from './testing.ts';

const run = (fs: UnionFs, argv: string[]) => runProgram(packagePrograms().get('gem')!, argv, fs);

function sinatra(): UnionFs {
  return containerFs([
    { type: 'text', path: '/etc/os-release', text: 'NAME="Ubuntu"\nVERSION="14.04 LTS, Trusty Tahr"\nID=ubuntu\nVERSION_ID="14.04"\n' },
    { type: 'dir', path: '/usr/lib/ruby/1.9.1' },
    ...['sinatra-1.4.5', 'rack-protection-1.5.3', 'tilt-1.4.1', 'rack-1.5.2'].map((g) => ({ type: 'text' as const, path: `/var/lib/gems/1.9.1/specifications/${g}.gemspec`, text: '# gemspec\n' })),
  ]);
}

describe('gem', () => {
  it('install json under Ruby 1.9.3: fetch, native extension, docs; gem list shows it with the image\'s gems', async () => {
    const fs = sinatra();
    const r = await run(fs, ['gem', 'install', 'json']);
    expect(r).toMatchObject({
      status: 0,
      out: 'Fetching: json-1.8.1.gem (100%)\nBuilding native extensions.  This could take a while...\nSuccessfully installed json-1.8.1\n1 gem installed\nInstalling ri documentation for json-1.8.1...\nInstalling RDoc documentation for json-1.8.1...\n',
    });
    expect(r.elapsed).toBeGreaterThan(4000);
    expect(fs.stat('/var/lib/gems/1.9.1/cache/json-1.8.1.gem').size).toBe(258_560);
    expect(fs.exists('/var/lib/gems/1.9.1/gems/json-1.8.1/lib/json.rb')).toBe(true);
    expect((await run(fs, ['gem', 'list'])).out).toBe('\n*** LOCAL GEMS ***\n\njson (1.8.1)\nrack (1.5.2)\nrack-protection (1.5.3)\nsinatra (1.4.5)\ntilt (1.4.1)\n');
  });

  it('an unknown gem', async () => {
    expect(await run(sinatra(), ['gem', 'install', 'nosuch'])).toMatchObject({ status: 2, err: "ERROR:  Could not find a valid gem 'nosuch' (>= 0) in any repository\n" });
  });

  it('RubyGems 3 on bookworm: Fetching without the colon, documentation parsed before the count', async () => {
    const fs = containerFs([{ type: 'text', path: '/etc/os-release', text: 'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n' }, { type: 'file', path: '/usr/bin/ruby3.1', size: 15_000, mode: 0o755 }]);
    const r = await run(fs, ['gem', 'install', 'json']);
    expect(r.out).toBe(
      'Fetching json-2.12.2.gem\nBuilding native extensions. This could take a while...\nSuccessfully installed json-2.12.2\nParsing documentation for json-2.12.2\nInstalling ri documentation for json-2.12.2\nDone installing documentation for json after 0 seconds\n1 gem installed\n',
    );
    expect(fs.exists('/var/lib/gems/3.1.0/specifications/json-2.12.2.gemspec')).toBe(true);
  });
});
