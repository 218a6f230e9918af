// The CentOS repositories yum/dnf read, for the packages the seeds install
// and what they pull in over the centos:7 and centos:8 images. Versions are
// the last each release shipped (7.9.2009, 8.5.2111); sizes as the
// repositories' primary metadata lists them, rounded.
//   name|[epoch:]version-release|arch|repo|download bytes|installed bytes|requires|also known as|summary

const C7: readonly string[] = [
  'wget|1.14-18.el7_6.1|x86_64|base|560456|2055446|||A utility for retrieving files using the HTTP or FTP protocols',
  'vim-enhanced|2:7.4.629-8.el7_9|x86_64|updates|1108232|2296718|vim-common perl-libs gpm-libs|vim|A version of the VIM editor which includes recent enhancements',
  'vim-common|2:7.4.629-8.el7_9|x86_64|updates|6263604|21876442|vim-filesystem||The common files needed by any version of the VIM editor',
  'vim-filesystem|2:7.4.629-8.el7_9|x86_64|updates|11708|0|||VIM filesystem layout',
  'gpm-libs|1.20.7-6.el7|x86_64|base|32820|68232|||Dynamic library for for the gpm',
  'perl-libs|4:5.16.3-299.el7_9|x86_64|updates|704656|1664412|||The libraries for the perl runtime',
  'perl|4:5.16.3-299.el7_9|x86_64|updates|8232084|23523234|perl-libs||Practical Extraction and Report Language',
  'which|2.20-7.el7|x86_64|base|42196|76092|||Displays where a particular program in your path is located',
  'net-tools|2.0-0.25.20131004git.el7|x86_64|base|313424|939930|||Basic networking tools',
  'tomcat|7.0.76-16.el7_9|noarch|updates|93208|306316|tomcat-lib java-1.8.0-openjdk-headless apache-commons-daemon apache-commons-logging||Apache Servlet/JSP Engine, RI for Servlet 3.0/JSP 2.2 API',
  'tomcat-lib|7.0.76-16.el7_9|noarch|updates|4070212|4503346|tomcat-servlet-3.0-api tomcat-jsp-2.2-api tomcat-el-2.2-api||Libraries needed to run the Tomcat Web container',
  'tomcat-servlet-3.0-api|7.0.76-16.el7_9|noarch|updates|217132|216804|||Apache Tomcat Servlet API implementation package',
  'tomcat-jsp-2.2-api|7.0.76-16.el7_9|noarch|updates|96576|82504|||Apache Tomcat JSP API implementation package',
  'tomcat-el-2.2-api|7.0.76-16.el7_9|noarch|updates|85888|71344|||Expression Language v2.2 API',
  'apache-commons-daemon|1.0.13-7.el7|x86_64|base|55020|89880|||Defines API to support an alternative invocation mechanism',
  'apache-commons-logging|1.1.2-7.el7|noarch|base|79160|86464|||Apache Commons Logging',
  'java-1.8.0-openjdk-headless|1:1.8.0.412.b08-1.el7_9|x86_64|updates|33744188|111262106|tzdata-java javapackages-tools copy-jdk-configs||OpenJDK 8 Headless Runtime Environment',
  'tzdata-java|2024a-1.el7|noarch|updates|191648|371820|||Timezone data for Java',
  'javapackages-tools|3.4.1-11.el7|noarch|base|73448|204552|python-javapackages||Macros and scripts for Java packaging support',
  'python-javapackages|3.4.1-11.el7|noarch|base|31812|92418|||Module for handling various files for Java packaging',
  'copy-jdk-configs|3.3-11.el7_9|noarch|updates|21700|41372|||JDKs configuration files copier',
  'httpd|2.4.6-99.el7.centos.1|x86_64|updates|2828032|9830032|httpd-tools apr apr-util mailcap centos-logos||Apache HTTP Server',
  'httpd-tools|2.4.6-99.el7.centos.1|x86_64|updates|95132|172640|||Tools for use with the Apache HTTP Server',
  'apr|1.4.8-7.el7|x86_64|base|106180|225976|||Apache Portable Runtime library',
  'apr-util|1.5.2-6.el7_9.1|x86_64|updates|94364|203312|apr||Apache Portable Runtime Utility library',
  'mailcap|2.1.41-2.el7|noarch|base|31944|63272|||Helper application and MIME type associations for file types',
  'centos-logos|70.0.6-3.el7.centos|noarch|base|21983532|22418468|||CentOS-related icons and pictures',
  'git|1.8.3.1-25.el7_9|x86_64|updates|4569420|23262338|perl-Git perl||Fast Version Control System',
  'perl-Git|1.8.3.1-25.el7_9|noarch|updates|56992|58567|perl||Perl interface to Git',
  'python3|3.6.8-21.el7_9|x86_64|updates|72116|39357|python3-libs||Interpreter of the Python programming language',
  'python3-libs|3.6.8-21.el7_9|x86_64|updates|7201440|32641506|||Python runtime libraries',
  'epel-release|7-14|noarch|extras|15500|25011|||Extra Packages for Enterprise Linux repository configuration',
  // EPEL 6, which the seeds' `rpm -ivh epel-release-6-8.noarch.rpm` enables on CentOS 7
  'nginx|1.10.3-1.el6|x86_64|epel|486004|1217428|nginx-filesystem||A high performance web server and reverse proxy server',
  'nginx-filesystem|1.10.3-1.el6|noarch|epel|8868|0|||The basic directory layout for the Nginx server',
  'redis|3.2.12-2.el6|x86_64|epel|541868|1404364|jemalloc||A persistent key-value database',
  'jemalloc|3.6.0-1.el6|x86_64|epel|100600|288464|||General-purpose scalable concurrent malloc implementation',
];

