# title: training/sinatra: install a gem, commit the container, run the new image
# seed: 000 § 镜像 › 3. 创建 › 修改已有镜像
# topic: walkthroughs
  $ docker pull -q training/sinatra
  docker.io/training/sinatra:latest
  $ docker run --name sinatra training/sinatra gem install json
  Fetching: json-1.8.1.gem (100%)
  Building native extensions.  This could take a while...
  Successfully installed json-1.8.1
  1 gem installed
  Installing ri documentation for json-1.8.1...
  Installing RDoc documentation for json-1.8.1...
  $ docker diff sinatra | head -5
  C /var
  C /var/lib
  C /var/lib/gems
  C /var/lib/gems/1.9.1
  A /var/lib/gems/1.9.1/cache
  $ docker commit -m "Added json gem" -a "Docker Newbee" sinatra ouruser/sinatra:v2 >/dev/null
  $ docker images ouruser/sinatra --format '{{.Repository}}:{{.Tag}}'
  ouruser/sinatra:v2
  $ docker run --rm ouruser/sinatra:v2 gem list | grep json
  json (1.8.1)
  $ docker history ouruser/sinatra:v2 --format '{{.CreatedBy}} {{.Comment}}' | head -1
  gem install json Added json gem
