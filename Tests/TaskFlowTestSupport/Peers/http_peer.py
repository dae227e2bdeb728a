"""An HTTP server that answers like a wrong or broken server, for the client's error
messages. Standard library only. Prints `READY <port>` once listening.
Usage: http_peer.py [--tls CERT KEY]

  /api/v1/tasks      200 with a truncated JSON body (Content-Length promises more)
  /slow              answers after 10 seconds
  anything else      200 text/html, as a web server or captive portal would answer
"""
import socket
import time
import ssl
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from peer_lifetime import exit_with_parent


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path == "/slow":
            time.sleep(10)
        if self.path.startswith("/api/v1/tasks"):
            body = b'{"tasks":[{"id":"1","title":"cut off'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "4096")
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        body = b"<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


exit_with_parent()
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
if len(sys.argv) == 4 and sys.argv[1] == "--tls":
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[2], sys.argv[3])
    server.socket = context.wrap_socket(server.socket, server_side=True)
print(f"READY {server.server_address[1]}", flush=True)
server.serve_forever()
