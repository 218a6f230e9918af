# title: docker export of a container's file system, docker import of a tarball (file, stdin, -m, -c)
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name box busybox sh -c 'echo hello > /hello.txt'
  $ docker export box -o box.tar
  $ tar -tf box.tar | grep -E '^(\.dockerenv|dev/console|etc/hostname|etc/mtab|hello.txt|proc/|sys/)$'
  .dockerenv
  dev/console
  etc/hostname
  etc/mtab
  hello.txt
  proc/
  sys/
  $ tar -xOf box.tar hello.txt
  hello
  $ docker export box > stdout.tar
  $ tar -tf stdout.tar | grep -c hello.txt
  1
  $ docker export box | tar -xO hello.txt
  hello
  $ docker import box.tar
  sha256:0684af4c323901f12225db95a1ec6bdaf9422668c9fdb0f87fe49098c93e4a0f
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  <none>:<none>
  busybox:latest
  $ docker import - flat:1 < box.tar
  sha256:e0050a802f229f259d978146b3c19753c89ec16f72540629c28931ee84add9dc
  $ docker history flat:1
  IMAGE          CREATED                  CREATED BY   SIZE      COMMENT
  e0050a802f22   Less than a second ago                1.98MB    Imported from -
  $ docker history --format '{{.CreatedBy}}|{{.Comment}}' flat:1
  |Imported from -
  $ docker import -m 'from a tarball' -c 'CMD ["sh"]' -c 'ENV A=b' box.tar flat:2
  sha256:25e3bbebaaca02e3e0e858edeb06f2329d750b7f1f2be06ca492f631cc30cc2d
  $ docker history --format '{{.Comment}}' flat:2
  from a tarball
  $ docker inspect --format '{{json .Config.Cmd}} {{json .Config.Env}} {{.Comment}}' flat:2
  ["sh"] ["A=b"] from a tarball
  $ docker inspect --format '{{len .RootFS.Layers}}' flat:2
  1
  $ docker import nosuch.tar
  open nosuch.tar: no such file or directory
  [1]
  $ docker import box.tar 'Bad:Name'
  invalid reference format: repository name (library/Bad) must be lowercase
  [1]
  $ docker import box.tar -c 'FROM x'
  Error response from daemon: from is not a valid change command
  [1]
  $ docker import
  docker: 'docker import' requires at least 1 argument
  
  Usage:  docker import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]
  
  See 'docker import --help' for more information
  [1]
  $ docker export
  docker: 'docker export' requires 1 argument
  
  Usage:  docker export [OPTIONS] CONTAINER
  
  Run 'docker export --help' for more information
  [1]
  $ docker export nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker export -o nodir/x.tar box
  failed to export container: invalid output path: stat nodir: no such file or directory
  [1]
