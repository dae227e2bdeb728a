"""Shared by the test peers: they live only as long as the test process that started them."""
import os
import sys
import threading


def exit_with_parent():
    """Exit when the test process that started us goes away (our stdin closes), so a
    killed test run leaves no server behind."""

    def watch():
        sys.stdin.read()
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
