// tomcat:7.0 — 7.0.109-jdk8-openjdk-buster, the last Tomcat 7 image
// (docker-library/tomcat 7/jdk8/openjdk-buster, removed at EOL in July 2021),
// over openjdk:8-jdk-buster, buildpack-deps:buster-scm and debian:buster.
import { debianRoot, sized, PROCPS } from './linux.ts';
import { BUSTER_OS_RELEASE } from './osrelease.ts';
import { classicRun, dirs, programs, text, type EntryRecipe, type ImageRecipe } from './recipe.ts';

const CREATED = '2021-06-23T07:15:52Z';
const HOME = '/usr/local/tomcat';
const JAVA_HOME = '/usr/local/openjdk-8';
const GPG_KEYS =
  '05AB33110949707C93A279E3D3EFE6B686867BA6 07E48665A34DCAFAE522E5E6266191C37C037D42 47309207D818FFD8DCD3F83F1931D684307A10A5 541FBE7D8F78B25E055DDEE13C370389288584E7 61B832AC2F1C5A90F0F9B00A1C506407564C17A3 713DA88BE50911535FE716F5208B0AB1D63011C7 79F7026C690BAA50B92CD8B66A3AD3F4F22C4FED 9BA44C2621385CB966EBA586F72C284D731FABEE A27677289986DB50844682F8ACB77FC2E86E29AC A9C5DF4D22E99998D9875A5110C01C5A2F6059E7 DCFD35E0BF8CA7344752DE8B6FB21E8933C60243 F3A04C595DB5B6A5F1ECA43E3B7BBB100D811BBE F7DA48BB64BCB84ECBA7EE6935CD23C10D498E23';
const SHA512 = '612e830913bf1401bc9540e2273e465b0ee7ef63750a9969a80f1e9da9edb4888aa621fcc6fa5ba23cff94a40e91eb97e3f969b8064dabd49b2d0ea29e59b57e';

/** Tomcat 7's shipped conf/server.xml, its comments left out. */
export const TOMCAT7_SERVER_XML = `<?xml version='1.0' encoding='utf-8'?>
<Server port="8005" shutdown="SHUTDOWN">
  <Listener className="org.apache.catalina.startup.VersionLoggerListener" />
  <Listener className="org.apache.catalina.core.AprLifecycleListener" SSLEngine="on" />
  <Listener className="org.apache.catalina.core.JasperListener" />
  <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener" />
  <Listener className="org.apache.catalina.mbeans.GlobalResourcesLifecycleListener" />
  <Listener className="org.apache.catalina.core.ThreadLocalLeakPreventionListener" />

  <GlobalNamingResources>
    <Resource name="UserDatabase" auth="Container"
              type="org.apache.catalina.UserDatabase"
              description="User database that can be updated and saved"
              factory="org.apache.catalina.users.MemoryUserDatabaseFactory"
              pathname="conf/tomcat-users.xml" />
  </GlobalNamingResources>

  <Service name="Catalina">
    <Connector port="8080" protocol="HTTP/1.1"
               connectionTimeout="20000"
               redirectPort="8443" />
    <Connector port="8009" protocol="AJP/1.3" redirectPort="8443" />

    <Engine name="Catalina" defaultHost="localhost">
      <Realm className="org.apache.catalina.realm.LockOutRealm">
        <Realm className="org.apache.catalina.realm.UserDatabaseRealm"
               resourceName="UserDatabase"/>
      </Realm>

      <Host name="localhost"  appBase="webapps"
            unpackWARs="true" autoDeploy="true">
        <Valve className="org.apache.catalina.valves.AccessLogValve" directory="logs"
               prefix="localhost_access_log." suffix=".txt"
               pattern="%h %l %u %t &quot;%r&quot; %s %b" />
      </Host>
    </Engine>
  </Service>
</Server>
`;

