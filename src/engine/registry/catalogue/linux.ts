// Root file systems of the catalogue's Linux distributions.
import { bulk, dirs, links, programs, text, type EntryRecipe } from './recipe.ts';

export const BUSYBOX_APPLETS = [
  '[', '[[', 'addgroup', 'adduser', 'ar', 'arch', 'ash', 'awk', 'base64', 'basename', 'bc', 'cal', 'cat', 'chgrp',
  'chmod', 'chown', 'chroot', 'clear', 'cmp', 'cp', 'cpio', 'crond', 'cut', 'date', 'dc', 'dd', 'df', 'diff',
  'dirname', 'dmesg', 'dnsdomainname', 'du', 'echo', 'ed', 'egrep', 'env', 'expand', 'expr', 'false', 'fgrep',
  'find', 'fold', 'free', 'fsync', 'getopt', 'grep', 'groups', 'gunzip', 'gzip', 'halt', 'head', 'hexdump',
  'hostid', 'hostname', 'httpd', 'id', 'ifconfig', 'init', 'install', 'ip', 'ipcalc', 'kill', 'killall', 'less',
  'link', 'ln', 'logger', 'login', 'ls', 'lsof', 'md5sum', 'mkdir', 'mkfifo', 'mknod', 'mktemp', 'more', 'mount',
  'mv', 'nc', 'netstat', 'nice', 'nl', 'nohup', 'nproc', 'nslookup', 'od', 'passwd', 'paste', 'patch', 'pgrep',
  'pidof', 'ping', 'pkill', 'poweroff', 'printenv', 'printf', 'ps', 'pwd', 'readlink', 'realpath', 'reboot',
  'renice', 'reset', 'rev', 'rm', 'rmdir', 'route', 'sed', 'seq', 'sh', 'sha1sum', 'sha256sum', 'sleep', 'sort',
  'split', 'stat', 'strings', 'stty', 'su', 'sync', 'tac', 'tail', 'tar', 'tee', 'telnet', 'test', 'time',
  'timeout', 'top', 'touch', 'tr', 'traceroute', 'true', 'truncate', 'tty', 'umount', 'uname', 'uniq', 'unlink',
  'unzip', 'uptime', 'usleep', 'uudecode', 'uuencode', 'vi', 'watch', 'wc', 'wget', 'which', 'whoami', 'xargs',
  'yes', 'zcat',
];

const BUSYBOX_PASSWD = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;
const BUSYBOX_GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
wheel:x:10:root
mail:x:12:
www-data:x:33:
operator:x:37:
users:x:100:
nogroup:x:65534:
`;

export function busyboxRoot(): EntryRecipe[] {
  return [
    ...dirs('/bin', '/dev', '/etc', '/home', '/lib', '/root', '/tmp', '/usr', '/usr/sbin', '/var', '/var/spool',
      '/var/spool/mail', '/var/www'),
    { type: 'symlink', path: '/lib64', target: 'lib' },
    { type: 'file', path: '/bin/busybox', size: 1_160_000, mode: 0o755 },
    ...links('/bin', BUSYBOX_APPLETS, 'busybox'),
    text('/etc/passwd', BUSYBOX_PASSWD),
    text('/etc/group', BUSYBOX_GROUP),
    text('/etc/shadow', 'root:*:10933:0:99999:7:::\n', 0o600),
    { type: 'file', path: '/lib/libc.so.6', size: 1_895_328, mode: 0o755 },
    { type: 'file', path: '/lib/libm.so.6', size: 907_784, mode: 0o644 },
    { type: 'file', path: '/lib/libresolv.so.2', size: 68_104, mode: 0o644 },
    { type: 'file', path: '/lib/ld-linux-x86-64.so.2', size: 236_616, mode: 0o755 },
    { type: 'file', path: '/lib/libnss_files.so.2', size: 14_480, mode: 0o644 },
  ];
}

export const GNU_BIN = [
  'bash', 'cat', 'chgrp', 'chmod', 'chown', 'cp', 'date', 'dd', 'df', 'dir', 'echo', 'false', 'grep', 'gzip',
  'hostname', 'ln', 'login', 'ls', 'mkdir', 'mknod', 'mktemp', 'more', 'mount', 'mv', 'pwd', 'readlink', 'rm',
  'rmdir', 'sed', 'sleep', 'stty', 'su', 'sync', 'tar', 'touch', 'true', 'umount', 'uname', 'zcat', 'dash',
  'base64', 'basename', 'chroot', 'cksum', 'comm', 'cut', 'dirname', 'du', 'env', 'expand', 'expr', 'find',
  'fold', 'groups', 'head', 'id', 'install', 'join', 'link', 'logname', 'md5sum', 'mkfifo', 'nice', 'nl',
  'nohup', 'nproc', 'od', 'paste', 'printenv', 'printf', 'realpath', 'seq', 'sha1sum', 'sha256sum', 'shuf',
  'sort', 'split', 'stat', 'tac', 'tail', 'tee', 'test', 'timeout', 'tr', 'truncate', 'tty', 'uniq', 'unlink',
  'users', 'wc', 'who', 'whoami', 'xargs', 'yes', 'apt', 'apt-get', 'apt-cache', 'apt-config', 'apt-mark',
  'dpkg', 'dpkg-query', 'diff', 'cmp', 'perl', 'gpgv', 'which', '[',
];

/**
 * /etc/bash.bashrc of Debian and Ubuntu (the part an interactive root shell
 * in a container runs): it sets the `root@<short id>:/#` prompt.
 */
