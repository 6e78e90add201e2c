#!/bin/sh
# Makes the test-only TLS material of test/transport/node-http.test.ts: a CA, a server certificate
# for 127.0.0.1 and localhost, and a client certificate, all signed by the CA and valid for 100
# years. The keys are public test fixtures: never trust this CA anywhere else.
set -eu
cd "$(dirname "$0")"
days=36500
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days $days -subj "/CN=wsdl-agents test CA" 2>/dev/null
sign() { # name subject extensions
  openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "$2" 2>/dev/null
  printf '%s\n' "$3" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -out "$1.crt" -days $days -extfile "$1.ext" 2>/dev/null
  rm "$1.csr" "$1.ext"
}
sign server "/CN=127.0.0.1" "subjectAltName=IP:127.0.0.1,DNS:localhost"
sign client "/CN=wsdl-agents test client" "extendedKeyUsage=clientAuth"
rm -f ca.srl ca.key
