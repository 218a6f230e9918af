# title: apt-get install apache2 in Ubuntu 14.04 and run it; pip and a Flask app in python:2.7-slim
# seed: 003 § 1.4.2 (dafa:1.0); 002 § 6 (friendlyhello)
# topic: walkthroughs
  $ docker pull -q ubuntu:14.04
  docker.io/library/ubuntu:14.04
  $ docker run --name build ubuntu:14.04 sh -c 'apt-get -yqq update && apt-get install -yqq apache2 >/dev/null; echo "status $?"'
  status 0
  $ docker commit -c 'CMD ["/usr/sbin/apache2ctl", "-D", "FOREGROUND"]' build dafa:1.0 >/dev/null
  $ docker run -d --name dafa01 dafa:1.0
  708823ea00fe846b2f2c650ff0d86248997902009a23247f9a49f33063fa2e7e
  $ sleep 1
  $ docker logs dafa01
  AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message
  $ docker stop dafa01
  dafa01
  $ docker pull -q python:2.7-slim
  docker.io/library/python:2.7-slim
  $ docker run --rm python:2.7-slim python --version
  Python 2.7.18
  $ docker run --rm python:2.7-slim python -c 'print("hi")'
  hi
