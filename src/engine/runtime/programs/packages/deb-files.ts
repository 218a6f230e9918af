// What a Debian-family package puts on disk: the files learners look for
// at their real paths, the rest generated (see payload.ts).
import type { DebPackage } from './deb-archive.ts';
import { layout, type FileSpec } from './payload.ts';

/** /var/www/html/index.html as apache2's postinst copies it: the real page's title, headings and sections, abridged. */
export function apacheDefaultPage(distro: 'Ubuntu' | 'Debian'): string {
  const lower = distro.toLowerCase();
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
${distro === 'Ubuntu' ? '  <!--\n    Modified from the Debian original for Ubuntu\n    Last updated: 2014-03-19\n    See: https://launchpad.net/bugs/1288690\n  -->\n' : ''}  <head>
    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
    <title>Apache2 ${distro} Default Page: It works</title>
  </head>
  <body>
    <div class="main_page">
      <div class="page_header floating_element">
        <img src="/icons/${lower}-logo.png" alt="${distro} Logo" class="floating_element"/>
        <span class="floating_element">
          Apache2 ${distro} Default Page
        </span>
      </div>
      <div class="content_section floating_element">
        <div class="section_header section_header_red">
          <div id="about"></div>
          It works!
        </div>
        <div class="content_section_text">
          <p>
                This is the default welcome page used to test the correct
                operation of the Apache2 server after installation on ${distro} systems.
                If you can read this page, it means that the Apache HTTP server installed at
                this site is working properly. You should <b>replace this file</b> (located at
                <tt>/var/www/html/index.html</tt>) before continuing to operate your HTTP server.
          </p>
        </div>
        <div class="section_header">
          <div id="changes"></div>
                Configuration Overview
        </div>
        <div class="content_section_text">
          <p>
                ${distro}'s Apache2 default configuration is different from the
                upstream default configuration, and split into several files optimized for
                interaction with ${distro} tools. The configuration system is
                <b>fully documented in
                /usr/share/doc/apache2/README.Debian.gz</b>.
          </p>
          <pre>
/etc/apache2/
|-- apache2.conf
|       \`--  ports.conf
|-- mods-enabled
|       |-- *.load
|       \`-- *.conf
|-- conf-enabled
|       \`-- *.conf
|-- sites-enabled
|       \`-- *.conf
          </pre>
        </div>
        <div class="section_header">
            <div id="docroot"></div>
                Document Roots
        </div>
        <div class="content_section_text">
            <p>
                By default, ${distro} does not allow access through the web browser to
                <em>any</em> file outside of those located in <tt>/var/www</tt>,
                <a href="http://httpd.apache.org/docs/2.4/mod/mod_userdir.html" rel="nofollow">public_html</a>
                directories (when enabled) and <tt>/usr/share</tt> (for web
                applications).
            </p>
        </div>
        <div class="section_header">
          <div id="bugs"></div>
                Reporting Problems
        </div>
        <div class="content_section_text">
          <p>
                ${distro === 'Ubuntu' ? 'Please use the <tt>ubuntu-bug</tt> tool to report bugs in the\n                Apache2 package with Ubuntu.' : 'Please use the <tt>reportbug</tt> tool to report bugs in the\n                Apache2 package with Debian.'}
          </p>
        </div>
      </div>
    </div>
    <div class="validator">
    </div>
  </body>
</html>
`;
}

const NGINX_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const APACHE_PORTS = `# If you just change the port or add more ports here, you will likely also
# have to change the VirtualHost statement in
# /etc/apache2/sites-enabled/000-default.conf

Listen 80

<IfModule ssl_module>
\tListen 443
</IfModule>

<IfModule mod_gnutls.c>
\tListen 443
</IfModule>
`;

const APACHE_SITE = `<VirtualHost *:80>
\t# The ServerName directive sets the request scheme, hostname and port that
\t# the server uses to identify itself.
\t#ServerName www.example.com

\tServerAdmin webmaster@localhost
\tDocumentRoot /var/www/html

\tErrorLog \${APACHE_LOG_DIR}/error.log
\tCustomLog \${APACHE_LOG_DIR}/access.log combined
</VirtualHost>
`;

const NGINX_SITE = `server {
\tlisten 80 default_server;
\tlisten [::]:80 default_server;

\troot /var/www/html;

\tindex index.html index.htm index.nginx-debian.html;

\tserver_name _;

\tlocation / {
\t\ttry_files $uri $uri/ =404;
\t}
}
`;

const bin = (...paths: string[]): FileSpec[] => paths.map((path) => ({ path }));

