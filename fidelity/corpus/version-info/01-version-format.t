# title: docker version and docker info with --format
# topic: version-info

  $ docker version --format '{{.Server.Os}}'
  linux
  $ docker version --format '{{.Client.Os}}'
  linux
  $ docker info --format '{{.Driver}}'
  overlay2
  $ docker info --format '{{.OSType}} {{.LoggingDriver}} {{.DefaultRuntime}}'
  linux json-file runc
  $ docker info --format '{{.DockerRootDir}}'
  /tmp/dockerd/root
  $ docker version --format '{{.Nosuch}}'
  
  template: version:1:2: executing "version" at <.Nosuch>: can't evaluate field Nosuch in type system.versionInfo
  [1]
