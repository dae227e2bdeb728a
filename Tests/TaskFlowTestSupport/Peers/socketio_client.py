"""A python-socketio client (a Socket.IO implementation we did not write) driving the
TaskFlow server. Prints one JSON object per line for the Swift test to read.

usage: socketio_client.py URL TOKEN USER_ID
"""
import json
import sys

import socketio

url, token, user_id = sys.argv[1:4]
sio = socketio.Client(reconnection=False)


def say(event, data=None):
    print(json.dumps({"event": event, "data": data}), flush=True)


@sio.event
def connect():
    sio.emit("join-room", user_id)
    say("connect", sio.get_sid())


@sio.event
def connect_error(data):
    say("connect_error", data)


@sio.on("task-created")
def task_created(data):
    say("task-created", data)


@sio.on("task-updated")
def task_updated(data):
    say("task-updated", data)


@sio.on("task-deleted")
def task_deleted(data):
    say("task-deleted", data)
    sio.disconnect()


try:
    sio.connect(url, transports=["websocket"], auth={"token": token}, wait_timeout=5)
except socketio.exceptions.ConnectionError as error:
    say("connection_error", str(error))
    sys.exit(3)
sio.wait()
say("disconnected")