const TOMCAT_LIB = [
  'annotations-api.jar', 'catalina-ant.jar', 'catalina-ha.jar', 'catalina-tribes.jar', 'catalina.jar', 'ecj-4.4.2.jar',
  'el-api.jar', 'jasper-el.jar', 'jasper.jar', 'jsp-api.jar', 'servlet-api.jar', 'tomcat-api.jar', 'tomcat-coyote.jar',
  'tomcat-dbcp.jar', 'tomcat-i18n-es.jar', 'tomcat-i18n-fr.jar', 'tomcat-i18n-ja.jar', 'tomcat-i18n-ru.jar',
  'tomcat-jdbc.jar', 'tomcat-util.jar', 'tomcat7-websocket.jar', 'websocket-api.jar',
];

function tomcatFiles(): EntryRecipe[] {
  const apps = ['ROOT', 'docs', 'examples', 'host-manager', 'manager'];
  return [
    ...dirs(HOME, `${HOME}/bin`, `${HOME}/conf`, `${HOME}/lib`, `${HOME}/logs`, `${HOME}/temp`, `${HOME}/work`,
      `${HOME}/webapps`, `${HOME}/webapps.dist`, `${HOME}/native-jni-lib`, ...apps.map((a) => `${HOME}/webapps.dist/${a}`)),
    // catalina.sh and friends are Berth programs (by name), not scripts the shell reads
    ...programs(`${HOME}/bin`, ['catalina.sh', 'configtest.sh', 'daemon.sh', 'digest.sh', 'setclasspath.sh', 'shutdown.sh', 'startup.sh', 'tool-wrapper.sh', 'version.sh'], 12_000),
    ...['bootstrap.jar', 'commons-daemon.jar', 'tomcat-juli.jar'].map((j) => ({ type: 'file' as const, path: `${HOME}/bin/${j}`, size: 30_000, mode: 0o644 })),
    { type: 'file', path: `${HOME}/bin/commons-daemon-native.tar.gz`, size: 205_000, mode: 0o644 },
    text(`${HOME}/conf/server.xml`, TOMCAT7_SERVER_XML),
    { type: 'file', path: `${HOME}/conf/web.xml`, size: 168_000, mode: 0o644 },
    text(`${HOME}/conf/context.xml`, '<?xml version=\'1.0\' encoding=\'utf-8\'?>\n<Context>\n    <WatchedResource>WEB-INF/web.xml</WatchedResource>\n</Context>\n'),
    text(`${HOME}/conf/tomcat-users.xml`, '<?xml version=\'1.0\' encoding=\'utf-8\'?>\n<tomcat-users>\n</tomcat-users>\n'),
    { type: 'file', path: `${HOME}/conf/logging.properties`, size: 3_600, mode: 0o644 },
    { type: 'file', path: `${HOME}/conf/catalina.properties`, size: 6_500, mode: 0o644 },
    { type: 'file', path: `${HOME}/conf/catalina.policy`, size: 12_300, mode: 0o644 },
    ...TOMCAT_LIB.map((j) => ({ type: 'file' as const, path: `${HOME}/lib/${j}`, size: 150_000, mode: 0o644 })),
    { type: 'file', path: `${HOME}/native-jni-lib/libtcnative-1.so.0.2.26`, size: 580_000, mode: 0o755 },
    { type: 'symlink', path: `${HOME}/native-jni-lib/libtcnative-1.so`, target: 'libtcnative-1.so.0.2.26' },
    text(`${HOME}/webapps.dist/ROOT/index.jsp`, '<%@ page session="false" pageEncoding="UTF-8" contentType="text/html; charset=UTF-8" %>\n'),
    { type: 'file', path: `${HOME}/webapps.dist/ROOT/tomcat.png`, size: 5_103, mode: 0o644 },
    { type: 'file', path: `${HOME}/webapps.dist/ROOT/tomcat.css`, size: 5_581, mode: 0o644 },
    { type: 'file', path: `${HOME}/LICENSE`, size: 56_846, mode: 0o644 },
    { type: 'file', path: `${HOME}/NOTICE`, size: 1_192, mode: 0o644 },
    { type: 'file', path: `${HOME}/RELEASE-NOTES`, size: 9_271, mode: 0o644 },
    { type: 'file', path: `${HOME}/RUNNING.txt`, size: 16_946, mode: 0o644 },
  ];
}

