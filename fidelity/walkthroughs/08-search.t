# title: Searching Docker Hub: the seeds' searches, filters, limit, format, and a repository of one's own
# seed: 000 基本操作 (docker search, -s N); 001 § 四、查找镜像; 002 § 5 (docker search centos, docker push xianhu/centos:git)
# topic: walkthroughs
# Berth's Docker Hub lists the images it serves; descriptions and star counts
# are the Hub's as of 2025 (src/engine/registry/search.ts).
  $ docker search centos
  NAME      DESCRIPTION                                 STARS     OFFICIAL
  centos    DEPRECATED; The official build of CentOS.   7780      [OK]
  $ docker search ubuntu
  NAME      DESCRIPTION                                     STARS     OFFICIAL
  ubuntu    Ubuntu is a Debian-based Linux operating sys…   17862     [OK]
# modern: -s/--stars was deprecated in 1.12 and removed in 20.10; use --filter stars=N
  $ docker search -s 3 centos
  unknown shorthand flag: 's' in -s
  
  Usage:  docker search [OPTIONS] TERM
  
  Run 'docker search --help' for more information
  [125]
  $ docker search --stars=3 centos
  unknown flag: --stars
  
  Usage:  docker search [OPTIONS] TERM
  
  Run 'docker search --help' for more information
  [125]
  $ docker search --filter stars=3 centos
  NAME      DESCRIPTION                                 STARS     OFFICIAL
  centos    DEPRECATED; The official build of CentOS.   7780      [OK]
  $ docker search -f stars=10000 -f is-official=true o
  NAME      DESCRIPTION                                     STARS     OFFICIAL
  nginx     Official build of Nginx.                        21173     [OK]
  ubuntu    Ubuntu is a Debian-based Linux operating sys…   17862     [OK]
  node      Node.js is a JavaScript-based platform for s…   13900     [OK]
  alpine    A minimal Docker image based on Alpine Linux…   11477     [OK]
  mongo     MongoDB document databases provide high avai…   10504     [OK]
  $ docker search --limit 3 --format '{{.Name}}: {{.StarCount}}' o
  nginx: 21173
  ubuntu: 17862
  node: 13900
  $ docker search --no-trunc debian
  NAME      DESCRIPTION                                                                                 STARS     OFFICIAL
  debian    Debian is a Linux distribution that's composed entirely of free and open-source software.   5319      [OK]
  ubuntu    Ubuntu is a Debian-based Linux operating system based on free software.                     17862     [OK]
  $ docker search --format '{{json .}}' busybox
  {"Description":"Busybox base image.","IsOfficial":"true","Name":"busybox","StarCount":"3243"}
  $ docker search sinatra
  NAME               DESCRIPTION   STARS     OFFICIAL
  training/sinatra                 18        
# modern: AUTOMATED left the table in 25.0, .IsAutomated the template in 28.2; the filter is deprecated
  $ docker search --format '{{.IsAutomated}}' busybox
  template parsing error: template: :1:2: executing "" at <.IsAutomated>: can't evaluate field IsAutomated in type *registry.searchContext
  [1]
  $ docker search -f is-automated=true ubuntu
  WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future.
  NAME      DESCRIPTION   STARS     OFFICIAL
  $ docker search --limit 200 ubuntu
  Error response from daemon: limit 200 is outside the range of [1, 100]
  [1]
  $ docker search -f stars=many ubuntu
  Error response from daemon: invalid filter 'stars=many': strconv.Atoi: parsing "many": invalid syntax
  [1]
  $ docker search localhost:5000/centos
  Error response from daemon: Unexpected status code 404
  [1]
  $ docker login -u xianhu -p secret 2>/dev/null
  Login Succeeded
  $ docker pull -q centos
  docker.io/library/centos:latest
  $ docker tag centos xianhu/centos:git
  $ docker push -q xianhu/centos:git
  docker.io/xianhu/centos:git
  $ docker search centos
  NAME            DESCRIPTION                                 STARS     OFFICIAL
  centos          DEPRECATED; The official build of CentOS.   7780      [OK]
  xianhu/centos                                               0         
