"""gunicorn settings for `make serve` (scripts/serve.sh); every value can be overridden from the environment.

Sync workers: each request holds one worker, and each worker keeps one persistent PostgreSQL connection
(CONN_MAX_AGE, with health checks), so the database sees at most WEB_CONCURRENCY connections per host.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 9)))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then (bounded memory growth); jitter so they do not all restart at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
pidfile = os.environ.get("GUNICORN_PIDFILE") or None
proc_name = "winterwar"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn 27's control socket lives at one fixed path per user: several servers on one host would share it.
control_socket_disable = True
