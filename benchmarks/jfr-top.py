#!/usr/bin/env python3
"""Aggregates `jfr print --events jdk.ExecutionSample` output: top frames (self time) and, for the
methods named on the command line's --inclusive prefix, samples with the method anywhere on the stack.

    jfr print --events jdk.ExecutionSample x.jfr | benchmarks/jfr-top.py [--thread NAME] [--top 25] [--inclusive dev.logredact.]
"""
import argparse
import collections
import re
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--thread", help="only samples of threads whose name contains this")
ap.add_argument("--top", type=int, default=25)
ap.add_argument("--inclusive", default="dev.logredact.", help="prefix of methods counted with their callees")
args = ap.parse_args()

frame_re = re.compile(r"^\s+(\S+?)\(.*\)\s+line:")
self_counts = collections.Counter()
incl_counts = collections.Counter()
total = 0
thread = None
frames = None
for line in sys.stdin:
    s = line.strip()
    if s.startswith("jdk.ExecutionSample"):
        thread, frames = None, None
    elif s.startswith("sampledThread"):
        thread = s
    elif s.startswith("stackTrace = ["):
        frames = []
    elif frames is not None and s == "]":
        if frames and (args.thread is None or (thread and args.thread in thread)):
            total += 1
            self_counts[frames[0]] += 1
            for f in set(frames):
                if f.startswith(args.inclusive):
                    incl_counts[f] += 1
        frames = None
    elif frames is not None:
        m = frame_re.match(line)
        if m:
            frames.append(m.group(1))
        elif s == "...":
            pass

print(f"samples: {total}")
print("\nself (top frame):")
for f, n in self_counts.most_common(args.top):
    print(f"{100.0 * n / total:6.1f}%  {n:6d}  {f}")
print(f"\ninclusive ({args.inclusive}*):")
for f, n in incl_counts.most_common(args.top):
    print(f"{100.0 * n / total:6.1f}%  {n:6d}  {f}")
