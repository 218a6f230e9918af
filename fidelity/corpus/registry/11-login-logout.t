# title: log in to the private registry (it asks for no password), look at config.json, log out
# topic: registry

  $ echo pw | docker login -u x --password-stdin 127.0.0.1:5000 2>&1 | sed "s#$HOME#~#"
  
  WARNING! Your credentials are stored unencrypted in '~/.docker/config.json'.
  Configure a credential helper to remove this warning. See
  https://docs.docker.com/go/credential-store/
  
  Login Succeeded
  $ cat ~/.docker/config.json
  {
  	"auths": {
  		"127.0.0.1:5000": {
  			"auth": "eDpwdw=="
  		}
  	}
  }
  $ docker login 127.0.0.1:5000 2>&1 | sed "s#$HOME#~#"
  Authenticating with existing credentials... [Username: x]
  
   Info -> To login with a different account, run 'docker logout' followed by 'docker login'
  
  
  Login Succeeded
  $ docker logout 127.0.0.1:5000
  Removing login credentials for 127.0.0.1:5000
  $ cat ~/.docker/config.json
  {
  	"auths": {}
  }
  $ docker logout 127.0.0.1:5000
  Removing login credentials for 127.0.0.1:5000
  $ docker logout http://localhost:5000/
  Removing login credentials for localhost:5000
  $ cat ~/.docker/config.json
  {
  	"auths": {}
  }
  $ echo pw | docker login -u x --password-stdin http://127.0.0.1:5000/v2/ 2>&1 | sed "s#$HOME#~#"
  
  WARNING! Your credentials are stored unencrypted in '~/.docker/config.json'.
  Configure a credential helper to remove this warning. See
  https://docs.docker.com/go/credential-store/
  
  Login Succeeded
  $ cat ~/.docker/config.json
  {
  	"auths": {
  		"127.0.0.1:5000": {
  			"auth": "eDpwdw=="
  		}
  	}
  }
  $ echo ' pw2 ' | docker login -u ' y' --password-stdin 127.0.0.1:5000 2>&1 | sed "s#$HOME#~#"
  
  WARNING! Your credentials are stored unencrypted in '~/.docker/config.json'.
  Configure a credential helper to remove this warning. See
  https://docs.docker.com/go/credential-store/
  
  Login Succeeded
  $ cat ~/.docker/config.json
  {
  	"auths": {
  		"127.0.0.1:5000": {
  			"auth": "eTpwdzI="
  		}
  	}
  }
