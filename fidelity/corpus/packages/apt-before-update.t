# title: apt-get and dpkg in a fresh debian:bookworm-slim, before apt-get update
# The image ships no package lists: every install fails until `apt-get update`.

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --rm debian:bookworm-slim apt-get install -y vim
  Reading package lists...
  Building dependency tree...
  E: Unable to locate package vim
  [100]
  $ docker run --rm debian:bookworm-slim apt-get install nosuch curl
  Reading package lists...
  Building dependency tree...
  E: Unable to locate package nosuch
  E: Unable to locate package curl
  [100]
  $ docker run --rm debian:bookworm-slim apt-get -qq install -y vim
  E: Unable to locate package vim
  [100]
  $ docker run --rm debian:bookworm-slim apt-get foo
  E: Invalid operation foo
  [100]
  $ docker run --rm debian:bookworm-slim apt-get -z install vim
  E: Command line option 'z' [from -z] is not understood in combination with the other options.
  [100]
  $ docker run --rm debian:bookworm-slim dpkg -L nosuch
  dpkg-query: package 'nosuch' is not installed
  Use dpkg --contents (= dpkg-deb --contents) to list archive files contents.
  [1]
  $ docker run --rm debian:bookworm-slim dpkg -s nosuch
  dpkg-query: package 'nosuch' is not installed and no information is available
  Use dpkg --info (= dpkg-deb --info) to examine archive files.
  [1]
  $ docker run --rm debian:bookworm-slim dpkg -l nosuch
  dpkg-query: no packages found matching nosuch
  [1]
  $ docker run --rm debian:bookworm-slim dpkg -L
  dpkg-query: error: --listfiles needs at least one package name argument
  
  Use --help for help about querying packages.
  [2]
  $ docker run --rm debian:bookworm-slim dpkg
  dpkg: error: need an action option
  
  Type dpkg --help for help about installing and deinstalling packages [*];
  Use 'apt' or 'aptitude' for user-friendly package management;
  Type dpkg -Dhelp for a list of dpkg debug flag values;
  Type dpkg --force-help for a list of forcing options;
  Type dpkg-deb --help for help about manipulating *.deb files;
  
  Options marked [*] produce a lot of output - pipe it through 'less' or 'more' !
  [2]
  $ docker run --name fresh debian:bookworm-slim apt-get install -y vim
  Reading package lists...
  Building dependency tree...
  E: Unable to locate package vim
  [100]
  $ docker diff fresh
  C /var
  C /var/cache
  C /var/cache/apt
  A /var/cache/apt/pkgcache.bin
  A /var/cache/apt/srcpkgcache.bin
