"""Measure the frameworks the same way and write the results to data/measurements/performance.yaml.

Which frameworks, and how, is the output file's own ``setup`` block, the script's input: for each
framework id, the pinned ``requirement``, the pinned ``extras`` its database-backed app needs and
its ``interface`` (wsgi or asgi). The script measures exactly those, in that order, and writes
``setup`` back unchanged with the new numbers. Each framework's apps live in scripts/perf/<id>/:
``hello.py``, the smallest app, and ``app.py``, the measured app with its database layer (endpoints
/hello and /items, and a ``seed()`` function that creates its table and 100 rows); both expose ``app``.

For each framework, in a fresh virtual environment of the given Python:
- install footprint: packages that installing the requirement adds and their size on disk;
- start-up: wall time and peak memory of importing hello.py, then app.py, median of several runs;
- throughput: /hello and /items of app.py under gunicorn with the same number of workers (sync
  workers for WSGI apps, uvicorn-worker's UvicornWorker for ASGI apps), loaded on loopback by wrk;
  requests per second and latency percentiles, medians over several runs.

Run the full measurement (about 8 minutes on 2 cores):

    .venv/bin/python scripts/measure_performance.py

``--quick`` does one short run of everything, fresh environments included; its numbers are
not meant to be published. ``--smoke`` is what the test suite runs to prove the script works
without the network: it installs nothing and measures the frameworks already installed in this
Python's environment (``requirements/examples.txt`` pins them), for one second per endpoint.
gunicorn is not in that environment, so WSGI apps run on the standard library's WSGI server and
ASGI apps on ``python -m uvicorn`` in one process.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import importlib.util
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from macros.model.models import MeasuredSetup

ROOT = Path(__file__).resolve().parent.parent
APPS = Path(__file__).resolve().parent / "perf"
OUTPUT = ROOT / "data" / "measurements" / "performance.yaml"
GUNICORN = "gunicorn==27.0.1"
WORKERS = 2
WRK_THREADS = 2
WRK_CONNECTIONS = 32
HELLO_MODULE = "hello"  # scripts/perf/<id>/hello.py: the smallest app, imported to measure start-up
APP_MODULE = "app"  # scripts/perf/<id>/app.py: the app with its database layer, imported and served
# gunicorn's worker class per interface; ASGI's comes from the uvicorn-worker package, which the
# Uvicorn docs recommend over uvicorn's own, deprecated uvicorn.workers module.
WORKER_CLASSES = {"wsgi": "sync", "asgi": "uvicorn_worker.UvicornWorker"}


def canonical(name: str) -> str:
    """A distribution name as pip and PyPI compare them: 'Typing_Extensions' is 'typing-extensions'."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class Framework:
    id: str
    requirement: str  # the framework, pinned: what the footprint measures
    extras: tuple[str, ...]  # what the database-backed app needs beyond the framework
    interface: str  # wsgi or asgi

    @property
    def distribution(self) -> str:
        """The requirement's distribution name, without extras or version."""
        return canonical(re.split(r"[\[=<>!~ ]", self.requirement, maxsplit=1)[0])

    @property
    def app_dir(self) -> Path:
        return APPS / self.id


def read_setup(path: Path) -> tuple[dict[str, object], list[Framework]]:
    """The output file's ``setup`` block, as read, and the frameworks it names, in its order."""
    if not path.is_file():
        raise SystemExit(f"{path}: not found; the script reads which frameworks to measure from its setup block")
    document = yaml.safe_load(path.read_text())
    setup = document.get("setup") if isinstance(document, dict) else None
    if not isinstance(setup, dict) or not setup:
        raise SystemExit(f"{path}: no setup block naming the frameworks to measure")
    frameworks = []
    for framework_id, entry in setup.items():
        try:  # the dataset's own model, as the validator reads it: one definition of a valid setup entry
            measured = MeasuredSetup.model_validate(entry)
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(part) for part in (framework_id, *first["loc"]))
            raise SystemExit(f"{path}: setup.{field}: {first['msg']} (run 'python -m macros validate')") from None
        framework = Framework(str(framework_id), measured.requirement, tuple(measured.extras), measured.interface.value)
        missing = [f"{module}.py" for module in (HELLO_MODULE, APP_MODULE) if not (framework.app_dir / f"{module}.py").is_file()]
        if missing:
            raise SystemExit(f"{framework.app_dir.relative_to(ROOT)}: {' and '.join(missing)} missing")
        frameworks.append(framework)
    return setup, frameworks