const C8: readonly string[] = [
  'wget|1.19.5-10.el8|x86_64|appstream|750732|2989838|libmetalink||A utility for retrieving files using the HTTP or FTP protocols',
  'libmetalink|0.1.3-7.el8|x86_64|baseos|32540|71816|||Metalink library written in C',
  'vim-enhanced|2:8.0.1763-16.el8|x86_64|appstream|1436148|3107200|vim-common gpm-libs which|vim|A version of the VIM editor which includes recent enhancements',
  'vim-common|2:8.0.1763-16.el8|x86_64|appstream|6631532|28150880|vim-filesystem||The common files needed by any version of the VIM editor',
  'vim-filesystem|2:8.0.1763-16.el8|noarch|appstream|49616|40|||VIM filesystem layout',
  'gpm-libs|1.20.7-17.el8|x86_64|appstream|39388|47360|||Dynamic library for for the gpm',
  'which|2.21-16.el8|x86_64|baseos|49928|82008|||Displays where a particular program in your path is located',
  'net-tools|2.0-0.52.20160912git.el8|x86_64|baseos|329844|966304|||Basic networking tools',
  'nginx|1:1.14.1-9.module_el8.0.0+184+e34fea82|x86_64|appstream|584284|1715416|nginx-filesystem||A high performance web server and reverse proxy server',
  'nginx-filesystem|1:1.14.1-9.module_el8.0.0+184+e34fea82|noarch|appstream|24292|0|||The basic directory layout for the Nginx server',
  'httpd|2.4.37-43.module_el8.5.0+1022+b541f3b1|x86_64|appstream|1462096|4936640|httpd-tools httpd-filesystem apr apr-util centos-logos-httpd||Apache HTTP Server',
  'httpd-tools|2.4.37-43.module_el8.5.0+1022+b541f3b1|x86_64|appstream|108112|208176|||Tools for use with the Apache HTTP Server',
  'httpd-filesystem|2.4.37-43.module_el8.5.0+1022+b541f3b1|noarch|appstream|40532|400|||The basic directory layout for the Apache HTTP server',
  'apr|1.6.3-12.el8|x86_64|appstream|131516|287544|||Apache Portable Runtime library',
  'apr-util|1.6.1-6.el8|x86_64|appstream|107528|222096|apr||Apache Portable Runtime Utility library',
  'centos-logos-httpd|85.8-2.el8|noarch|baseos|76608|55944|||CentOS-related icons and pictures used by httpd',
  'git|2.27.0-1.el8|x86_64|appstream|168780|340224|git-core perl-Git||Fast Version Control System',
  'git-core|2.27.0-1.el8|x86_64|appstream|5926688|35428156|||Core package of git with minimal functionality',
  'perl-Git|2.27.0-1.el8|noarch|appstream|79908|64432|||Perl interface to Git',
  'python3|3.6.8-41.el8|x86_64|baseos|96548|36808|||Interpreter of the Python programming language',
  'epel-release|8-11.el8|noarch|extras|24416|35272|||Extra Packages for Enterprise Linux repository configuration',
];

export interface RpmPackage {
  name: string;
  /** [epoch:]version-release, as yum prints it. */
  evr: string;
  arch: string;
  repo: string;
  size: number;
  installed: number;
  requires: string[];
  aliases: string[];
  summary: string;
}

function parse(lines: readonly string[]): Map<string, RpmPackage> {
  const m = new Map<string, RpmPackage>();
  for (const line of lines) {
    const [name, evr, arch, repo, size, installed, req, aka, summary] = line.split('|') as string[];
    const words = (s: string | undefined) => (s ? s.split(' ').filter(Boolean) : []);
    m.set(name!, { name: name!, evr: evr!, arch: arch!, repo: repo!, size: Number(size), installed: Number(installed), requires: words(req), aliases: words(aka), summary: summary! });
  }
  return m;
}

export interface RpmRelease {
  major: 7 | 8;
  packages: Map<string, RpmPackage>;
}

let cache: Map<number, RpmRelease> | null = null;

export function rpmRelease(major: number): RpmRelease | null {
  cache ??= new Map([
    [7, { major: 7, packages: parse(C7) }],
    [8, { major: 8, packages: parse(C8) }],
  ]);
  return cache.get(major) ?? null;
}

/** The package a name (or a name it provides, like vim) stands for. */
export function findRpm(r: RpmRelease, name: string): RpmPackage | undefined {
  const direct = r.packages.get(name);
  if (direct) return direct;
  for (const p of r.packages.values()) if (p.aliases.includes(name)) return p;
  return undefined;
}

/** version-release without the epoch (file names, rpm -q). */
export function vr(p: RpmPackage): string {
  return p.evr.replace(/^\d+:/, '');
}

/** What rpm -q prints: name-version-release.arch. */
export function nevra(p: RpmPackage): string {
  return `${p.name}-${vr(p)}.${p.arch}`;
}
