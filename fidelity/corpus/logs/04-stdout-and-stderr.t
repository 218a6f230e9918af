# title: docker logs keeps stdout and stderr apart
# topic: logs

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name mix busybox sh -c 'echo out1; sleep 0.5; echo err1 >&2; sleep 0.5; echo out2'
  out1
  err1
  out2
  $ docker logs mix 2>/dev/null
  out1
  out2
  $ docker logs mix >/dev/null
  err1
  $ docker logs mix 2>&1 | wc -l
  3
  $ docker logs --tail 1 mix
  out2