@dataclass(frozen=True)
class Settings:
    runs: int
    startup_runs: int
    seconds: int
    warm_up_seconds: int = 1


FULL = Settings(runs=5, startup_runs=20, seconds=10)
QUICK = Settings(runs=1, startup_runs=2, seconds=1)
SMOKE = Settings(runs=1, startup_runs=1, seconds=1, warm_up_seconds=0)

# --smoke serves a WSGI app with the standard library's threaded WSGI server (argv: port, module:app).
STDLIB_SERVER = """
import importlib, socketserver, sys
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

class Server(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True

class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass

module, name = sys.argv[2].split(":")
make_server("127.0.0.1", int(sys.argv[1]), getattr(importlib.import_module(module), name), Server, Quiet).serve_forever()
"""

# The console scripts (bin/ entries) of the named distributions, run in the measured venv's Python.
CONSOLE_SCRIPTS = """
import importlib.metadata, json, re, sys
names = set(sys.argv[1:])
print(json.dumps(sorted({
    entry_point.name
    for distribution in importlib.metadata.distributions()
    if re.sub(r"[-_.]+", "-", distribution.metadata["Name"]).lower() in names
    for entry_point in distribution.entry_points
    if entry_point.group in ("console_scripts", "gui_scripts")
})))
"""


def server_name(frameworks: list[Framework], smoke: bool) -> str:
    """The ``server`` line: what served each interface the measured frameworks use."""
    interfaces = [interface for interface in WORKER_CLASSES if any(f.interface == interface for f in frameworks)]
    if smoke:
        servers = {"wsgi": lambda: "wsgiref (Python's standard library, threaded)",
                   "asgi": lambda: f"uvicorn {uvicorn_version()} (one process)"}
        served = " and ".join(f"{servers[interface]()} for {interface.upper()} apps" for interface in interfaces)
        return f"{served}, --smoke only, DEBUG off, SQLite database"
    workers = ", ".join(f"{WORKER_CLASSES[interface]} for {interface.upper()} apps" for interface in interfaces)
    return f"{GUNICORN.replace('==', ' ')}, {WORKERS} workers ({workers}), DEBUG off, SQLite database"


def uvicorn_version() -> str:
    """--smoke: the uvicorn this environment has, which serves its ASGI apps."""
    if importlib.util.find_spec("uvicorn") is None:
        raise SystemExit("--smoke serves ASGI apps with uvicorn, which this environment lacks "
                         "(requirements/examples.txt should provide it)")
    return importlib.metadata.version("uvicorn")


def run(command: list[str], **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, check=True, capture_output=True, text=True, **options)  # type: ignore[call-overload]


def site_packages(venv: Path) -> Path:
    return next(venv.glob("lib/python*/site-packages"))


def installed(venv: Path) -> dict[str, str]:
    listing = json.loads(run([str(venv / "bin/python"), "-m", "pip", "list", "--format", "json"]).stdout)
    return {canonical(entry["name"]): entry["version"] for entry in listing}


def size_of(paths: list[Path]) -> int:
    """Bytes in the given files and folders."""
    files = [file for path in paths for file in ([path] if path.is_file() else path.rglob("*"))]
    return sum(file.stat().st_size for file in files if file.is_file())


def footprint(python: str, framework: Framework, workdir: Path) -> tuple[Path, dict[str, object]]:
    """A fresh venv with the framework alone: what it adds, then the app's extras and gunicorn."""
    venv = workdir / f"venv-{framework.id}"
    run([python, "-m", "venv", str(venv)])
    before = set(installed(venv))
    packages_dir = site_packages(venv)
    entries_before = set(packages_dir.iterdir())
    run([str(venv / "bin/python"), "-m", "pip", "install", "--disable-pip-version-check", framework.requirement])
    added = {name: version for name, version in installed(venv).items() if name not in before}
    new_entries = [entry for entry in packages_dir.iterdir() if entry not in entries_before]
    # The bin/ entries the installed distributions' metadata declares (the framework's and its dependencies').
    scripts = json.loads(run([str(venv / "bin/python"), "-c", CONSOLE_SCRIPTS, *added]).stdout)
    bin_entries = [venv / "bin" / name for name in scripts if (venv / "bin" / name).is_file()]
    result = {
        "version": added[framework.distribution],
        "packages": len(added),
        "install_size_mb": round(size_of(new_entries + bin_entries) / 1e6, 1),
    }
    run([str(venv / "bin/python"), "-m", "pip", "install", "--disable-pip-version-check", GUNICORN, *framework.extras])
    return venv, result


