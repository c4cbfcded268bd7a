#!/usr/bin/env python3
"""The replay benchmark of issue 6, item 7 (README, "Benchmark").

In one run: writes a capture of one million TCP segments (socketlab-bench-gen),
checks that wiretap, tshark and the lab all see what was written, then times

  bare   socketlab-bench-wtap FILE     a bare wiretap read loop (the baseline)
  lab    socketlab-bench-replay FILE   one ReplayFile::read() (the lab's time)
  tshark tshark -r FILE -T fields -e tcp.stream -e tcp.flags > /dev/null
  cli    socketlab --replay FILE --json > /dev/null   (for information)

each as a whole process (wall clock, fork to exit, and CPU time, user +
system, which a busy machine disturbs less), with its peak resident
memory (the bench programs print their VmHWM; for tshark and socketlab,
wait4's ru_maxrss, which Linux never reports below this driver's own size,
~20 MiB), and reports the median of the runs (and the best), the
ratios and the goals: tshark/lab >= 25, lab/bare <= 3, lab peak < 300 MiB.
A missed goal is reported, not an error: the exit status is 1 only when a
program fails or the sanity checks disagree. Timings need a quiet machine:
the load average is printed before and after.

Usage: benchmarks/run.py [--build DIR] [--segments N] [--runs N]
                         [--tshark-runs N] [--cli-runs N] [--file PATH] [--keep]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIB = 1024 * 1024


def parse_kv(text):
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


class Failed(Exception):
    pass


def run(cmd, stdout=subprocess.DEVNULL, lines=None):
    """Runs cmd; returns (seconds, peak RSS in bytes, stdout text or None, CPU seconds).
    With stdout=None the output is returned, or with lines, passed to
    lines(line) one line at a time (tshark's million lines)."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                stdout=out if stdout is None else stdout, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise Failed("%s exited with %d: %s" % (
                " ".join(cmd), proc.returncode, err.read().decode(errors="replace").strip()))
        text = None
        if stdout is None:
            out.seek(0)
            if lines:
                for line in out:
                    lines(line)
            else:
                text = out.read().decode()
        rss = usage.ru_maxrss * 1024
        if text and "peak_kib=" in text:
            rss = int(parse_kv(text)["peak_kib"]) * 1024
        return seconds, rss, text, usage.ru_utime + usage.ru_stime


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def find_build(arg):
    if arg:
        return os.path.abspath(arg)
    for d in ("build-bench", "build"):
        if os.path.exists(os.path.join(ROOT, d, "benchmarks", "socketlab-bench-gen")):
            return os.path.join(ROOT, d)
    raise Failed("no build with benchmarks/socketlab-bench-gen found: give --build DIR")


def build_type(build):
    cache = {}
    try:
        with open(os.path.join(build, "CMakeCache.txt")) as f:
            for line in f:
                if "=" in line and ":" in line.split("=", 1)[0]:
                    key, value = line.rstrip("\n").split("=", 1)
                    cache[key.split(":")[0]] = value
    except OSError:
        pass
    return cache.get("CMAKE_BUILD_TYPE", "?"), cache.get("SOCKETLAB_SANITIZE", "OFF")


