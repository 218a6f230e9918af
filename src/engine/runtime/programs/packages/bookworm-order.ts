// The order apt 2.6 fetches and unpacks each learner's package in, from a
// bookworm-slim base (`apt-get install -s` on bookworm). Used when a plan is
// exactly one of these; otherwise apt-get orders by dependencies. (dpkg's
// setup order is computed: dpkg-order.ts.)
export const BOOKWORM_UNPACK_ORDER: Readonly<Record<string, string>> = {
  'apache2': 'perl-modules-5.36 libgdbm6 libgdbm-compat4 libperl5.36 perl libapr1 libexpat1 libssl3 libaprutil1 libsqlite3-0 libaprutil1-dbd-sqlite3 libsasl2-modules-db libsasl2-2 libldap-2.5-0 libaprutil1-ldap libbrotli1 libkrb5support0 libk5crypto3 libkeyutils1 libkrb5-3 libgssapi-krb5-2 libnghttp2-14 libpsl5 librtmp1 libssh2-1 libcurl4 libjansson4 liblua5.3-0 libicu72 libxml2 apache2-bin apache2-data apache2-utils media-types libncursesw6 libproc2-0 procps apache2 netbase openssl ca-certificates krb5-locales libgpm2 libldap-common libsasl2-modules psmisc publicsuffix ssl-cert',
  'ca-certificates': 'libssl3 openssl ca-certificates',
  'curl': 'libssl3 openssl ca-certificates krb5-locales libbrotli1 libkrb5support0 libk5crypto3 libkeyutils1 libkrb5-3 libgssapi-krb5-2 libsasl2-modules-db libsasl2-2 libldap-2.5-0 libnghttp2-14 libpsl5 librtmp1 libssh2-1 libcurl4 curl libldap-common libsasl2-modules publicsuffix',
  'git': 'perl-modules-5.36 libgdbm6 libgdbm-compat4 libperl5.36 perl less netbase libssl3 openssl ca-certificates krb5-locales libbsd0 libedit2 libcbor0.8 libfido2-1 libkrb5support0 libk5crypto3 libkeyutils1 libkrb5-3 libgssapi-krb5-2 openssh-client libbrotli1 libsasl2-modules-db libsasl2-2 libldap-2.5-0 libnghttp2-14 libpsl5 librtmp1 libssh2-1 libcurl3-gnutls libexpat1 liberror-perl git-man git libldap-common libsasl2-modules libxau6 libxdmcp6 libxcb1 libx11-data libx11-6 libxext6 libxmuu1 patch publicsuffix xauth',
  'gnupg': 'readline-common libassuan0 libreadline8 gpgconf libksba8 libsasl2-modules-db libsasl2-2 libldap-2.5-0 libnpth0 dirmngr gnupg-l10n gnupg-utils libsqlite3-0 gpg libncursesw6 pinentry-curses gpg-agent gpg-wks-client gpg-wks-server gpgsm gnupg libgpm2 libldap-common libssl3 libsasl2-modules',
  'iputils-ping': 'libcap2-bin iputils-ping libpam-cap',
  'less': 'less',
  'nano': 'libncursesw6 nano libgpm2',
  'net-tools': 'net-tools',
  'nginx': 'libelf1 libbpf1 libbsd0 libmnl0 libkrb5support0 libk5crypto3 libkeyutils1 libssl3 libkrb5-3 libgssapi-krb5-2 libtirpc-common libtirpc3 libxtables12 libcap2-bin iproute2 krb5-locales libatm1 libpam-cap nginx-common nginx',
  'openssh-client': 'krb5-locales libbsd0 libedit2 libcbor0.8 libssl3 libfido2-1 libkrb5support0 libk5crypto3 libkeyutils1 libkrb5-3 libgssapi-krb5-2 openssh-client libxau6 libxdmcp6 libxcb1 libx11-data libx11-6 libxext6 libxmuu1 xauth',
  'procps': 'libncursesw6 libproc2-0 procps libgpm2 psmisc',
  'python3': 'libssl3 libpython3.11-minimal libexpat1 python3.11-minimal python3-minimal media-types libncursesw6 libkrb5support0 libk5crypto3 libkeyutils1 libkrb5-3 libgssapi-krb5-2 libtirpc-common libtirpc3 libnsl2 readline-common libreadline8 libsqlite3-0 libpython3.11-stdlib python3.11 libpython3-stdlib python3 openssl ca-certificates krb5-locales libgpm2',
  'redis-server': 'libatomic1 libjemalloc2 liblzf1 libssl3 redis-tools redis-server',
  'ruby-dev': 'fonts-lato libssl3 openssl ca-certificates javascript-common libbsd0 libedit2 libgmpxx4ldbl libgmp-dev libgpm2 libjs-jquery libncurses6 rubygems-integration ruby3.1 ruby-rubygems ruby rake ruby-net-telnet ruby-webrick ruby-xmlrpc ruby-sdbm libyaml-0-2 libruby3.1 libruby ruby3.1-dev ruby-dev ruby3.1-doc unzip zip',
  'ruby': 'fonts-lato libssl3 openssl ca-certificates javascript-common libbsd0 libedit2 libgpm2 libjs-jquery libncurses6 rubygems-integration ruby3.1 ruby-rubygems ruby rake ruby-net-telnet ruby-webrick ruby-xmlrpc ruby-sdbm libyaml-0-2 libruby3.1 libruby unzip zip',
  'sudo': 'sudo',
  'tomcat10': 'libssl3 libargon2-1 dmsetup libdevmapper1.02.1 libjson-c5 libcryptsetup12 libfdisk1 libkmod2 libapparmor1 libip4tc2 libsystemd-shared systemd libdbus-1-3 dbus-bin dbus-session-bus-common libexpat1 dbus-daemon dbus-system-bus-common dbus sensible-utils openssl ca-certificates krb5-locales systemd-timesyncd ucf alsa-topology-conf libasound2-data libasound2 alsa-ucm-conf ca-certificates-java java-common libavahi-common-data libavahi-common3 libavahi-client3 libkrb5support0 libk5crypto3 libkeyutils1 libkrb5-3 libgssapi-krb5-2 libcups2 libbrotli1 libpng16-16 libfreetype6 fonts-dejavu-core fontconfig-config libfontconfig1 liblcms2-2 libjpeg62-turbo libnspr4 libsqlite3-0 libnss3 libglib2.0-0 libgraphite2-3 libharfbuzz0b libpcsclite1 openjdk-17-jre-headless default-jre-headless libapr1 libeclipse-jdt-core-java libglib2.0-data libicu72 libtcnative-1 libtomcat10-java libxml2 shared-mime-info tomcat10-common tomcat10 xdg-user-dirs',
  'unzip': 'unzip',
  'vim': 'vim-common libgpm2 libsodium23 vim-runtime vim xxd',
  'wget': 'libssl3 openssl ca-certificates libpsl5 wget publicsuffix',
};

