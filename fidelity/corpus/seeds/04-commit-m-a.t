# title: seed 000: commit -m -a to ouruser/sinatra:v2 and tag devel
# topic: seeds

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name sinatra busybox sh -c 'mkdir -p /gems && echo json > /gems/json.gem'
  $ docker commit -m "Added json gem" -a "Docker Newbee" sinatra ouruser/sinatra:v2
  sha256:6aa47ec8cddbd9a519021a48f532e988f389dcc9e6669412ab9c297cc61e215e
  $ docker images ouruser/sinatra
  REPOSITORY        TAG       IMAGE ID       CREATED                  SIZE
  ouruser/sinatra   v2        6aa47ec8cddb   Less than a second ago   1.98MB
  $ docker run --rm ouruser/sinatra:v2 cat /gems/json.gem
  json
  $ docker inspect -f '{{.Author}} / {{.Comment}}' ouruser/sinatra:v2
  Docker Newbee / Added json gem
  $ docker tag ouruser/sinatra:v2 ouruser/sinatra:devel
  $ docker images ouruser/sinatra --format '{{.Tag}}' | sort
  devel
  v2
