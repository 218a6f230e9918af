# title: pulling from a registry that is not there, a repository that is not there
# topic: registry

  $ docker pull 127.0.0.1:5000/team/nosuch
  Using default tag: latest
  Error response from daemon: manifest for 127.0.0.1:5000/team/nosuch:latest not found: manifest unknown: manifest unknown
  [1]
  $ docker pull -q 127.0.0.1:5000/nosuch:v1
  Error response from daemon: manifest for 127.0.0.1:5000/nosuch:v1 not found: manifest unknown: manifest unknown
  [1]
  $ docker pull 127.0.0.1:5001/bb
  Using default tag: latest
  Error response from daemon: Get "http://127.0.0.1:5001/v2/": dial tcp 127.0.0.1:5001: connect: connection refused
  [1]
  $ docker pull localhost:5001/bb:v1
  Error response from daemon: Get "http://localhost:5001/v2/": dial tcp 127.0.0.1:5001: connect: connection refused
  [1]
  $ docker pull -q 127.0.0.1:5001/bb
  Error response from daemon: Get "http://127.0.0.1:5001/v2/": dial tcp 127.0.0.1:5001: connect: connection refused
  [1]
  $ docker pull 127.0.0.1:5000/Team/app
  invalid reference format: repository name (Team/app) must be lowercase
  [1]
  $ docker pull 127.0.0.1:5000/bb:
  invalid reference format
  [1]
