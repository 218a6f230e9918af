# title: docker login -p, a registry that is not there, docker logout without a server
# topic: registry

  $ docker login -u x -p y 127.0.0.1:5000 2>&1 | sed "s#$HOME#~#"
  WARNING! Using --password via the CLI is insecure. Use --password-stdin.
  
  WARNING! Your credentials are stored unencrypted in '~/.docker/config.json'.
  Configure a credential helper to remove this warning. See
  https://docs.docker.com/go/credential-store/
  
  Login Succeeded
  $ docker login -u x -p y 127.0.0.1:5001
  WARNING! Using --password via the CLI is insecure. Use --password-stdin.
  Error response from daemon: Get "http://127.0.0.1:5001/v2/": dial tcp 127.0.0.1:5001: connect: connection refused
  [1]
  $ docker login -u y -p z localhost:5000 2>&1 | sed "s#$HOME#~#"
  WARNING! Using --password via the CLI is insecure. Use --password-stdin.
  
  WARNING! Your credentials are stored unencrypted in '~/.docker/config.json'.
  Configure a credential helper to remove this warning. See
  https://docs.docker.com/go/credential-store/
  
  Login Succeeded
  $ cat ~/.docker/config.json
  {
  	"auths": {
  		"127.0.0.1:5000": {
  			"auth": "eDp5"
  		},
  		"localhost:5000": {
  			"auth": "eTp6"
  		}
  	}
  }
  $ docker logout
  Removing login credentials for https://index.docker.io/v1/
  $ docker logout 127.0.0.1:5000 localhost:5000
  docker: 'docker logout' requires at most 1 argument
  
  Usage:  docker logout [SERVER]
  
  SRun 'docker logout --help' for more information
  [1]
  $ cat ~/.docker/config.json
  {
  	"auths": {
  		"127.0.0.1:5000": {
  			"auth": "eDp5"
  		},
  		"localhost:5000": {
  			"auth": "eTp6"
  		}
  	}
  }
# credentials written by hand for a registry that is not there: tried first, then a prompt is needed
  $ printf '{"auths":{"127.0.0.1:5001":{"auth":"eDp5"}}}' > ~/.docker/config.json
  $ docker login 127.0.0.1:5001
  Authenticating with existing credentials... [Username: x]
  
   Info -> To login with a different account, run 'docker logout' followed by 'docker login'
  
  
  Login did not succeed, error: Error response from daemon: Get "http://127.0.0.1:5001/v2/": dial tcp 127.0.0.1:5001: connect: connection refused
  Error: Cannot perform an interactive login from a non TTY device
  [1]
  $ docker login http://127.0.0.1:5001/ -u x -p y
  WARNING! Using --password via the CLI is insecure. Use --password-stdin.
  Error response from daemon: Get "http://127.0.0.1:5001/v2/": dial tcp 127.0.0.1:5001: connect: connection refused
  [1]
  $ docker logout http://127.0.0.1:5001
  Removing login credentials for 127.0.0.1:5001
  $ cat ~/.docker/config.json
  {
  	"auths": {}
  }
