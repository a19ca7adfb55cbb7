#!/usr/bin/env python3
"""Summarises collapsed stacks (`thread;outermost;...;innermost count` per line, as TimingAgent writes
them): for each group of samples, the methods with the most samples anywhere on the stack (inclusive)
and as the innermost frame (self).

    benchmarks/collapsed-top.py FILE [--top 25]

Groups: "premain" (main thread inside LogredactAgent.premain), "main" (main thread after it, in the
program's main), "engine" (the agent's engine thread).
"""
import argparse
import collections

ap = argparse.ArgumentParser()
ap.add_argument("file")
ap.add_argument("--top", type=int, default=25)
args = ap.parse_args()

groups = collections.defaultdict(lambda: (collections.Counter(), collections.Counter(), [0]))
for line in open(args.file):
    stack, _, n = line.rstrip("\n").rpartition(" ")
    n = int(n)
    frames = stack.split(";")
    thread, frames = frames[0], frames[1:]
    if thread == "main":
        if "dev.logredact.attach.LogredactAgent.premain" in frames:
            group = "premain"
        elif any(f.endswith(".main") for f in frames):
            group = "main"
        else:
            group = "main (other)"
    else:
        group = thread
    incl, self_, total = groups[group]
    total[0] += n
    self_[frames[-1]] += n
    for f in set(frames):
        incl[f] += n

for group in ("premain", "main", "engine", "main (other)"):
    if group not in groups:
        continue
    incl, self_, total = groups[group]
    print(f"## {group}: {total[0]} samples\n")
    print("inclusive:")
    for f, n in incl.most_common(args.top):
        print(f"  {100.0 * n / total[0]:5.1f}%  {n:5d}  {f}")
    print("self:")
    for f, n in self_.most_common(12):
        print(f"  {100.0 * n / total[0]:5.1f}%  {n:5d}  {f}")
    print()