/** Files of a package beyond the generated rest; `post`: what its maintainer scripts create (not in dpkg -L). */
function fixed(p: DebPackage, distro: 'Ubuntu' | 'Debian'): { files: FileSpec[]; post: FileSpec[] } {
  const n = p.name;
  const none = { files: [] as FileSpec[], post: [] as FileSpec[] };
  const alt = (name: string, target: string, link = `/usr/bin/${name}`): FileSpec[] => [
    { path: `/etc/alternatives/${name}`, link: target },
    { path: link, link: `/etc/alternatives/${name}` },
  ];
  switch (n) {
    case 'vim':
      return { files: bin('/usr/bin/vim.basic'), post: ['editor', 'ex', 'rview', 'rvim', 'vi', 'view', 'vim', 'vimdiff'].flatMap((a) => alt(a, '/usr/bin/vim.basic')) };
    case 'nano':
      return { files: bin('/bin/nano'), post: [...alt('editor', '/bin/nano'), ...alt('pico', '/bin/nano')] };
    case 'curl':
    case 'wget':
    case 'unzip':
    case 'less':
    case 'sudo':
    case 'openssl':
    case 'redis-tools':
      return { files: bin(`/usr/bin/${n === 'redis-tools' ? 'redis-cli' : n}`), post: [] };
    case 'redis-server':
      return { files: [...bin('/usr/bin/redis-server'), { path: '/etc/redis/redis.conf', size: 106_545 }], post: [] };
    case 'git':
      return { files: [...bin('/usr/bin/git'), { path: '/usr/lib/git-core/git', link: '../../bin/git' }], post: [] };
    case 'iputils-ping':
      return { files: bin('/bin/ping'), post: [] };
    case 'net-tools':
      return { files: bin('/bin/netstat', '/sbin/ifconfig', '/sbin/route'), post: [] };
    case 'procps':
      return { files: bin('/bin/ps', '/usr/bin/top', '/usr/bin/free', '/bin/kill', '/usr/bin/pgrep', '/usr/bin/uptime', '/usr/bin/watch'), post: [] };
    case 'openssh-client':
      return { files: bin('/usr/bin/ssh', '/usr/bin/scp', '/usr/bin/ssh-keygen'), post: [] };
    case 'python3':
      return { files: [{ path: '/usr/bin/python3', link: 'python3.11' }], post: [] };
    case 'python3.11-minimal':
      return { files: bin('/usr/bin/python3.11'), post: [] };
    case 'python2.7-minimal':
      return { files: bin('/usr/bin/python2.7'), post: [] };
    case 'ruby':
      return p.version.startsWith('1:1.9')
        ? none
        : { files: [{ path: '/usr/bin/ruby', link: 'ruby3.1' }, { path: '/usr/bin/gem', link: 'gem3.1' }, { path: '/usr/bin/irb', link: 'irb3.1' }], post: [] };
    case 'ruby3.1':
      return { files: bin('/usr/bin/ruby3.1', '/usr/bin/gem3.1', '/usr/bin/irb3.1'), post: [] };
    case 'ruby1.9.1':
      return { files: bin('/usr/bin/ruby1.9.1', '/usr/bin/gem1.9.1', '/usr/bin/irb1.9.1'), post: [...alt('ruby', '/usr/bin/ruby1.9.1'), ...alt('gem', '/usr/bin/gem1.9.1')] };
    case 'nginx-core':
    case 'nginx':
      if (n === 'nginx' && p.installedKB < 100) return none; // trusty's metapackage
      return {
        files: [
          ...bin('/usr/sbin/nginx'),
          ...(n === 'nginx' ? nginxCommon() : []),
        ],
        post: [{ path: '/var/www/html/index.nginx-debian.html', text: NGINX_PAGE }, { path: '/etc/nginx/sites-enabled/default', link: '/etc/nginx/sites-available/default' }],
      };
    case 'nginx-common':
      return { files: nginxCommon(), post: [] };
    case 'apache2':
      return {
        files: [
          ...bin('/usr/sbin/apache2ctl', '/usr/sbin/a2enmod', '/usr/sbin/a2dismod', '/usr/sbin/a2ensite', '/usr/sbin/a2dissite'),
          { path: '/etc/apache2/ports.conf', text: APACHE_PORTS },
          { path: '/etc/apache2/apache2.conf', size: 7_224 },
          { path: '/etc/apache2/envvars', size: 1_782 },
          { path: '/etc/apache2/sites-available/000-default.conf', text: APACHE_SITE },
          { path: '/etc/apache2/mods-available/mpm_event.load', text: '# Conflicts: mpm_worker mpm_prefork\nLoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so\n' },
        ],
        post: [
          { path: '/etc/apache2/sites-enabled/000-default.conf', link: '../sites-available/000-default.conf' },
          { path: '/etc/apache2/mods-enabled/mpm_event.load', link: '../mods-available/mpm_event.load' },
          { path: '/var/www/html/index.html', text: apacheDefaultPage(distro) },
        ],
      };
    case 'apache2-bin':
      return { files: [...bin('/usr/sbin/apache2'), { path: '/usr/lib/apache2/modules/mod_mpm_event.so', size: 67_912 }], post: [] };
    case 'apache2-data':
      return { files: [{ path: '/usr/share/apache2/default-site/index.html', text: apacheDefaultPage(distro) }], post: [] };
    case 'tomcat10':
    case 'tomcat7':
      return { files: [{ path: `/etc/${n}/server.xml`, size: 7_580 }], post: [] };
    case 'libtomcat10-java':
    case 'libtomcat7-java':
      return { files: [{ path: `/usr/share/${n.replace('lib', '').replace('-java', '')}/bin/catalina.sh`, size: 25_323, mode: 0o755 }], post: [] };
    default:
      return none;
  }
}

function nginxCommon(): FileSpec[] {
  return [
    { path: '/etc/nginx/nginx.conf', size: 1_446 },
    { path: '/etc/nginx/mime.types', size: 5_349 },
    { path: '/etc/nginx/sites-available/default', text: NGINX_SITE },
  ];
}

/** Every file of `p` as dpkg unpacks it, and what its postinst adds. */
export function debFiles(p: DebPackage, distro: 'Ubuntu' | 'Debian'): { files: FileSpec[]; post: FileSpec[] } {
  const f = fixed(p, distro);
  const lib = p.section === 'libs' || p.name.startsWith('lib');
  const dataDir = lib ? `/usr/lib/x86_64-linux-gnu/${p.name}` : `/usr/share/${p.name}`;
  return { files: layout(p.installedKB * 1024, f.files, `/usr/share/doc/${p.name}`, dataDir), post: f.post };
}
