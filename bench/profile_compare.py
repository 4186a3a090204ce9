#!/usr/bin/env python3
"""fp32 train step, op by op: bench_train's autograd-profiler trace against the PyTorch peer's.

    ./build/bin/bench_train --arch resnet8 --width 32 --steps 20 --no-epoch --profile /tmp/lt.json
    /usr/bin/python3 bench/profile_compare.py --trace /tmp/lt.json --steps 20 --depth 8 --width 32

Runs the peer's network (../shared/peers/torch_resnet_bench.py's model, fp32 NCHW, 2 threads)
for the same number of steps under torch.autograd.profiler, then prints the self CPU time per
step of each op on both sides, largest difference first."""
import argparse, collections, importlib.util, json, os, sys, time

import torch
import torch.nn.functional as F


def aggregate(events, steps):
    tot = collections.defaultdict(lambda: [0.0, 0])
    # Self time: an event's duration minus its direct children's (same thread, nested).
    by_tid = collections.defaultdict(list)
    for e in events:
        if e.get("ph") == "X":
            by_tid[e.get("tid")].append(e)
    for evs in by_tid.values():
        evs.sort(key=lambda e: (e["ts"], -e["dur"]))
        stack = []
        selfs = []
        for e in evs:
            while stack and stack[-1][0]["ts"] + stack[-1][0]["dur"] <= e["ts"]:
                stack.pop()
            rec = [e, e["dur"]]
            if stack:
                stack[-1][1] -= e["dur"]
            stack.append(rec)
            selfs.append(rec)
        for e, s in selfs:
            t = tot[e["name"]]
            t[0] += s / 1000.0 / steps
            t[1] += 1.0 / steps
    return tot


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trace", required=True)
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--depth", type=int, default=8)
    ap.add_argument("--width", type=int, default=32)
    ap.add_argument("--peer", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared",
                                                   "peers", "torch_resnet_bench.py"))
    a = ap.parse_args()
    ours = aggregate(json.load(open(a.trace))["traceEvents"] if a.trace.endswith(".json") and
                     isinstance(json.load(open(a.trace)), dict) else json.load(open(a.trace)), a.steps)
    # The peer's model, without running its main.
    src = open(a.peer).read().split("ap = argparse.ArgumentParser()")[0]
    ns = {}
    exec(compile(src, a.peer, "exec"), ns)
    torch.set_num_threads(2)
    net = ns["ResNet"](a.depth, a.width, "A")
    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, nesterov=True, weight_decay=5e-4)
    x = torch.randn(128, 3, 32, 32)
    y = torch.randint(0, 10, (128,))

    def step():
        loss = F.cross_entropy(net(x), y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()

    for _ in range(5):
        step()
    path = "/tmp/poisonlab-peer-trace.json"
    with torch.autograd.profiler.profile() as prof:
        for _ in range(a.steps):
            step()
    prof.export_chrome_trace(path)
    data = json.load(open(path))
    theirs = aggregate(data["traceEvents"] if isinstance(data, dict) else data, a.steps)
    names = set(ours) | set(theirs)
    rows = sorted(names, key=lambda n: -abs(ours.get(n, [0, 0])[0] - theirs.get(n, [0, 0])[0]))
    print(f"{'op':45s} {'LibTorch ms':>11s} {'calls':>6s} {'PyTorch ms':>11s} {'calls':>6s}")
    for n in rows[:30]:
        o, t = ours.get(n, [0, 0]), theirs.get(n, [0, 0])
        print(f"{n[:45]:45s} {o[0]:11.2f} {o[1]:6.1f} {t[0]:11.2f} {t[1]:6.1f}")
    print(f"{'total (self times)':45s} {sum(v[0] for v in ours.values()):11.2f} {'':6s} "
          f"{sum(v[0] for v in theirs.values()):11.2f}")


if __name__ == "__main__":
    main()
