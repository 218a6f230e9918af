# title: awk in busybox: what its mistakes print
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox awk '{print $1'
  awk: cmd. line:1: Unexpected token
  [1]
  $ docker run --rm busybox awk 'BEGIN { print "abc }'
  awk: cmd. line:1: Unexpected end of string
  [1]
  $ docker run --rm busybox awk 'BEGIN { x = }'
  awk: cmd. line:1: Unexpected token
  [1]
  $ docker run --rm busybox awk 'BEGIN { print substr("x") }'
  awk: cmd. line:1: Too few arguments
  [1]
  $ docker run --rm busybox awk 'BEGIN { nosuch(1) }'
  awk: cmd. line:1: Call to undefined function
  [1]
  $ docker run --rm busybox sh -c 'awk "BEGIN { print 1; print 1/0 }" 2>&1'
  1
  awk: cmd. line:1: Division by zero
  [1]
  $ docker run --rm busybox awk '{ print }' /nosuch
  awk: /nosuch: No such file or directory
  [1]
  $ docker run --rm busybox awk -f /nosuch.awk
  awk: can't open '/nosuch.awk': No such file or directory
  [1]
  $ docker run --rm busybox awk 'BEGIN { print "x" > "/nodir/f" }'
  awk: can't open '/nodir/f': No such file or directory
  [1]
  $ docker run --rm busybox sh -c 'echo a | awk "{ print \$(-1) }"'
  awk: cmd. line:1: Access to negative field
  [1]
  $ docker run --rm busybox awk 'BEGIN { printf "%z\n", 1 }'
  awk: cmd. line:1: Invalid format specifier
  [1]