const BASH_BASHRC = `# System-wide .bashrc file for interactive bash(1) shells.

# To enable the settings / commands in this file for login shells as well,
# this file has to be sourced in /etc/profile.

# If not running interactively, don't do anything
[ -z "$PS1" ] && return

# check the window size after each command and, if necessary,
# update the values of LINES and COLUMNS.
shopt -s checkwinsize

# set variable identifying the chroot you work in (used in the prompt below)
if [ -z "\${debian_chroot:-}" ] && [ -r /etc/debian_chroot ]; then
    debian_chroot=$(cat /etc/debian_chroot)
fi

# set a fancy prompt (non-color, overwrite the one in /etc/profile)
# but only if not SUDOing and have SUDO_PS1 set; then assume smart user.
if ! [ -n "\${SUDO_USER}" -a -n "\${SUDO_PS1}" ]; then
  PS1='\${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '
fi
`;

/** procps: older Ubuntu images shipped it; current Debian and Ubuntu images do not (no `ps`). */
export const PROCPS = ['ps', 'kill', 'free', 'top', 'uptime', 'pgrep', 'pkill', 'watch', 'vmstat', 'w'];

export interface DistroOptions {
  osRelease: string;
  extraText?: EntryRecipe[];
  /** Total declared bytes of the layer, reached with generated library files. */
  size: number;
  shell: 'dash' | 'busybox';
  hostname?: string;
  /** Ships procps (ps, top, kill ...). */
  procps?: boolean;
}