export const TOMCAT7: ImageRecipe = {
  repo: 'library/tomcat',
  tags: ['7.0', '7', '7.0.109', '7.0-jdk8', '7-jdk8', '7.0.109-jdk8', '7.0-jdk8-openjdk', '7.0.109-jdk8-openjdk', '7.0-jdk8-openjdk-buster', '7.0.109-jdk8-openjdk-buster'],
  created: CREATED,
  config: {
    ExposedPorts: { '8080/tcp': {} },
    Env: [
      `PATH=${HOME}/bin:${JAVA_HOME}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
      `JAVA_HOME=${JAVA_HOME}`,
      'LANG=C.UTF-8',
      'JAVA_VERSION=8u292',
      `CATALINA_HOME=${HOME}`,
      `TOMCAT_NATIVE_LIBDIR=${HOME}/native-jni-lib`,
      `LD_LIBRARY_PATH=${HOME}/native-jni-lib`,
      `GPG_KEYS=${GPG_KEYS}`,
      'TOMCAT_MAJOR=7',
      'TOMCAT_VERSION=7.0.109',
      `TOMCAT_SHA512=${SHA512}`,
    ],
    Cmd: ['catalina.sh', 'run'],
    WorkingDir: HOME,
  },
  history: [
    {
      createdBy: '/bin/sh -c #(nop) ADD file:7362e0e50f30ff45463ea38bb265cb8f6b7cd422eb2d09de7384efa0b59614be in / ',
      entries: () => debianRoot({ osRelease: BUSTER_OS_RELEASE, size: 114_100_000, shell: 'dash', extraText: [text('/etc/debian_version', '10.10\n')] }),
    },
    { createdBy: '/bin/sh -c #(nop)  CMD ["bash"]', empty: true },
    {
      createdBy: classicRun('set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends \\\n\t\tca-certificates \\\n\t\tcurl \\\n\t\tnetbase \\\n\t\twget \\\n\t; \\\n\trm -rf /var/lib/apt/lists/*'),
      entries: () => sized(17_600_000, '/usr/lib/x86_64-linux-gnu/curl', [...programs('/usr/bin', ['curl', 'wget'], 300_000), ...dirs('/etc/ssl', '/etc/ssl/certs')]),
    },
    {
      createdBy: classicRun('set -ex; \\\n\tif ! command -v gpg > /dev/null; then \\\n\t\tapt-get update; \\\n\t\tapt-get install -y --no-install-recommends \\\n\t\t\tgnupg \\\n\t\t\tdirmngr \\\n\t\t; \\\n\t\trm -rf /var/lib/apt/lists/*; \\\n\tfi'),
      entries: () => sized(16_500_000, '/usr/lib/x86_64-linux-gnu/gnupg', programs('/usr/bin', ['gpg', 'gpgv', 'dirmngr', 'gpgconf'], 400_000)),
    },
    {
      createdBy: classicRun('apt-get update && apt-get install -y --no-install-recommends \\\n\t\tgit \\\n\t\tmercurial \\\n\t\topenssh-client \\\n\t\tsubversion \\\n\t\t\\\n\t\tprocps \\\n\t&& rm -rf /var/lib/apt/lists/*'),
      entries: () => sized(146_100_000, '/usr/lib/git-core', programs('/usr/bin', ['git', 'hg', 'ssh', 'scp', 'svn', ...PROCPS], 200_000)),
    },
    {
      createdBy: classicRun('set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends \\\n\t\tbzip2 \\\n\t\tunzip \\\n\t\txz-utils \\\n\t\t\\\n\t\tfontconfig libfreetype6 \\\n\t\t\\\n\t\tca-certificates p11-kit \\\n\t; \\\n\trm -rf /var/lib/apt/lists/*'),
      entries: () => sized(4_900_000, '/usr/lib/x86_64-linux-gnu/fonts', programs('/usr/bin', ['bzip2', 'unzip', 'xz', 'p11-kit', 'trust'], 60_000)),
    },
    { createdBy: `/bin/sh -c #(nop)  ENV JAVA_HOME=${JAVA_HOME}`, empty: true },
    {
      createdBy: `/bin/sh -c { echo '#/bin/sh'; echo 'echo "$JAVA_HOME"'; } > /usr/local/bin/docker-java-home && chmod +x /usr/local/bin/docker-java-home && [ "$JAVA_HOME" = "$(docker-java-home)" ] # backwards compatibility`,
      entries: () => [...dirs('/usr/local', '/usr/local/bin'), text('/usr/local/bin/docker-java-home', '#/bin/sh\necho "$JAVA_HOME"\n', 0o755)],
    },
    { createdBy: `/bin/sh -c #(nop)  ENV PATH=${JAVA_HOME}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`, empty: true },
    { createdBy: '/bin/sh -c #(nop)  ENV LANG=C.UTF-8', empty: true },
    { createdBy: '/bin/sh -c #(nop)  ENV JAVA_VERSION=8u292', empty: true },
    {
      createdBy: classicRun('set -eux; \\\n\t\\\n\tarch="$(dpkg --print-architecture)"; \\\n\tcase "$arch" in \\\n\t\t\'amd64\') \\\n\t\t\tdownloadUrl=\'https://github.com/AdoptOpenJDK/openjdk8-upstream-binaries/releases/download/jdk8u292-b10/OpenJDK8U-jdk_x64_linux_8u292b10.tar.gz\'; \\\n\t\t\t;; \\\n\t\t\'arm64\') \\\n\t\t\tdownloadUrl=\'https://github.com/AdoptOpenJDK/openjdk8-upstream-binaries/releases/download/jdk8u292-b10/OpenJDK8U-jdk_aarch64_linux_8u292b10.tar.gz\'; \\\n\t\t\t;; \\\n\t\t*) echo >&2 "error: unsupported architecture: \'$arch\'"; exit 1 ;; \\\n\tesac; \\\n\t\\\n\twget --progress=dot:giga -O openjdk.tgz "$downloadUrl"; \\\n\twget --progress=dot:giga -O openjdk.tgz.asc "$downloadUrl.sign"; \\\n\t\\\n\texport GNUPGHOME="$(mktemp -d)"; \\\n\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys EAC843EBD3EFDB98CC772FADA5CD6035332FA671; \\\n\tgpg --batch --verify openjdk.tgz.asc openjdk.tgz; \\\n\tgpgconf --kill all; \\\n\trm -rf "$GNUPGHOME"; \\\n\t\\\n\tmkdir -p "$JAVA_HOME"; \\\n\ttar --extract \\\n\t\t--file openjdk.tgz \\\n\t\t--directory "$JAVA_HOME" \\\n\t\t--strip-components 1 \\\n\t\t--no-same-owner \\\n\t; \\\n\trm openjdk.tgz*; \\\n\t\\\n\tfind "$JAVA_HOME/lib" -name \'*.so\' -exec dirname \'{}\' \';\' | sort -u > /etc/ld.so.conf.d/docker-openjdk.conf; \\\n\tldconfig; \\\n\t\\\n\tjavac -version; \\\n\tjava -version'),
      entries: () =>
        sized(209_700_000, `${JAVA_HOME}/jre/lib/amd64`, [
          ...dirs(JAVA_HOME, `${JAVA_HOME}/bin`, `${JAVA_HOME}/jre`, `${JAVA_HOME}/jre/lib`, '/etc/ld.so.conf.d'),
          ...programs(`${JAVA_HOME}/bin`, ['java', 'javac', 'jar', 'javadoc', 'jps', 'jstack', 'keytool'], 8_700),
          { type: 'file', path: `${JAVA_HOME}/jre/lib/rt.jar`, size: 63_100_000, mode: 0o644 },
          text('/etc/ld.so.conf.d/docker-openjdk.conf', `${JAVA_HOME}/jre/lib/amd64\n${JAVA_HOME}/jre/lib/amd64/server\n`),
        ], 30),
    },
    { createdBy: `/bin/sh -c #(nop)  ENV CATALINA_HOME=${HOME}`, empty: true },
    { createdBy: `/bin/sh -c #(nop)  ENV PATH=${HOME}/bin:${JAVA_HOME}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`, empty: true },
    { createdBy: '/bin/sh -c mkdir -p "$CATALINA_HOME"', entries: () => dirs('/usr/local', HOME) },
    { createdBy: `/bin/sh -c #(nop) WORKDIR ${HOME}`, empty: true },
    { createdBy: `/bin/sh -c #(nop)  ENV TOMCAT_NATIVE_LIBDIR=${HOME}/native-jni-lib`, empty: true },
    { createdBy: `/bin/sh -c #(nop)  ENV LD_LIBRARY_PATH=${HOME}/native-jni-lib`, empty: true },
    { createdBy: `/bin/sh -c #(nop)  ENV GPG_KEYS=${GPG_KEYS}`, empty: true },
    { createdBy: '/bin/sh -c #(nop)  ENV TOMCAT_MAJOR=7', empty: true },
    { createdBy: '/bin/sh -c #(nop)  ENV TOMCAT_VERSION=7.0.109', empty: true },
    { createdBy: `/bin/sh -c #(nop)  ENV TOMCAT_SHA512=${SHA512}`, empty: true },
    {
      // abridged after the download: the Dockerfile's RUN continues with the
      // GPG check, Tomcat Native's build and `catalina.sh version`
      createdBy: classicRun('set -eux; \\\n\t\\\n\tsavedAptMark="$(apt-mark showmanual)"; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends \\\n\t\tgnupg dirmngr \\\n\t\twget ca-certificates \\\n\t; \\\n\t\\\n\tddist \'tomcat.tar.gz\' "tomcat/tomcat-$TOMCAT_MAJOR/v$TOMCAT_VERSION/bin/apache-tomcat-$TOMCAT_VERSION.tar.gz" "$TOMCAT_VERSION/tomcat-$TOMCAT_VERSION.tar.gz"; \\\n\techo "$TOMCAT_SHA512 *tomcat.tar.gz" | sha512sum --strict --check -; \\\n\ttar -xf tomcat.tar.gz --strip-components=1; \\\n\trm bin/*.bat; \\\n\trm tomcat.tar.gz*; \\\n\tmv webapps webapps.dist; \\\n\tmkdir webapps; \\\n\tchmod -R +rX .; \\\n\tchmod 777 logs temp work; \\\n\tcatalina.sh version'),
      entries: () => sized(15_900_000, `${HOME}/webapps.dist/docs`, tomcatFiles()),
    },
    {
      createdBy: classicRun('set -eux; \\\n\tnativeLines="$(catalina.sh configtest 2>&1)"; \\\n\tnativeLines="$(echo "$nativeLines" | grep \'Apache Tomcat Native\')"; \\\n\tnativeLines="$(echo "$nativeLines" | sort -u)"; \\\n\tif ! echo "$nativeLines" | grep -E \'INFO: Loaded( APR based)? Apache Tomcat Native library\' >&2; then \\\n\t\techo >&2 "$nativeLines"; \\\n\t\texit 1; \\\n\tfi'),
      entries: () => [],
    },
    { createdBy: '/bin/sh -c #(nop)  EXPOSE 8080', empty: true },
    { createdBy: '/bin/sh -c #(nop)  CMD ["catalina.sh" "run"]', empty: true },
  ],
};
