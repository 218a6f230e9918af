import { describe, expect, it } from 'vitest';
import { Signals } from '../../process.ts';
import { Box } from './testing.ts';

// tomcat:7.0 (7.0.109, OpenJDK 8): catalina.sh run, JUL SimpleFormatter on
// stderr; error page: Tomcat 7.0 ErrorReportValve + TomcatCSS.
function tomcatBox(): Box {
  const b = new Box().bin('/usr/local/tomcat/bin/catalina.sh');
  b.fs.mkdir('/usr/local/tomcat/webapps', { recursive: true });
  return b;
}
const ENV = { PATH: '/usr/local/tomcat/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', CATALINA_HOME: '/usr/local/tomcat', JAVA_HOME: '/usr/local/openjdk-8' };

describe('catalina.sh run (Tomcat 7)', () => {
  it('logs the start-up on stderr in two-line records and ends with Server startup in N ms', async () => {
    const b = tomcatBox();
    const p = b.start(['catalina.sh', 'run'], ENV, '/usr/local/tomcat');
    await b.wait(5000);
    const lines = b.err.text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Aug 13, 2025 3:21:29 PM org.apache.catalina.startup.VersionLoggerListener log', 'INFO: Server version:        Apache Tomcat/7.0.109']);
    expect(b.err.text).toContain('Aug 13, 2025 3:21:29 PM org.apache.coyote.AbstractProtocol init\nINFO: Initializing ProtocolHandler ["http-apr-8080"]\n');
    expect(b.err.text).toContain('Aug 13, 2025 3:21:29 PM org.apache.catalina.startup.Catalina load\nINFO: Initialization processed in 600 ms\n');
    expect(b.err.text.endsWith('Aug 13, 2025 3:21:29 PM org.apache.coyote.AbstractProtocol start\nINFO: Starting ProtocolHandler ["http-apr-8080"]\nAug 13, 2025 3:21:29 PM org.apache.catalina.startup.Catalina start\nINFO: Server startup in 10 ms\n')).toBe(true);
    expect(b.out.text).toBe('');
    expect(b.ps()[0]).toMatch(/^1 0 \/usr\/local\/openjdk-8\/bin\/java -Djava\.util\.logging\.config\.file=.* org\.apache\.catalina\.startup\.Bootstrap start$/);
    expect(p.done).toBe(false);
  });

  it('answers 404 with the Tomcat 7 error page when webapps is empty (the image moved them to webapps.dist)', async () => {
    const b = tomcatBox();
    b.start(['catalina.sh', 'run'], ENV);
    await b.wait(5000);
    const res = await b.get(8080);
    const [head, body] = res.split('\r\n\r\n');
    expect(head!.split('\r\n')).toEqual([
      'HTTP/1.1 404 Not Found',
      'Server: Apache-Coyote/1.1',
      'Content-Type: text/html;charset=utf-8',
      'Content-Language: en',
      `Content-Length: ${body!.length}`,
      'Date: Wed, 13 Aug 2025 15:21:34 GMT',
    ]);
    expect(body).toBe(
      '<html><head><title>Apache Tomcat/7.0.109 - Error report</title><style><!--H1 {font-family:Tahoma,Arial,sans-serif;color:white;background-color:#525D76;font-size:22px;} H2 {font-family:Tahoma,Arial,sans-serif;color:white;background-color:#525D76;font-size:16px;} H3 {font-family:Tahoma,Arial,sans-serif;color:white;background-color:#525D76;font-size:14px;} BODY {font-family:Tahoma,Arial,sans-serif;color:black;background-color:white;} B {font-family:Tahoma,Arial,sans-serif;color:white;background-color:#525D76;} P {font-family:Tahoma,Arial,sans-serif;background:white;color:black;font-size:12px;}A {color : black;}A.name {color : black;}HR {color : #525D76;}--></style> </head><body><h1>HTTP Status 404 - /</h1><HR size="1" noshade="noshade"><p><b>type</b> Status report</p><p><b>message</b> <u>/</u></p><p><b>description</b> <u>The requested resource is not available.</u></p><HR size="1" noshade="noshade"><h3>Apache Tomcat/7.0.109</h3></body></html>',
    );
  });

  it('deploys the directories of webapps and serves them; a JSP shows the server info', async () => {
    const b = tomcatBox();
    b.fs.put('/usr/local/tomcat/webapps/ROOT/index.jsp', '<%@ page session="false" %>\n<title><%=request.getServletContext().getServerInfo() %></title>\n');
    b.fs.put('/usr/local/tomcat/webapps/app/index.html', 'hello\n');
    b.start(['catalina.sh', 'run'], ENV);
    await b.wait(5000);
    expect(b.err.text).toContain('INFO: Deploying web application directory /usr/local/tomcat/webapps/ROOT\n');
    expect(b.err.text).toContain('INFO: Deployment of web application directory /usr/local/tomcat/webapps/app has finished in 120 ms\n');
    expect(b.err.text).toContain('INFO: Server startup in 250 ms\n');
    expect((await b.get(8080)).split('\r\n\r\n')[1]).toBe('<title>Apache Tomcat/7.0.109</title>\n');
    expect((await b.get(8080, '/app/')).split('\r\n\r\n')[1]).toBe('hello\n');
    expect((await b.get(8080, '/app')).split('\r\n')[0]).toBe('HTTP/1.1 302 Found');
  });

  it('SIGTERM runs the shutdown hook and the JVM exits 143', async () => {
    const b = tomcatBox();
    const p = b.start(['catalina.sh', 'run'], ENV);
    await b.wait(5000);
    const before = b.err.text.length;
    p.signal(Signals.SIGTERM);
    expect(await b.scheduler.runUntil(p.exited)).toBe(143);
    expect(b.err.text.slice(before)).toBe(
      [
        'Aug 13, 2025 3:21:34 PM org.apache.coyote.AbstractProtocol pause',
        'INFO: Pausing ProtocolHandler ["http-apr-8080"]',
        'Aug 13, 2025 3:21:34 PM org.apache.catalina.core.StandardService stopInternal',
        'INFO: Stopping service Catalina',
        'Aug 13, 2025 3:21:34 PM org.apache.coyote.AbstractProtocol stop',
        'INFO: Stopping ProtocolHandler ["http-apr-8080"]',
        'Aug 13, 2025 3:21:34 PM org.apache.coyote.AbstractProtocol destroy',
        'INFO: Destroying ProtocolHandler ["http-apr-8080"]',
        '',
      ].join('\n'),
    );
    expect(b.ns.ports()).toEqual([]);
  });

  it('starts, stops and listens on every uncommented connector of server.xml', async () => {
    const b = tomcatBox();
    b.fs.put(
      '/usr/local/tomcat/conf/server.xml',
      '<Server port="8005" shutdown="SHUTDOWN">\n  <Service name="Catalina">\n    <Connector port="8081" protocol="HTTP/1.1" connectionTimeout="20000" redirectPort="8443" />\n    <!-- <Connector port="8443" protocol="HTTP/1.1" SSLEnabled="true" /> -->\n    <Connector port="8009" protocol="AJP/1.3" redirectPort="8443" />\n  </Service>\n</Server>\n',
    );
    const p = b.start(['catalina.sh', 'run'], ENV);
    await b.wait(5000);
    expect(b.err.text).toContain('INFO: Initializing ProtocolHandler ["http-apr-8081"]\n');
    expect(b.err.text).toContain('INFO: Starting ProtocolHandler ["ajp-apr-8009"]\n');
    expect(b.err.text).not.toContain('8443');
    expect(b.ns.ports().map((l) => l.port)).toEqual([8081, 8009]);
    expect((await b.get(8081)).split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
    p.signal(Signals.SIGTERM);
    expect(await b.scheduler.runUntil(p.exited)).toBe(143);
    expect(b.err.text).toContain('INFO: Destroying ProtocolHandler ["ajp-apr-8009"]\n');
  });

  it('on a terminal (docker run -it) catalina.sh run prints its settings on stdout first', async () => {
    const b = tomcatBox();
    b.start(['catalina.sh', 'run'], ENV, '/usr/local/tomcat', true);
    await b.wait(5000);
    expect(b.out.text).toBe(
      'Using CATALINA_BASE:   /usr/local/tomcat\nUsing CATALINA_HOME:   /usr/local/tomcat\nUsing CATALINA_TMPDIR: /usr/local/tomcat/temp\nUsing JRE_HOME:        /usr/local/openjdk-8\nUsing CLASSPATH:       /usr/local/tomcat/bin/bootstrap.jar:/usr/local/tomcat/bin/tomcat-juli.jar\n',
    );
    expect(b.err.text).toContain('INFO: Server startup in ');
  });

  it('without CATALINA_HOME the home is the directory above the script (apt-get install tomcat7)', async () => {
    const b = new Box().bin('/usr/share/tomcat7/bin/catalina.sh');
    expect(await b.run(['/usr/share/tomcat7/bin/catalina.sh', 'version'], { JAVA_HOME: '/usr/lib/jvm/java-7-openjdk-amd64' })).toBe(0);
    expect(b.out.text.split('\n').slice(0, 2)).toEqual(['Using CATALINA_BASE:   /usr/share/tomcat7', 'Using CATALINA_HOME:   /usr/share/tomcat7']);
  });

  it('version prints the settings and the version; no action prints the usage (status 1)', async () => {
    const b = tomcatBox();
    expect(await b.run(['catalina.sh', 'version'], ENV)).toBe(0);
    expect(b.out.text.split('\n').slice(0, 6)).toEqual([
      'Using CATALINA_BASE:   /usr/local/tomcat',
      'Using CATALINA_HOME:   /usr/local/tomcat',
      'Using CATALINA_TMPDIR: /usr/local/tomcat/temp',
      'Using JRE_HOME:        /usr/local/openjdk-8',
      'Using CLASSPATH:       /usr/local/tomcat/bin/bootstrap.jar:/usr/local/tomcat/bin/tomcat-juli.jar',
      'Server version: Apache Tomcat/7.0.109',
    ]);
    expect(await b.run(['catalina.sh'], ENV)).toBe(1);
    expect(b.out.text).toContain('Usage: catalina.sh ( commands ... )\n');
  });
});