export const DEBIAN_PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;
export const DEBIAN_GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
fax:x:21:
voice:x:22:
cdrom:x:24:
floppy:x:25:
tape:x:26:
sudo:x:27:
audio:x:29:
dip:x:30:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
sasl:x:45:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
`;

/** What /etc/issue names: "Debian GNU/Linux 12", "Ubuntu 24.04.3 LTS". */
function issueName(osRelease: string): string {
  const pretty = /PRETTY_NAME="([^"]*)"/.exec(osRelease)?.[1] ?? 'Linux';
  // Ubuntu 12.04 names itself "Ubuntu precise (12.04.5 LTS)"
  return pretty.replace(/ \(\w+\)$/, '').replace(/^Ubuntu \w+ \((.*)\)$/, 'Ubuntu $1');
}

/** A Debian-family root (Debian, Ubuntu): merged /usr, GNU userland, apt. */
export function debianRoot(o: DistroOptions): EntryRecipe[] {
  const fixed: EntryRecipe[] = [
    ...dirs('/boot', '/dev', '/etc', '/home', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/srv', '/sys',
      '/tmp', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/share', '/var',
      '/var/lib', '/var/lib/apt', '/var/lib/apt/lists', '/var/lib/dpkg', '/var/cache', '/var/cache/apt', '/var/log',
      '/var/tmp', '/etc/apt'),
    { type: 'symlink', path: '/bin', target: 'usr/bin' },
    { type: 'symlink', path: '/sbin', target: 'usr/sbin' },
    { type: 'symlink', path: '/lib', target: 'usr/lib' },
    { type: 'symlink', path: '/lib64', target: 'usr/lib64' },
    ...programs('/usr/bin', o.procps ? [...GNU_BIN, ...PROCPS] : GNU_BIN, 120_000),
    { type: 'symlink', path: '/usr/bin/sh', target: 'dash' },
    // mawk is Priority: required in Debian and Ubuntu; awk is its alternative
    { type: 'file', path: '/usr/bin/mawk', size: 133_760, mode: 0o755 },
    ...dirs('/etc/alternatives'),
    { type: 'symlink', path: '/etc/alternatives/awk', target: '/usr/bin/mawk' },
    { type: 'symlink', path: '/usr/bin/awk', target: '/etc/alternatives/awk' },
    ...programs('/usr/sbin', ['nologin', 'useradd', 'groupadd', 'usermod', 'ldconfig'], 60_000),
    text('/etc/passwd', DEBIAN_PASSWD),
    text('/etc/group', DEBIAN_GROUP),
    text('/etc/shadow', 'root:*:20000:0:99999:7:::\n', 0o640),
    text('/etc/os-release', o.osRelease),
    text('/etc/issue', `${issueName(o.osRelease)} \\n \\l\n\n`),
    text('/etc/issue.net', `${issueName(o.osRelease)}\n`),
    text('/etc/hostname', ''),
    text('/etc/bash.bashrc', BASH_BASHRC),
    text('/root/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n'),
    text('/root/.profile', '# ~/.profile: executed by Bourne-compatible login shells.\n'),
    ...(o.extraText ?? []),
  ];
  const fixedSize = fixed.reduce((n, e) => n + (e.type === 'file' ? e.size : e.type === 'text' ? e.text.length : 0), 0);
  return [...fixed, ...bulk('/usr/lib/x86_64-linux-gnu', 'lib', 40, Math.max(0, o.size - fixedSize))];
}

/** Alpine: busybox userland over musl, apk. */
export function alpineRoot(osRelease: string, size: number): EntryRecipe[] {
  const fixed: EntryRecipe[] = [
    ...dirs('/bin', '/dev', '/etc', '/etc/apk', '/home', '/lib', '/lib/apk', '/media', '/mnt', '/opt', '/proc',
      '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/local',
      '/usr/share', '/var', '/var/cache', '/var/log', '/var/tmp'),
    { type: 'file', path: '/bin/busybox', size: 808_712, mode: 0o755 },
    ...links('/bin', BUSYBOX_APPLETS.filter((a) => !['[', '[['].includes(a)), '/bin/busybox'),
    { type: 'file', path: '/sbin/apk', size: 89_000, mode: 0o755 },
    { type: 'file', path: '/lib/ld-musl-x86_64.so.1', size: 659_000, mode: 0o755 },
    text('/etc/os-release', osRelease),
    text('/etc/alpine-release', osRelease.match(/VERSION_ID=(\S+)/)?.[1] + '\n'),
    text('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n'),
    text('/etc/group', 'root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nnogroup:x:65533:\nnobody:x:65534:\n'),
    text('/etc/hostname', 'localhost\n'),
  ];
  const fixedSize = fixed.reduce((n, e) => n + (e.type === 'file' ? e.size : e.type === 'text' ? e.text.length : 0), 0);
  return [...fixed, ...bulk('/usr/lib', 'lib', 12, Math.max(0, size - fixedSize))];
}

/** Bytes a list of entries declares (files and texts), to top a layer up to its real size. */
export function declaredSize(entries: EntryRecipe[]): number {
  return entries.reduce((n, e) => n + (e.type === 'file' ? e.size : e.type === 'text' ? e.text.length : 0), 0);
}

/** `entries`, then generated files under `dir` so the layer weighs `size` bytes. */
export function sized(size: number, dir: string, entries: EntryRecipe[], count = 12): EntryRecipe[] {
  return [...entries, ...bulk(dir, 'lib', count, Math.max(0, size - declaredSize(entries)))];
}

const CENTOS_PASSWD = `root:x:0:0:root:/root:/bin/bash
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
adm:x:3:4:adm:/var/adm:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/spool/mail:/sbin/nologin
operator:x:11:0:operator:/root:/sbin/nologin
games:x:12:100:games:/usr/games:/sbin/nologin
ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin
nobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin
`;
const CENTOS_GROUP = `root:x:0:
bin:x:1:
daemon:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mem:x:8:
kmem:x:9:
wheel:x:10:
cdrom:x:11:
mail:x:12:
man:x:15:
dialout:x:18:
floppy:x:19:
games:x:20:
tape:x:33:
video:x:39:
ftp:x:50:
lock:x:54:
audio:x:63:
users:x:100:
nobody:x:65534:
`;

/** The GNU userland of a minimal CentOS image: coreutils, bash, grep, sed, gawk, findutils, tar, gzip. */
const CENTOS_BIN = GNU_BIN.filter((b) => !['apt', 'apt-get', 'apt-cache', 'apt-config', 'apt-mark', 'dpkg', 'dpkg-query', 'dash', 'perl', 'which'].includes(b))
  .concat(['awk', 'gawk', 'rpm', 'rpmkeys', 'rpmquery', 'curl', 'vi']);

export interface CentosOptions {
  /** 7 or 8. */
  major: 7 | 8;
  osRelease: string;
  release: string;
  size: number;
}

/**
 * A CentOS root: merged /usr, bash as /bin/sh, rpm and yum (CentOS 8's yum is
 * dnf; the binaries are files of their own name so each resolves to its
 * program), no wget; procps (ps) in CentOS 7's image only.
 */
export function centosRoot(o: CentosOptions): EntryRecipe[] {
  const managers = o.major === 8 ? ['yum', 'dnf'] : ['yum'];
  const fixed: EntryRecipe[] = [
    // no /boot in the container image; lost+found from the image's file system
    ...dirs('/dev', '/etc', '/etc/yum.repos.d', '/home', '/media', '/mnt', '/opt', '/proc', '/root', '/run',
      '/srv', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/lib64', '/usr/local', '/usr/local/bin',
      '/usr/share', '/var', '/var/lib', '/var/lib/rpm', '/var/cache', '/var/log', '/var/tmp', '/var/spool',
      '/var/spool/mail'),
    { type: 'symlink', path: '/bin', target: 'usr/bin' },
    { type: 'symlink', path: '/sbin', target: 'usr/sbin' },
    { type: 'symlink', path: '/lib', target: 'usr/lib' },
    { type: 'symlink', path: '/lib64', target: 'usr/lib64' },
    ...programs('/usr/bin', [...CENTOS_BIN, ...managers, ...(o.major === 7 ? PROCPS : [])], 120_000),
    { type: 'symlink', path: '/usr/bin/sh', target: 'bash' },
    ...programs('/usr/sbin', ['nologin', 'useradd', 'groupadd', 'usermod', 'ldconfig'], 60_000),
    { type: 'dir', path: '/lost+found', mode: 0o700 },
    ...(o.major === 7 ? [text('/anaconda-post.log', '[anaconda root] Running post-install scripts\n')] : []),
    text('/etc/passwd', CENTOS_PASSWD),
    text('/etc/group', CENTOS_GROUP),
    text('/etc/shadow', 'root:!locked::0:99999:7:::\n', 0o000),
    text('/etc/os-release', o.osRelease),
    text('/etc/centos-release', `${o.release}\n`),
    { type: 'symlink', path: '/etc/redhat-release', target: 'centos-release' },
    { type: 'symlink', path: '/etc/system-release', target: 'centos-release' },
    text('/etc/hostname', ''),
    text('/etc/yum.conf', '[main]\ngpgcheck=1\ninstallonly_limit=3\nclean_requirements_on_remove=True\nbest=True\nskip_if_unavailable=False\n'),
    text('/etc/bashrc', '# /etc/bashrc\n\n# System wide functions and aliases\n# Environment stuff goes in /etc/profile\n'),
    text('/root/.bashrc', '# .bashrc\n\n# User specific aliases and functions\n'),
    text('/root/.bash_profile', '# .bash_profile\n\n# Get the aliases and functions\nif [ -f ~/.bashrc ]; then\n\t. ~/.bashrc\nfi\n'),
  ];
  return sized(o.size, '/usr/lib64', fixed, 40);
}
