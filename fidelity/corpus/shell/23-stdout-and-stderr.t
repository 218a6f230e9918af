# title: a container's stdout and stderr on the host
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox sh -c 'echo to-stdout; sleep 0.5; echo to-stderr >&2'
  to-stdout
  to-stderr
  $ docker run --rm busybox sh -c 'echo to-stderr >&2; sleep 0.5; echo to-stdout'
  to-stderr
  to-stdout
  $ docker run --rm busybox sh -c 'echo only-err >&2' 2>/dev/null
  $ docker run --rm busybox sh -c 'echo only-err >&2' 2>&1 >/dev/null | wc -l
  1
  $ docker run --rm busybox sh -c 'echo out; sleep 0.5; echo err >&2' 2>/dev/null
  out
  $ docker run --rm busybox sh -c 'echo out; sleep 0.5; echo err >&2' >/dev/null
  err
