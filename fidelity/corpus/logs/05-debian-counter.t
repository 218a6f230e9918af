# title: logs of a detached debian counter
# topic: logs

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run -d --name count debian:bookworm-slim bash -c 'for i in 1 2 3 4 5; do echo "line $i"; done; sleep 1000' >/dev/null
  $ sleep 1.5
  $ docker logs count
  line 1
  line 2
  line 3
  line 4
  line 5
  $ docker logs -n 2 count
  line 4
  line 5
  $ docker logs --tail 0 count
  $ docker logs --tail all count | wc -l
  5
  $ docker rm -f count
  count
