# title: docker run --env-file and -e without a value
# topic: run

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ printf 'A=1\n# comment\nB=two words\n' > app.env
  $ docker run --rm --env-file app.env busybox sh -c 'echo "$A|$B"'
  1|two words
  $ export FROM_HOST=hostvalue; docker run --rm -e FROM_HOST busybox sh -c 'echo $FROM_HOST'
  hostvalue
  $ docker run --rm -e UNSET_ON_HOST busybox sh -c 'echo "[${UNSET_ON_HOST-unset}]"'
  [unset]
  $ docker run --rm --env-file nosuch.env busybox true
  docker: open nosuch.env: no such file or directory
  
  Run 'docker run --help' for more information
  [125]
  $ docker run --rm -e A=1 -e A=2 busybox sh -c 'echo $A'
  2
