// Tomcat 7 as the tomcat:7.0 image runs it: `catalina.sh run` execs the JVM
// in the foreground, which logs through java.util.logging's ConsoleHandler
// (stderr, SimpleFormatter's two-line records), deploys the directories of
// webapps/ and serves them on the HTTP connector (APR: "http-apr-8080").
// SIGTERM runs the shutdown hook (pause, stop, destroy) and the JVM exits
// 128+15. Page and strings: Tomcat 7.0's ErrorReportValve, TomcatCSS and
// LocalStrings.properties.
import type { ProcessContext, Program } from '../../process.ts';
import { Signals } from '../../process.ts';
import { findCommand, realPath } from '../../resolve.ts';
import { byteLength, findDocument, httpDate, httpResponse, imageVersion, isDir, julTime, mimeType, parseRequest, readText, waitForSignal } from './common.ts';

/** tomcat:7.0 of the catalogue; an image's TOMCAT_VERSION says which it is. */
export const TOMCAT_VERSION = '7.0.109';

const TOMCAT_CSS =
  'H1 {font-family:Tahoma,Arial,sans-serif;color:white;background-color:#525D76;font-size:22px;} ' +
  'H2 {font-family:Tahoma,Arial,sans-serif;color:white;background-color:#525D76;font-size:16px;} ' +
  'H3 {font-family:Tahoma,Arial,sans-serif;color:white;background-color:#525D76;font-size:14px;} ' +
  'BODY {font-family:Tahoma,Arial,sans-serif;color:black;background-color:white;} ' +
  'B {font-family:Tahoma,Arial,sans-serif;color:white;background-color:#525D76;} ' +
  'P {font-family:Tahoma,Arial,sans-serif;background:white;color:black;font-size:12px;}' +
  'A {color : black;}A.name {color : black;}HR {color : #525D76;}';

/** ErrorReportValve's status report (showReport and showServerInfo on). */
export function tomcatErrorPage(status: number, message: string, description: string, SERVER_INFO = `Apache Tomcat/${TOMCAT_VERSION}`): string {
  const hr = '<HR size="1" noshade="noshade">';
  return (
    `<html><head><title>${SERVER_INFO} - Error report</title><style><!--${TOMCAT_CSS}--></style> </head><body>` +
    `<h1>HTTP Status ${status} - ${message}</h1>${hr}<p><b>type</b> Status report</p><p><b>message</b> <u>${message}</u></p>` +
    `<p><b>description</b> <u>${description}</u></p>${hr}<h3>${SERVER_INFO}</h3></body></html>`
  );
}

