"""Whether a local service (PostgreSQL, Redis) answers, for the tests that need one to skip cleanly without it."""

import socket


def tcp_reachable(host: str, port: int) -> bool:
    """Return whether a TCP connection to host:port opens within a second."""
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False
