# title: container prune with a label filter
# topic: prune

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --label tmp=yes --name t1 busybox true
  $ docker run --label tmp=no --name t2 busybox true
  $ docker run --name t3 busybox true
  $ docker container prune -f --filter label=tmp=yes
  Deleted Containers:
  477f8b32c0cd321d34a82abf22f5634393dbc9e8957ab78baa3be6c6424bc732
  
  Total reclaimed space: 0B
  $ docker ps -a --format '{{.Names}}' | sort
  t2
  t3
  $ docker container prune -f --filter label=tmp
  Deleted Containers:
  db404ea5293584ee021a8c7e04010e8cdff033cb44d942ec0b443533c1088c5c
  
  Total reclaimed space: 0B
  $ docker ps -a --format '{{.Names}}'
  t3
