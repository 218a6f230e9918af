# title: The seeds' Dockerfiles built and run: apache2 and sinatra on Ubuntu 14.04, nginx via EPEL on CentOS, friendlyhello on python:2.7-slim
# seed: 003 § 1.4.2 (dafa:1.0); 000 利用 Dockerfile 来创建镜像 (ouruser/sinatra); 001 § 五 › 3 (harbourside nginx); 002 § 6 › 5.2-5.3 (friendlyhello)
# topic: walkthroughs
  $ mkdir test1
  $ printf '# 指定基础镜像\nFROM ubuntu:14.04\n# 维护者信息\nMAINTAINER shiyanlou/dafa@simplecloud.cn\n# 镜像操作命令\nRUN \\\n    apt-get -yqq update && \\\n    apt-get install -yqq apache2\n# 容器启动命令\nCMD ["/usr/sbin/apache2ctl", "-D", "FOREGROUND"]\n' > test1/Dockerfile
  $ DOCKER_BUILDKIT=0 docker image build -t dafa:1.0 test1 | grep -E '^(Step|Successfully| ---> Using)'
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Step 1/4 : FROM ubuntu:14.04
  Step 2/4 : MAINTAINER shiyanlou/dafa@simplecloud.cn
  Step 3/4 : RUN     apt-get -yqq update &&     apt-get install -yqq apache2
  Step 4/4 : CMD ["/usr/sbin/apache2ctl", "-D", "FOREGROUND"]
  Successfully built 431886ab6097
  Successfully tagged dafa:1.0
  $ docker container run -d --name dafa01 dafa:1.0 > /dev/null
  $ sleep 1
  $ docker ps --format '{{.Image}} {{.Command}} {{.Status}}' | cut -c1-45
  dafa:1.0 "/usr/sbin/apache2ct…" Up 1 second
  $ docker logs dafa01 2>&1 | cut -c1-40
  AH00558: apache2: Could not reliably det
  $ docker history --format '{{.CreatedBy}}' dafa:1.0 | head -3 | cut -c1-60
  /bin/sh -c #(nop)  CMD ["/usr/sbin/apache2ct…
  /bin/sh -c apt-get -yqq update &&     apt-ge…
  /bin/sh -c #(nop)  MAINTAINER shiyanlou/dafa…
  $ mkdir sinatra
  $ cd sinatra
  $ printf '# This is a comment\nFROM ubuntu:14.04\nMAINTAINER Docker Newbee <newbee@docker.com>\nRUN apt-get -qq update\nRUN apt-get -qqy install ruby ruby-dev\nRUN gem install sinatra\n' > Dockerfile
  $ docker build -t="ouruser/sinatra:v2" . 2>&1 | grep -E '^#[0-9]+ (\[|naming|DONE|CACHED)' | grep -v DONE
  #1 [internal] load build definition from Dockerfile
  #2 [internal] load metadata for docker.io/library/ubuntu:14.04
  #3 [internal] load .dockerignore
  #4 [1/4] FROM docker.io/library/ubuntu:14.04
  #5 [2/4] RUN apt-get -qq update
  #6 [3/4] RUN apt-get -qqy install ruby ruby-dev
  #7 [4/4] RUN gem install sinatra
  #8 naming to docker.io/ouruser/sinatra:v2 done
  $ docker build -t="ouruser/sinatra:v2" . 2>&1 | grep -c CACHED
  3
  $ docker run --rm ouruser/sinatra:v2 gem list sinatra | tail -1
  sinatra (1.4.5)
  $ docker images ouruser/sinatra --format '{{.Repository}}:{{.Tag}}'
  ouruser/sinatra:v2
  $ cd ..
  $ mkdir dockerfile
  $ cd dockerfile
  $ printf '#Version:0.01\nFROM centos\nMAINTAINER bigdata "79021218@qq.com"\nRUN yum -y install wget\nRUN wget http://dl.fedoraproject.org/pub/epel/6/x86_64/epel-release-6-8.noarch.rpm\nRUN rpm -ivh epel-release-6-8.noarch.rpm\nRUN rpm -Va --nofiles --nodigest\nRUN  yum install -y nginx --skip-broken\nEXPOSE 80\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t="harbourside/dockertest" . | grep -E '^(Step|Successfully)'
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Step 1/8 : FROM centos
  Step 2/8 : MAINTAINER bigdata "79021218@qq.com"
  Step 3/8 : RUN yum -y install wget
  Step 4/8 : RUN wget http://dl.fedoraproject.org/pub/epel/6/x86_64/epel-release-6-8.noarch.rpm
  Step 5/8 : RUN rpm -ivh epel-release-6-8.noarch.rpm
  Step 6/8 : RUN rpm -Va --nofiles --nodigest
  Step 7/8 : RUN  yum install -y nginx --skip-broken
  Step 8/8 : EXPOSE 80
  Successfully built 6c931ac1325b
  Successfully tagged harbourside/dockertest:latest
  $ docker run --rm harbourside/dockertest rpm -q nginx epel-release
  nginx-1.14.1-9.module_el8.0.0+184+e34fea82.x86_64
  epel-release-6-8.noarch
  $ docker inspect --format '{{json .Config.ExposedPorts}}' harbourside/dockertest
  {"80/tcp":{}}
  $ cd ..
  $ mkdir friendlyhello
  $ cd friendlyhello
  $ printf '# Use an official Python runtime as a parent image\nFROM python:2.7-slim\n\n# Set the working directory to /app\nWORKDIR /app\n\n# Copy the current directory contents into the container at /app\nADD . /app\n\n# Install any needed packages specified in requirements.txt\nRUN pip install --trusted-host pypi.python.org -r requirements.txt\n\n# Make port 80 available to the world outside this container\nEXPOSE 80\n\n# Define environment variable\nENV NAME World\n\n# Run app.py when the container launches\nCMD ["python", "app.py"]\n' > Dockerfile
  $ printf 'Flask\nRedis\n' > requirements.txt
  $ printf 'from flask import Flask\nfrom redis import Redis, RedisError\nimport os\nimport socket\n\n# Connect to Redis\nredis = Redis(host="redis", db=0, socket_connect_timeout=2, socket_timeout=2)\n\napp = Flask(__name__)\n\n@app.route("/")\ndef hello():\n    try:\n        visits = redis.incr("counter")\n    except RedisError:\n        visits = "<i>cannot connect to Redis, counter disabled</i>"\n\n    html = "<h3>Hello {name}!</h3>" \\\n           "<b>Hostname:</b> {hostname}<br/>" \\\n           "<b>Visits:</b> {visits}"\n    return html.format(name=os.getenv("NAME", "world"), hostname=socket.gethostname(), visits=visits)\n\nif __name__ == "__main__":\n    app.run(host=\x270.0.0.0\x27, port=80)\n' > app.py
  $ docker build -t friendlyhello . 2>&1 | grep -E '^#[0-9]+ (\[|naming)'
  #1 [internal] load build definition from Dockerfile
  #2 [internal] load metadata for docker.io/library/python:2.7-slim
  #3 [internal] load .dockerignore
  #4 [1/4] FROM docker.io/library/python:2.7-slim@sha256:af6857bc59ba00124ccd955365ef32ef622c074ffa3167c5fa2b90b7f08456b4
  #5 [2/4] WORKDIR /app
  #6 [internal] load build context
  #7 [3/4] ADD . /app
  #8 [4/4] RUN pip install --trusted-host pypi.python.org -r requirements.txt
  #9 naming to docker.io/library/friendlyhello:latest done
  $ docker image ls friendlyhello --format '{{.Repository}} {{.Tag}}'
  friendlyhello latest
  $ docker run -d --name fh friendlyhello > /dev/null
  $ sleep 1
  $ docker logs fh 2>&1 | head -3
   * Serving Flask app "app" (lazy loading)
   * Environment: production
     WARNING: This is a development server. Do not use it in a production deployment.
  $ docker history --format '{{.CreatedBy}}' friendlyhello | head -7
  CMD ["python" "app.py"]
  ENV NAME=World
  EXPOSE map[80/tcp:{}]
  RUN /bin/sh -c pip install --trusted-host py…
  ADD . /app # buildkit
  WORKDIR /app
  /bin/sh -c #(nop)  CMD ["python2"]
