#!/usr/bin/env python3
"""Run a command with DATABASE_URL pointing at a PostgreSQL server, finding or making one.

Order: DATABASE_URL if it already names PostgreSQL; else a local server on 127.0.0.1:5432 if one
answers (database "test", or "postgres"); else a throwaway cluster made with the installed server's
initdb and pg_ctl in a temporary folder, removed afterwards. Usage: with_postgres.py COMMAND...
"""

from __future__ import annotations

import getpass
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time


def _answers(url: str) -> bool:
    try:
        import psycopg
    except ImportError:
        return False
    try:
        with psycopg.connect(url, connect_timeout=3):
            return True
    except Exception:
        return False


def _local_server() -> str | None:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            pass
    except OSError:
        return None
    user = getpass.getuser()
    for url in (f"postgres://{user}@127.0.0.1:5432/test", "postgres://postgres@127.0.0.1:5432/test",
                f"postgres://{user}@127.0.0.1:5432/postgres", "postgres://postgres@127.0.0.1:5432/postgres"):
        if _answers(url):
            return url
    return None


def _find(binary: str) -> str | None:
    found = shutil.which(binary)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{binary}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _throwaway(run: list[str]) -> int:
    initdb, pg_ctl = _find("initdb"), _find("pg_ctl")
    if not initdb or not pg_ctl:
        print("with_postgres: ingen PostgreSQL-server svarer, og initdb/pg_ctl findes ikke; "
              "installér PostgreSQL eller sæt DATABASE_URL", file=sys.stderr)
        return 2
    folder = tempfile.mkdtemp(prefix="moedebog-pg-")
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root: run the cluster as an ordinary user
        account = "postgres" if _has_user("postgres") else "nobody"
        shutil.chown(folder, account)
        runuser = shutil.which("runuser", path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")
        if runuser is None:
            print("with_postgres: initdb kan ikke køre som root, og runuser findes ikke", file=sys.stderr)
            return 2
        as_user = [runuser, "-u", account, "--"]
    data, port = os.path.join(folder, "data"), _free_port()
    try:
        subprocess.run([*as_user, initdb, "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([*as_user, pg_ctl, "-D", data, "-l", os.path.join(folder, "log"), "-w", "-o",
                        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start"], check=True,
                       stdout=subprocess.DEVNULL)
        url = f"postgres://postgres@127.0.0.1:{port}/postgres"
        for _ in range(50):
            if _answers(url):
                break
            time.sleep(0.1)
        return subprocess.call(run, env={**os.environ, "DATABASE_URL": url})
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"with_postgres: kunne ikke starte en midlertidig PostgreSQL ({exc})", file=sys.stderr)
        return 2
    finally:
        subprocess.run([*as_user, pg_ctl, "-D", data, "-m", "fast", "stop"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def drop_leftovers(url: str, pid: int) -> list[str]:
    """Drop the test databases a run in process ``pid`` left behind (config.py names them
    test_<database>_<pid>). Django drops its test database at the end of a run, but gives up with a
    warning when a session is still open: PostgreSQL ends a server process's sessions a moment after
    the process is gone, so a test that ran `moedebog serve` can leave one for a few milliseconds."""
    import psycopg
    from psycopg import sql

    dropped = []
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=3) as conn:
            names = [row[0] for row in conn.execute("SELECT datname FROM pg_database WHERE datname LIKE %s",
                                                    [f"test\\_%\\_{pid}"])]
            for name in names:
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
                dropped.append(name)
    except psycopg.Error as exc:
        print(f"with_postgres: kunne ikke rydde op efter testene: {exc}", file=sys.stderr)
    return dropped


def _call(run: list[str], url: str, env: dict[str, str] | None = None) -> int:
    """Run the command, then drop what test databases it left on the server."""
    process = subprocess.Popen(run, env=env)
    code = process.wait()
    drop_leftovers(url, process.pid)
    return code


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def main() -> int:
    run = sys.argv[1:]
    if not run:
        print(__doc__, file=sys.stderr)
        return 2
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return _call(run, url)
    url = _local_server()
    if url:
        print(f"with_postgres: bruger {url}", file=sys.stderr)
        return _call(run, url, env={**os.environ, "DATABASE_URL": url})
    return _throwaway(run)


if __name__ == "__main__":
    raise SystemExit(main())
