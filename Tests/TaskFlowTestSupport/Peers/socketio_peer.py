"""A Socket.IO v4 server built on `python-socketio` (pip install python-socketio
simple-websocket werkzeug), threading mode under Werkzeug's WSGI server, used to test
TaskFlow's Socket.IO client against an implementation we did not write.

It accepts only the token `good-token` (else `44{"message":"unauthorized"}`), pings every
second, and once the client joins room `user-1` emits task-created, waits six seconds
(longer than interval + timeout, so a client that ignores pings is dropped; the timeout
is generous because CI machines run many tests at once),
then emits an unknown event, task-updated and task-deleted. Prints `READY <port>` once listening.
"""
import sys

import socketio
from werkzeug.serving import make_server
from peer_lifetime import exit_with_parent

sio = socketio.Server(async_mode="threading", ping_interval=1, ping_timeout=4, transports=["websocket"])
app = socketio.WSGIApp(sio)


def task(version, status):
    return {
        "id": "t1", "title": "From python-socketio", "description": "", "status": status,
        "priority": "high", "dueDate": None, "completedAt": None,
        "createdAt": "2026-01-01T00:00:00.000Z", "updatedAt": "2026-01-01T00:00:00.000Z", "version": version,
    }


@sio.event
def connect(sid, environ, auth):
    if not isinstance(auth, dict) or auth.get("token") != "good-token":
        raise socketio.exceptions.ConnectionRefusedError("unauthorized")


@sio.on("join-room")
def join_room(sid, room):
    if room == "user-1":
        sio.start_background_task(emit_sequence, sid)


def emit_sequence(sid):
    sio.emit("task-created", task(1, "todo"), to=sid)
    sio.sleep(6.0)
    sio.emit("something-else", {"ignored": True}, to=sid)
    sio.emit("task-updated", task(2, "done"), to=sid)
    sio.emit("task-deleted", {"id": "t1", "version": 3}, to=sid)


exit_with_parent()
server = make_server("127.0.0.1", 0, app, threaded=True)
print(f"READY {server.server_port}", flush=True)
server.serve_forever()