/** What the JSP compiler would output for the simple pages the simulator meets: directives and scriptlets dropped, server info filled in. */
function renderJsp(source: string, SERVER_INFO: string): string {
  return source
    .replace(/<%@[\s\S]*?%>\r?\n?/g, '')
    .replace(/<%=\s*(?:request\.getServletContext\(\)|application)\.getServerInfo\(\)\s*%>/g, SERVER_INFO)
    .replace(/\$\{pageContext\.servletContext\.serverInfo\}/g, SERVER_INFO)
    .replace(/<%[\s\S]*?%>/g, '');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function serve(ctx: ProcessContext, webapps: string, SERVER_INFO: string, text: string): string {
  const now = ctx.now();
  const req = parseRequest(text);
  const base: [string, string][] = [['Server', 'Apache-Coyote/1.1']];
  const notFound = (path: string) => {
    const message = path.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
    const page = tomcatErrorPage(404, message, 'The requested resource is not available.', SERVER_INFO);
    return httpResponse(
      404,
      [...base, ['Content-Type', 'text/html;charset=utf-8'], ['Content-Language', 'en'], ['Content-Length', String(byteLength(page))], ['Date', httpDate(now)]],
      page,
      req?.method === 'HEAD',
    );
  };
  if (!req) return httpResponse(400, [...base, ['Transfer-Encoding', 'chunked'], ['Date', httpDate(now)], ['Connection', 'close']], '0\r\n\r\n');
  const first = req.path.split('/')[1] ?? '';
  const context = first && first !== 'ROOT' && isDir(ctx.fs, `${webapps}/${first}`) ? first : 'ROOT';
  const rest = context === 'ROOT' ? req.path : req.path.slice(first.length + 1) || '/';
  if (!isDir(ctx.fs, `${webapps}/${context}`) || /^\/(WEB-INF|META-INF)(\/|$)/i.test(rest)) return notFound(req.path);
  if (context !== 'ROOT' && req.path === `/${context}`) {
    return httpResponse(302, [...base, ['Location', `/${context}/`], ['Content-Length', '0'], ['Date', httpDate(now)]], '');
  }
  const doc = findDocument(ctx.fs, `${webapps}/${context}`, rest, ['index.html', 'index.htm', 'index.jsp']);
  if (!doc) return notFound(req.path);
  if (doc.file.endsWith('.jsp')) {
    const body = renderJsp(doc.body, SERVER_INFO);
    return httpResponse(
      200,
      [...base, ['Content-Type', 'text/html;charset=UTF-8'], ['Content-Length', String(byteLength(body))], ['Date', httpDate(now)]],
      body,
      req.method === 'HEAD',
    );
  }
  const size = byteLength(doc.body);
  return httpResponse(
    200,
    [
      ...base,
      ['Accept-Ranges', 'bytes'],
      ['ETag', `W/"${size}-${doc.mtime}"`],
      ['Last-Modified', httpDate(doc.mtime)],
      ['Content-Type', mimeType(doc.file) ?? 'application/octet-stream'],
      ['Content-Length', String(size)],
      ['Date', httpDate(now)],
    ],
    doc.body,
    req.method === 'HEAD',
  );
}

/** catalina.sh: `run` (foreground), `version`; the other actions need a daemon the simulator does not keep. */
export const catalina: Program = async (ctx) => {
  // catalina.sh resolves CATALINA_HOME from its own location (bin/..) unless it is set
  const script = findCommand(ctx.fs, ctx.argv[0] ?? 'catalina.sh', ctx.env);
  const real = script ? (realPath(ctx.fs, script) ?? script) : null;
  const home = ctx.env.get('CATALINA_HOME') ?? (real && /\/bin\/[^/]+$/.test(real) ? real.replace(/\/bin\/[^/]+$/, '') || '/' : '/usr/local/tomcat');
  const base = ctx.env.get('CATALINA_BASE') ?? home;
  const jre = ctx.env.get('JRE_HOME') ?? ctx.env.get('JAVA_HOME') ?? '/usr/local/openjdk-8';
  const action = ctx.argv[1];
  const version = imageVersion(ctx, 'TOMCAT_VERSION', TOMCAT_VERSION);
  const SERVER_INFO = `Apache Tomcat/${version}`;
  const say = (s: string) => ctx.stdout.write(s + '\n');
  const using = () => {
    say(`Using CATALINA_BASE:   ${base}`);
    say(`Using CATALINA_HOME:   ${home}`);
    say(`Using CATALINA_TMPDIR: ${base}/temp`);
    say(`Using JRE_HOME:        ${jre}`);
    say(`Using CLASSPATH:       ${home}/bin/bootstrap.jar:${home}/bin/tomcat-juli.jar`);
  };
  if (action === 'version') {
    using();
    say(`Server version: ${SERVER_INFO}`);
    say('Server built:   Apr 22 2021 07:51:56 UTC');
    say(`Server number:  ${version}.0`);
    say('OS Name:        Linux');
    say('OS Version:     6.8.0-berth');
    say('Architecture:   amd64');
    say('JVM Version:    1.8.0_292-b10');
    say('JVM Vendor:     Oracle Corporation');
    return 0;
  }
  if (action !== 'run') {
    ctx.stdout.write(
      [
        'Usage: catalina.sh ( commands ... )',
        'commands:',
        '  debug             Start Catalina in a debugger',
        '  debug -security   Debug Catalina with a security manager',
        '  jpda start        Start Catalina under JPDA debugger',
        '  run               Start Catalina in the current window',
        '  run -security     Start in the current window with security manager',
        '  start             Start Catalina in a separate window',
        '  start -security   Start in a separate window with security manager',
        '  stop              Stop Catalina, waiting up to 5 seconds for the process to end',
        '  stop n            Stop Catalina, waiting up to n seconds for the process to end',
        '  stop -force       Stop Catalina, wait up to 5 seconds and then use kill -KILL if still running',
        '  stop n -force     Stop Catalina, wait up to n seconds and then use kill -KILL if still running',
        '  configtest        Run a basic syntax check on server.xml - check exit code for result',
        '  version           What version of tomcat are you running?',
        'Note: Waiting for the process to end and use of the -force option require that $CATALINA_PID is defined',
        '',
      ].join('\n'),
    );
    return 1;
  }
  // Bugzilla 37848: the settings are printed only when there is a terminal
  if (ctx.tty) using();
  const javaArgs = [
    `-Djava.util.logging.config.file=${base}/conf/logging.properties`,
    '-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager',
    '-Djdk.tls.ephemeralDHKeySize=2048',
    '-Djava.protocol.handler.pkgs=org.apache.catalina.webresources',
    '-Dignore.endorsed.dirs=',
    `-Dcatalina.base=${base}`,
    `-Dcatalina.home=${home}`,
    `-Djava.io.tmpdir=${base}/temp`,
  ];
  // exec "$_RUNJAVA" ...: the JVM takes over the process
  const me = ctx.processes().find((p) => p.pid === ctx.pid);
  if (me) me.argv = [`${jre}/bin/java`, ...javaArgs, '-classpath', `${home}/bin/bootstrap.jar:${home}/bin/tomcat-juli.jar`, 'org.apache.catalina.startup.Bootstrap', 'start'];

  const started = ctx.now();
  const log = (source: string, msg: string) => ctx.stderr.write(`${julTime(ctx.now())} ${source}\nINFO: ${msg}\n`);
  const serverXml = (readText(ctx.fs, `${base}/conf/server.xml`) ?? '').replace(/<!--[\s\S]*?-->/g, '');
  // each uncommented <Connector>: its port and protocol name (APR is loaded: http-apr-8080, ajp-apr-8009)
  const connectors = [...serverXml.matchAll(/<Connector\s[^>]*>/g)].map((m) => {
    const port = Number(/\sport="(\d+)"/.exec(m[0])?.[1] ?? 8080);
    const ajp = /protocol="AJP/.test(m[0]);
    return { port, ajp, name: `"${ajp ? 'ajp' : 'http'}-apr-${port}"` };
  });
  if (!connectors.length) connectors.push({ port: 8080, ajp: false, name: '"http-apr-8080"' });
  const versionLogger = 'org.apache.catalina.startup.VersionLoggerListener log';
  log(versionLogger, `Server version:        ${SERVER_INFO}`);
  log(versionLogger, 'Server built:          Apr 22 2021 07:51:56 UTC');
  log(versionLogger, `Server number:         ${version}.0`);
  log(versionLogger, 'OS Name:               Linux');
  log(versionLogger, 'OS Version:            6.8.0-berth');
  log(versionLogger, 'Architecture:          amd64');
  log(versionLogger, `Java Home:             ${jre}/jre`);
  log(versionLogger, 'JVM Version:           1.8.0_292-b10');
  log(versionLogger, 'JVM Vendor:            Oracle Corporation');
  log(versionLogger, `CATALINA_BASE:         ${base}`);
  log(versionLogger, `CATALINA_HOME:         ${home}`);
  for (const a of javaArgs) log(versionLogger, `Command line argument: ${a}`);
  const apr = 'org.apache.catalina.core.AprLifecycleListener lifecycleEvent';
  log(apr, 'Loaded APR based Apache Tomcat Native library [1.2.26] using APR version [1.6.5].');
  log(apr, 'APR capabilities: IPv6 [true], sendfile [true], accept filters [false], random [true].');
  log(apr, 'APR/OpenSSL configuration: useAprConnector [false], useOpenSSL [true]');
  log(apr, 'OpenSSL successfully initialized [OpenSSL 1.1.1d  10 Sep 2019]');
  await ctx.sleep(350);
  for (const c of connectors) log('org.apache.coyote.AbstractProtocol init', `Initializing ProtocolHandler [${c.name}]`);
  await ctx.sleep(250);
  log('org.apache.catalina.startup.Catalina load', `Initialization processed in ${ctx.now() - started} ms`);
  const startAt = ctx.now();
  log('org.apache.catalina.core.StandardService startInternal', 'Starting service Catalina');
  log('org.apache.catalina.core.StandardEngine startInternal', `Starting Servlet Engine: ${SERVER_INFO}`);
  const webapps = `${base}/webapps`;
  let apps: string[] = [];
  try {
    apps = ctx.fs.readdir(webapps).filter((d) => isDir(ctx.fs, `${webapps}/${d}`));
  } catch {
    // no webapps directory: nothing to deploy
  }
  for (const app of apps) {
    const t = ctx.now();
    log('org.apache.catalina.startup.HostConfig deployDirectory', `Deploying web application directory ${webapps}/${app}`);
    await ctx.sleep(app === 'examples' || app === 'docs' ? 400 : 120);
    log('org.apache.catalina.startup.HostConfig deployDirectory', `Deployment of web application directory ${webapps}/${app} has finished in ${ctx.now() - t} ms`);
  }
  const closers: (() => void)[] = [];
  for (const c of connectors) {
    const close = ctx.listen(c.port, 'tcp', c.ajp ? undefined : async (text) => serve(ctx, webapps, SERVER_INFO, text));
    if (!close) {
      ctx.stderr.write(
        `${julTime(ctx.now())} org.apache.coyote.AbstractProtocol start\nSEVERE: Failed to start end point associated with ProtocolHandler [${c.name}]\njava.lang.Exception: Socket bind failed: [98] Address already in use\n`,
      );
      for (const f of closers) f();
      return 1;
    }
    closers.push(close);
  }
  await ctx.sleep(10);
  for (const c of connectors) log('org.apache.coyote.AbstractProtocol start', `Starting ProtocolHandler [${c.name}]`);
  log('org.apache.catalina.startup.Catalina start', `Server startup in ${ctx.now() - startAt} ms`);

  const sig = await waitForSignal(ctx, [Signals.SIGTERM, Signals.SIGINT, Signals.SIGHUP]);
  // the JVM's shutdown hook: Catalina.stop()
  for (const c of connectors) log('org.apache.coyote.AbstractProtocol pause', `Pausing ProtocolHandler [${c.name}]`);
  log('org.apache.catalina.core.StandardService stopInternal', 'Stopping service Catalina');
  for (const f of closers) f();
  await ctx.sleep(20);
  for (const c of connectors) log('org.apache.coyote.AbstractProtocol stop', `Stopping ProtocolHandler [${c.name}]`);
  for (const c of connectors) log('org.apache.coyote.AbstractProtocol destroy', `Destroying ProtocolHandler [${c.name}]`);
  return 128 + sig;
};
