"""A throwaway PostgreSQL cluster for the tests: ``initdb`` + ``pg_ctl`` on a temporary folder,
listening only on a unix socket in that folder (no TCP port), removed at the end.

The binaries come from ``$PG_BIN``, the PATH, or Debian's ``/usr/lib/postgresql/*/bin``
(newest first). initdb refuses to run as root, so as root the cluster runs as the
``postgres`` user (Debian's package makes it), in a folder that user owns.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
import urllib.parse
from pathlib import Path

DATABASE = "claims"
SUPERUSER = "postgres"
# Durability is not what these tests measure: the cluster trades it for speed.
SERVER_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c listen_addresses=''"
DURABLE_OPTIONS = "-c listen_addresses=''"
"""The server's defaults (fsync, synchronous commit): for benchmarks."""


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, or None."""
    candidates = [os.environ.get("PG_BIN", "")]
    found = shutil.which("pg_ctl")
    if found:
        candidates.append(os.path.dirname(found))
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]) if
                         p.split("/")[-2].isdigit() else 0, reverse=True)
    for folder in candidates:
        if folder and all(os.access(os.path.join(folder, name), os.X_OK) for name in ("initdb", "pg_ctl")):
            return Path(folder)
    return None


class Cluster:
    """A running cluster; :meth:`new_store_url` hands out a fresh schema of one database."""

    def __init__(self, root: Path, bin_dir: Path, run_as: str | None, durable: bool = False) -> None:
        self.root = root
        self.durable = durable
        self.bin = bin_dir
        self.run_as = run_as
        self.data = root / "data"
        self._names = itertools.count(1)

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.run_as is not None:
            command = ["runuser", "-u", self.run_as, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=self.root)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:2])} failed: {(result.stderr or result.stdout).strip()[-600:]}")

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        self.start_server()
        self.execute(f"CREATE DATABASE {DATABASE}", database="postgres")

    def start_server(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-t", "60",
                  "-o", f"-k {self.root} {DURABLE_OPTIONS if self.durable else SERVER_OPTIONS}", "start")

    def kill_server(self) -> None:
        """Stop the server the hard way (``-m immediate``: no checkpoint, crash recovery on start)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def url(self, database: str = DATABASE, user: str = SUPERUSER, schema: str | None = None) -> str:
        query = {"host": str(self.root), "user": user}
        if schema is not None:
            query["options"] = f"-csearch_path={schema}"
        return f"postgresql:///{database}?{urllib.parse.urlencode(query, quote_via=urllib.parse.quote)}"

    def execute(self, sql: str, database: str = DATABASE) -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(sql)

    def new_store_url(self) -> str:
        """The URL of a new, empty schema: a store of its own."""
        schema = f"store_{next(self._names)}"
        self.execute(f"CREATE SCHEMA {schema}")
        return self.url(schema=schema)

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start_cluster(durable: bool = False) -> Cluster:
    """Start a cluster or raise RuntimeError saying why it cannot be (``durable``: with the
    server's default durability, for benchmarks; the tests turn fsync off)."""
    bin_dir = binaries()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL binaries (initdb, pg_ctl): install Debian's postgresql package, "
                           "or set PG_BIN")
    run_as = None
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError("running as root and there is no postgres user to run the server as") from None
        run_as = user.pw_name
    root = Path(tempfile.mkdtemp(prefix="claims-pg-"))
    if run_as is not None:
        os.chown(root, user.pw_uid, user.pw_gid)
    cluster = Cluster(root, bin_dir, run_as, durable)
    try:
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    return cluster