def installed_footprint(framework: Framework) -> tuple[Path, dict[str, object]]:
    """--smoke: the framework as this environment already has it, with what it requires; nothing is installed."""
    from packaging.requirements import Requirement  # in the test environment; a real run does not need it

    try:
        version = importlib.metadata.version(framework.distribution)
    except importlib.metadata.PackageNotFoundError:
        raise SystemExit(f"--smoke measures this environment's {framework.distribution}, which is not installed "
                         "(requirements/examples.txt should provide it)") from None
    names: set[str] = set()
    todo = [framework.distribution]
    while todo:
        name = canonical(todo.pop())
        if name in names:
            continue
        names.add(name)
        for spec in importlib.metadata.requires(name) or []:
            requirement = Requirement(spec)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    files = [file.locate() for name in names for file in importlib.metadata.files(name) or []]
    result = {
        "version": version,
        "packages": len(names),
        "install_size_mb": round(sum(Path(file).stat().st_size for file in files if Path(file).is_file()) / 1e6, 1),
    }
    return Path(sys.prefix), result


def startup(venv: Path, framework: Framework, module: str, runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall time (ms) and peak RSS (MiB) of a process that imports ``module`` and exits."""
    code = f"import resource, {module}; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    times, memory = [], []
    for _ in range(runs):
        start = time.perf_counter()
        output = run([str(venv / "bin/python"), "-c", code], cwd=framework.app_dir, env=env).stdout
        times.append((time.perf_counter() - start) * 1000)
        memory.append(int(output.strip()) / 1024)
    return round(statistics.median(times), 1), round(statistics.median(memory), 1)


def baseline(python: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run([python, "-c", "pass"])
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen[str], log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"server for {url} exited with status {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not start:\n{log.read_text()}")


LATENCY_LINE = re.compile(r"^\s+(50|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, seconds: int) -> dict[str, float]:
    output = run(["wrk", f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}", f"-d{seconds}s", "--latency", url]).stdout
    if "Non-2xx" in output or "Socket errors" in output:
        raise RuntimeError(f"errors under load at {url}:\n{output}")
    latency = {f"p{p}_ms": float(value) * UNIT_MS[unit] for p, value, unit in LATENCY_LINE.findall(output)}
    requests = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    return {"requests_per_second": requests, **latency}


def server_command(venv: Path, framework: Framework, port: int, smoke: bool) -> list[str]:
    served = f"{APP_MODULE}:app"
    if smoke and framework.interface == "wsgi":
        return [str(venv / "bin/python"), "-c", STDLIB_SERVER, str(port), served]
    if smoke:
        return [str(venv / "bin/python"), "-m", "uvicorn", "--host", "127.0.0.1", "--port", str(port),
                "--log-level", "warning", "--no-access-log", served]
    return [str(venv / "bin/gunicorn"), "--workers", str(WORKERS), "--worker-class", WORKER_CLASSES[framework.interface],
            "--bind", f"127.0.0.1:{port}", "--log-level", "warning", served]


def throughput(
    venv: Path, framework: Framework, settings: Settings, env: dict[str, str], log: Path, smoke: bool = False,
) -> dict[str, dict[str, float]]:
    port = free_port()
    with log.open("w") as errors:
        server = subprocess.Popen(
            server_command(venv, framework, port, smoke), cwd=framework.app_dir, env=env,
            stdout=subprocess.DEVNULL, stderr=errors, text=True,
        )
    try:
        results = {}
        for endpoint in ("hello", "items"):
            url = f"http://127.0.0.1:{port}/{endpoint}"
            wait_until_up(url, server, log)
            if settings.warm_up_seconds:
                wrk(url, settings.warm_up_seconds)  # warm-up: imports, caches, database connection
            runs = [wrk(url, settings.seconds) for _ in range(settings.runs)]
            rates = [result["requests_per_second"] for result in runs]
            median_rate = statistics.median(rates)
            results[endpoint] = {
                "requests_per_second": round(median_rate),
                **{key: round(statistics.median(r[key] for r in runs), 2) for key in ("p50_ms", "p90_ms", "p99_ms")},
                "spread_percent": round((max(rates) - min(rates)) / median_rate * 100, 1),
            }
        return results
    finally:
        server.terminate()
        server.wait(timeout=10)


def machine() -> str:
    cpu = "unknown processor"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        cpu = names[0].strip() if names else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))  # type: ignore[union-attr]
        memory = f", {round(kib / 1024 / 1024)} GiB RAM"
    return f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--quick", action="store_true", help="one short run of everything, to check the script works")
    modes.add_argument("--smoke", action="store_true",
                      help="no installs, no network: this environment's frameworks and servers, 1 s loads")
    parser.add_argument("--python", default=sys.executable,
                        help="Python for the measured environments, one the pinned frameworks support (default: this one)")
    parser.add_argument("--output", type=Path, default=OUTPUT,
                        help=f"YAML file to read the setup from and write (default {OUTPUT.relative_to(ROOT)})")
    arguments = parser.parse_args()
    mode = "smoke" if arguments.smoke else "quick" if arguments.quick else ""
    settings = {"smoke": SMOKE, "quick": QUICK, "": FULL}[mode]
    setup, frameworks = read_setup(arguments.output)
    server = server_name(frameworks, arguments.smoke)  # before measuring: --smoke stops here if a server is missing
    python = sys.executable if arguments.smoke else arguments.python  # --smoke measures this very environment
    python_version = run([python, "-c", "import platform; print(platform.python_version())"]).stdout.strip()
    # wrk prints its version and exits with status 1
    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False).stdout.split()[1]
    wrk_version = wrk_version.removeprefix("debian/")
    footprints, endpoints = {}, {"hello": {}, "items": {}}
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        for framework in frameworks:
            print(f"{framework.id}: {'this environment' if arguments.smoke else 'installing'}", file=sys.stderr)
            venv, result = installed_footprint(framework) if arguments.smoke else footprint(python, framework, workdir)
            env = {**os.environ, "PERF_DB": str(workdir / f"{framework.id}.sqlite3"), "PYTHONDONTWRITEBYTECODE": "1"}
            run([str(venv / "bin/python"), "-c", f"import {APP_MODULE}; {APP_MODULE}.seed()"], cwd=framework.app_dir, env=env)
            print(f"{framework.id}: start-up", file=sys.stderr)
            minimal_ms, minimal_mb = startup(venv, framework, HELLO_MODULE, settings.startup_runs, env)
            served_ms, served_mb = startup(venv, framework, APP_MODULE, settings.startup_runs, env)
            footprints[framework.id] = {
                **result, "startup_ms": minimal_ms, "startup_rss_mb": minimal_mb,
                "orm_app_startup_ms": served_ms, "orm_app_startup_rss_mb": served_mb,
            }
            print(f"{framework.id}: throughput", file=sys.stderr)
            log = workdir / f"{framework.id}-server.log"
            for endpoint, numbers in throughput(venv, framework, settings, env, log, smoke=arguments.smoke).items():
                endpoints[endpoint][framework.id] = numbers
    document = {
        "id": arguments.output.stem,
        "criterion": "performance",
        "measured": datetime.date.today(),
        "machine": machine(),
        "python": python_version,
        "command": "python scripts/measure_performance.py" + (f" --{mode}" if mode else ""),
        "setup": setup,
        "server": server,
        "load": f"wrk {wrk_version}, {WRK_THREADS} threads, {WRK_CONNECTIONS} connections, {settings.runs} run(s) "
                f"of {settings.seconds} s per endpoint"
                + (f" after a {settings.warm_up_seconds} s warm-up" if settings.warm_up_seconds else " without a warm-up")
                + ", on the same machine",
        "baseline_startup_ms": baseline(python, settings.startup_runs),
        "footprint": footprints,
        "endpoints": [
            {"id": "hello", "description": "Returns the text 'Hello, world!'", "results": endpoints["hello"]},
            {"id": "items", "description": "Reads 20 of 100 rows from SQLite through the ORM and returns them as JSON",
             "results": endpoints["items"]},
        ],
    }
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    header = ("# Written by scripts/measure_performance.py, which reads `setup` from this file and keeps it;\n"
              "# edit setup, then rerun the script rather than editing numbers by hand.\n")
    arguments.output.write_text(header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True))
    print(f"wrote {arguments.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
