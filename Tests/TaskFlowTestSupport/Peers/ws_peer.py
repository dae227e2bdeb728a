"""A WebSocket server built on the `websockets` package (pip install websockets), used to
test TaskFlow's own RFC 6455 client against an implementation we did not write.

The request path picks the behaviour. Prints `READY <port>` once listening.
Usage: ws_peer.py [--tls CERT KEY]
"""
import asyncio
import ssl
import sys

from websockets.asyncio.server import serve
from peer_lifetime import exit_with_parent


async def handler(ws):
    path = ws.request.path
    if path == "/echo":
        async for message in ws:
            await ws.send(message)
    elif path == "/fragmented":
        # A text message in three fragments (the last holds multi-byte UTF-8), a fragmented
        # binary message, then one long enough to need the 16-bit length form.
        await ws.send(["Hello, ", "fragmented ", "world ✓"])
        await ws.send([b"\x00\x01", b"\x02"])
        await ws.send("x" * 70000)
        await ws.wait_closed()
    elif path == "/ping":
        pong = await ws.ping(b"are-you-there")
        await asyncio.wait_for(pong, 5)
        await ws.send("pong received")
        await ws.wait_closed()
    elif path.startswith("/close/"):
        code = int(path.split("/")[2])
        await ws.close(code, f"closing with {code}")
    elif path == "/drop":
        await ws.send("about to drop")
        await asyncio.sleep(0.1)
        ws.transport.abort()
    elif path == "/silent":
        await asyncio.sleep(60)


async def main():
    context = None
    if len(sys.argv) == 4 and sys.argv[1] == "--tls":
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[2], sys.argv[3])
    # No server pings: the tests decide when pings happen.
    async with serve(handler, "127.0.0.1", 0, ssl=context, ping_interval=None) as server:
        port = server.sockets[0].getsockname()[1]
        print(f"READY {port}", flush=True)
        await asyncio.Future()


exit_with_parent()
asyncio.run(main())
