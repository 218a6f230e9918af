# title: The seeds' images: tu-demo's tags, pull -a, filters and formats, Windows images
# seed: 003 § 3.1, § 3.3
# topic: walkthroughs
  $ docker image pull -q nigelpoulton/tu-demo:v2
  docker.io/nigelpoulton/tu-demo:v2
  $ docker image pull -a -q nigelpoulton/tu-demo
  docker.io/nigelpoulton/tu-demo
  $ docker image ls nigelpoulton/tu-demo --format '{{.Tag}} {{.ID}}' | sort
  latest f51bf7457618
  v1 f51bf7457618
  v2 9ccf5ab8a7b9
  $ docker image pull -q alpine
  docker.io/library/alpine:latest
  $ docker image pull -q redis:latest
  docker.io/library/redis:latest
  $ docker image ls --filter=reference="*:latest" --format '{{.Repository}}'
  alpine
  redis
  $ docker image ls --format "{{.Repository}}: {{.Tag}}" | sort
  alpine: latest
  nigelpoulton/tu-demo: latest
  nigelpoulton/tu-demo: v1
  nigelpoulton/tu-demo: v2
  redis: latest
  $ docker image pull microsoft/nanoserver
  Using default tag: latest
  Error response from daemon: no matching manifest for linux/amd64 in the manifest list entries
  [1]
  $ docker pull mongo:3.3.11 | tail -1
  docker.io/library/mongo:3.3.11