def fmt_s(xs):
    return "%.3f s" % statistics.median(xs) + (" (best %.3f)" % min(xs) if len(xs) > 1 else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", help="build directory (default: build-bench, else build)")
    ap.add_argument("--segments", type=int, default=1000000)
    ap.add_argument("--runs", type=int, default=5, help="runs of the bare loop and the lab")
    ap.add_argument("--tshark-runs", type=int, default=3)
    ap.add_argument("--cli-runs", type=int, default=1, help="runs of socketlab --replay (0: none)")
    ap.add_argument("--file", help="capture to write (default: $TMPDIR/socketlab-bench-N.pcap)")
    ap.add_argument("--keep", action="store_true", help="keep the capture file")
    args = ap.parse_args()

    build = find_build(args.build)
    gen = os.path.join(build, "benchmarks", "socketlab-bench-gen")
    bare = os.path.join(build, "benchmarks", "socketlab-bench-wtap")
    lab = os.path.join(build, "benchmarks", "socketlab-bench-replay")
    cli = os.path.join(build, "app", "socketlab")
    tshark = shutil.which("tshark")
    for path, what in ((bare, "libwiretap-dev"), (lab, "lab/replay")):
        if not os.path.exists(path):
            raise Failed("%s is not built (needs %s)" % (path, what))
    if not tshark:
        raise Failed("tshark is not installed")
    path = args.file or os.path.join(tempfile.gettempdir(),
                                     "socketlab-bench-%d.pcap" % args.segments)

    btype, sanitize = build_type(build)
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    print("Socket Lab replay benchmark: %d x %s, build %s (%s%s)"
          % (os.cpu_count(), cpu, build, btype, ", sanitizers" if sanitize == "ON" else ""))
    if btype not in ("Release", "RelWithDebInfo") or sanitize == "ON":
        print("  note: not an optimised build; the lab's figures mean little")
    load_before = loadavg()
    print("load average before: %s" % load_before)

    seconds, _, text, _ = run([gen, path, "--segments", str(args.segments)], stdout=None)
    made = parse_kv(text)
    segments, connections = int(made["segments"]), int(made["connections"])
    print("capture: %s, %d TCP segments in %d connections (%s IPv6), %.1f MiB, written in %.2f s"
          % (path, segments, connections, made["ipv6_connections"], int(made["bytes"]) / MIB,
             seconds))
    try:
        with open(path, "rb") as f:  # into the page cache before any timing
            while f.read(1 << 20):
                pass

        # Sanity: everyone sees what was written.
        problems = []
        _, _, text, _ = run([bare, path], stdout=None)
        got = parse_kv(text)
        if int(got["packets"]) != segments:
            problems.append("wiretap read %s packets, not %d" % (got["packets"], segments))
        per_stream = {}

        def count(line):
            if line.strip():
                per_stream[int(line)] = per_stream.get(int(line), 0) + 1

        run([tshark, "-r", path, "-T", "fields", "-e", "tcp.stream"], stdout=None, lines=count)
        t_digest = sum((s + 1) * n for s, n in per_stream.items())
        if (len(per_stream), sum(per_stream.values()), t_digest) != (
                connections, segments, int(made["digest"])):
            problems.append("tshark: %d streams, %d segments, digest %d; written: %d, %d, %s"
                            % (len(per_stream), sum(per_stream.values()), t_digest, connections,
                               segments, made["digest"]))
        _, _, text, _ = run([lab, path], stdout=None)
        got = parse_kv(text)
        if (got["connections"], got["segments"], got["digest"]) != (
                str(connections), str(segments), made["digest"]):
            problems.append("lab: %s connections, %s segments, digest %s; tshark: %d, %d, %d"
                            % (got["connections"], got["segments"], got["digest"],
                               len(per_stream), segments, t_digest))
        print("sanity: tshark counts %d streams and %d segments, the lab %s connections and %s "
              "segments; per-stream segment counts %s"
              % (len(per_stream), segments, got["connections"], got["segments"],
                 "agree" if not problems else "DISAGREE"))
        if problems:
            raise Failed("; ".join(problems))

        # Timings: bare and lab alternate, so a change of load hits both.
        times = {"bare": [], "lab": [], "tshark": [], "cli": []}
        cpus = {k: [] for k in times}
        peaks = {k: 0 for k in times}

        def timed(key, cmd, stdout=subprocess.DEVNULL):
            s, rss, _, cpu = run(cmd, stdout)
            times[key].append(s)
            cpus[key].append(cpu)
            peaks[key] = max(peaks[key], rss)

        for _ in range(args.runs):
            timed("bare", [bare, path], None)  # small output: key=value lines
            timed("lab", [lab, path], None)
        for _ in range(args.tshark_runs):
            timed("tshark", [tshark, "-r", path, "-T", "fields", "-e", "tcp.stream",
                             "-e", "tcp.flags"])
        cli_note = "not built" if not os.path.exists(cli) else None
        try:
            for _ in range(args.cli_runs if not cli_note else 0):
                timed("cli", [cli, "--replay", path, "--json"])
        except Failed as e:  # for information only
            cli_note = str(e).splitlines()[0][:200]
    finally:
        if not args.keep:
            os.unlink(path)

    print("times: median of %d runs (best in brackets), tshark of %d; whole processes;"
          " wall clock, and CPU (user + system) in the next column"
          % (args.runs, args.tshark_runs))
    rows = (("bare", "bare wiretap loop (socketlab-bench-wtap)"),
            ("lab", "lab: ReplayFile::read (socketlab-bench-replay)"),
            ("tshark", "tshark -T fields -e tcp.stream -e tcp.flags"),
            ("cli", "socketlab --replay --json > /dev/null (info)"))
    for key, label in rows:
        if times[key]:
            print("  %-48s %-24s CPU %-9s peak %6.1f MiB" % (
                label, fmt_s(times[key]), "%.3f s" % statistics.median(cpus[key]),
                peaks[key] / MIB))
    if cli_note and args.cli_runs:
        print("  %-48s %s" % (rows[3][1], cli_note))
    lab_s, bare_s = statistics.median(times["lab"]), statistics.median(times["bare"])
    tshark_s = statistics.median(times["tshark"])
    lab_c, bare_c = statistics.median(cpus["lab"]), statistics.median(cpus["bare"])
    tshark_c = statistics.median(cpus["tshark"])
    lab_mib = peaks["lab"] / MIB
    judged = args.segments == 1000000
    goals = (("tshark / lab", "%.1fx" % (tshark_s / lab_s), "(CPU %.1fx)" % (tshark_c / lab_c),
              ">= 25x", tshark_s / lab_s >= 25),
             ("lab / bare", "%.2fx" % (lab_s / bare_s), "(CPU %.2fx)" % (lab_c / bare_c),
              "<= 3x", lab_s / bare_s <= 3),
             ("lab peak", "%.1f MiB" % lab_mib, "", "< 300 MiB", lab_mib < 300))
    print("goals, judged on the wall-clock medians%s:"
          % ("" if judged else " (not judged: the goals are for 1,000,000 segments)"))
    for name, value, cpu, goal, ok in goals:
        verdict = ("PASS" if ok else "MISS") if judged else "-"
        print("  %-14s %-10s %-13s goal %-10s %s" % (name, value, cpu, goal, verdict))
    print("load average after: %s (before: %s)" % (loadavg(), load_before))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failed as e:
        print("benchmark failed: %s" % e, file=sys.stderr)
        sys.exit(1)
