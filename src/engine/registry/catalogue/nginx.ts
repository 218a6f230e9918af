// nginx:latest (1.29.1 on Debian bookworm), as nginxinc/docker-nginx's
// mainline/debian Dockerfile builds it and Docker Hub served it in August 2025.
import { DEBIAN_GROUP, DEBIAN_PASSWD, debianRoot, sized } from './linux.ts';
import { BOOKWORM_OS_RELEASE } from './osrelease.ts';
import { PATH_ENV, dirs, text, type ImageRecipe } from './recipe.ts';
import { NGINX_ENTRYPOINT, NGINX_ENVSUBST, NGINX_LISTEN_IPV6, NGINX_LOCAL_RESOLVERS, NGINX_TUNE_WORKERS } from './scripts.ts';

export const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}

`;

export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
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

const NGINX_50X_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

const INSTALL_NGINX =
  'RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     &&     NGINX_GPGKEYS="573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3";     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     export GNUPGHOME="$(mktemp -d)";     found=\'\';     for NGINX_GPGKEY in $NGINX_GPGKEYS; do     for server in         hkp://keyserver.ubuntu.com:80         pgp.mit.edu     ; do         echo "Fetching GPG key $NGINX_GPGKEY from $server";         gpg1 --keyserver "$server" --keyserver-options timeout=10 --recv-keys "$NGINX_GPGKEY" && found=yes && break;     done;     test -z "$found" && echo >&2 "error: failed to fetch GPG key $NGINX_GPGKEY" && exit 1;     done;     gpg1 --export "$NGINX_GPGKEYS" > "$NGINX_GPGKEY_PATH" ;     rm -rf "$GNUPGHOME";     apt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*     && dpkgArch="$(dpkg --print-architecture)"     && nginxPackages="         nginx=${NGINX_VERSION}-${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}+${NJS_VERSION}-${NJS_RELEASE}     "     && case "$dpkgArch" in         amd64|arm64)             echo "deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/mainline/debian/ bookworm nginx" >> /etc/apt/sources.list.d/nginx.list             && apt-get update             ;;         *)             tempDir="$(mktemp -d)"             && chmod 777 "$tempDir"                         && savedAptMark="$(apt-mark showmanual)"                         && apt-get update             && apt-get install --no-install-recommends --no-install-suggests -y                 curl                 devscripts                 equivs                 git                 libxml2-utils                 lsb-release                 xsltproc             && (                 cd "$tempDir"                 && REVISION="${NGINX_VERSION}-${PKG_RELEASE}"                 && REVISION=${REVISION%~*}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${REVISION}.tar.gz                 && tar xzvf ${REVISION}.tar.gz                 && cd pkg-oss-${REVISION}                 && cd debian                 && for target in base module-geoip module-image-filter module-njs module-xslt; do                     make rules-$target;                     mk-build-deps --install --tool="apt-get -o Debug::pkgProblemResolver=yes --no-install-recommends --yes"                         debuild-$target/nginx-$NGINX_VERSION/debian/control;                 done                 && make base module-geoip module-image-filter module-njs module-xslt             )                         && apt-mark showmanual | xargs apt-mark auto > /dev/null             && { [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; }                         && ls -lAFh "$tempDir"             && ( cd "$tempDir" && dpkg-scanpackages . > Packages )             && grep \'^Package: \' "$tempDir/Packages"             && echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list             && apt-get -o Acquire::GzipIndexes=false update             ;;     esac         && apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list         && if [ -n "$tempDir" ]; then         apt-get purge -y --auto-remove         && rm -rf "$tempDir" /etc/apt/sources.list.d/temp.list;     fi     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit';

const CREATED = '2025-08-13T17:40:24Z';

export const NGINX: ImageRecipe = {
  repo: 'library/nginx',
  tags: ['latest', '1.29.1', 'mainline', '1', '1.29', '1.29.1-bookworm', 'mainline-bookworm', '1-bookworm', '1.29-bookworm', 'bookworm'],
  created: CREATED,
  config: {
    ExposedPorts: { '80/tcp': {} },
    Env: [PATH_ENV, 'NGINX_VERSION=1.29.1', 'NJS_VERSION=0.9.1', 'NJS_RELEASE=1~bookworm', 'PKG_RELEASE=1~bookworm', 'DYNPKG_RELEASE=1~bookworm'],
    Entrypoint: ['/docker-entrypoint.sh'],
    Cmd: ['nginx', '-g', 'daemon off;'],
    Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
    StopSignal: 'SIGQUIT',
  },
  history: [
    {
      createdBy: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1754870400'",
      entries: () => debianRoot({ osRelease: BOOKWORM_OS_RELEASE, size: 74_800_000, shell: 'dash', extraText: [text('/etc/debian_version', '12.11\n')] }),
    },
    // debian:bookworm-slim's own CMD, under the image built on it
    { createdBy: 'CMD ["bash"]', empty: true },
    { createdBy: 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>', empty: true },
    { createdBy: 'ENV NGINX_VERSION=1.29.1', empty: true },
    { createdBy: 'ENV NJS_VERSION=0.9.1', empty: true },
    { createdBy: 'ENV NJS_RELEASE=1~bookworm', empty: true },
    { createdBy: 'ENV PKG_RELEASE=1~bookworm', empty: true },
    { createdBy: 'ENV DYNPKG_RELEASE=1~bookworm', empty: true },
    {
      createdBy: INSTALL_NGINX,
      entries: () =>
        sized(117_100_000, '/usr/lib/x86_64-linux-gnu', [
          ...dirs('/etc/nginx', '/etc/nginx/conf.d', '/usr/lib/nginx', '/usr/lib/nginx/modules',
            '/usr/share/nginx', '/usr/share/nginx/html', '/var/cache/nginx', '/var/log/nginx', '/docker-entrypoint.d',
            '/etc/apt/keyrings'),
          text('/etc/passwd', `${DEBIAN_PASSWD}nginx:x:101:101:nginx user:/nonexistent:/bin/false\n`),
          text('/etc/group', `${DEBIAN_GROUP}nginx:x:101:\n`),
          { type: 'file', path: '/usr/sbin/nginx', size: 1_512_360, mode: 0o755 },
          { type: 'file', path: '/usr/sbin/nginx-debug', size: 1_608_408, mode: 0o755 },
          { type: 'file', path: '/usr/bin/curl', size: 280_400, mode: 0o755 },
          { type: 'file', path: '/usr/bin/envsubst', size: 35_192, mode: 0o755 },
          { type: 'file', path: '/usr/bin/gettext', size: 35_192, mode: 0o755 },
          text('/etc/nginx/nginx.conf', NGINX_CONF),
          text('/etc/nginx/conf.d/default.conf', NGINX_DEFAULT_CONF),
          text('/etc/nginx/mime.types', 'types {\n    text/html                                        html htm shtml;\n    text/css                                         css;\n    application/javascript                           js;\n    image/png                                        png;\n}\n'),
          text('/etc/nginx/fastcgi_params', 'fastcgi_param  QUERY_STRING       $query_string;\n'),
          text('/etc/nginx/scgi_params', 'scgi_param  REQUEST_METHOD     $request_method;\n'),
          text('/etc/nginx/uwsgi_params', 'uwsgi_param  QUERY_STRING       $query_string;\n'),
          { type: 'symlink', path: '/etc/nginx/modules', target: '../../usr/lib/nginx/modules' },
          text('/usr/share/nginx/html/index.html', NGINX_INDEX_HTML),
          text('/usr/share/nginx/html/50x.html', NGINX_50X_HTML),
          ...['ngx_http_geoip_module.so', 'ngx_http_image_filter_module.so', 'ngx_http_js_module.so', 'ngx_http_xslt_filter_module.so', 'ngx_stream_geoip_module.so', 'ngx_stream_js_module.so'].map(
            (m) => ({ type: 'file' as const, path: `/usr/lib/nginx/modules/${m}`, size: 180_000, mode: 0o644 }),
          ),
          { type: 'symlink', path: '/var/log/nginx/access.log', target: '/dev/stdout' },
          { type: 'symlink', path: '/var/log/nginx/error.log', target: '/dev/stderr' },
        ]),
    },
    { createdBy: 'COPY docker-entrypoint.sh / # buildkit', entries: () => [text('/docker-entrypoint.sh', NGINX_ENTRYPOINT, 0o775)] },
    {
      createdBy: 'COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit',
      entries: () => [...dirs('/docker-entrypoint.d'), text('/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh', NGINX_LISTEN_IPV6, 0o775)],
    },
    {
      createdBy: 'COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit',
      entries: () => [...dirs('/docker-entrypoint.d'), text('/docker-entrypoint.d/15-local-resolvers.envsh', NGINX_LOCAL_RESOLVERS, 0o775)],
    },
    {
      createdBy: 'COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit',
      entries: () => [...dirs('/docker-entrypoint.d'), text('/docker-entrypoint.d/20-envsubst-on-templates.sh', NGINX_ENVSUBST, 0o775)],
    },
    {
      createdBy: 'COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit',
      entries: () => [...dirs('/docker-entrypoint.d'), text('/docker-entrypoint.d/30-tune-worker-processes.sh', NGINX_TUNE_WORKERS, 0o775)],
    },
    { createdBy: 'ENTRYPOINT ["/docker-entrypoint.sh"]', empty: true },
    { createdBy: 'EXPOSE map[80/tcp:{}]', empty: true },
    { createdBy: 'STOPSIGNAL SIGQUIT', empty: true },
    { createdBy: 'CMD ["nginx" "-g" "daemon off;"]', empty: true },
  ],
};

