"""PyTorch eager peer of bench_flip_step: one FLIP label step (FLIP.md section 3.2) on the
pre-activation CIFAR ResNet (FLIP's r32p at depth 32, width 16), timed by phase, to compare
with bench_flip_step side by side on the same machine (Debian's python3-torch: the same oneDNN).

usage: /usr/bin/python3 bench/flip_step.py [--depth 32] [--width 16] [--batch 256]
                                           [--threads 2] [--steps 10]
Phases per step: expert (forward, backward, SGD step, no graph), student forward, first
backward (create_graph), loss and double backward to the labels, label update. Prints the
median of each over --steps steps after 2 warm-up steps, and the whole step."""
import argparse, time
import torch, torch.nn as nn, torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(cin); self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout); self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.stride, self.pad = stride, cout - cin

    def forward(self, x):
        y = self.conv1(F.leaky_relu(self.bn1(x), 0.1))
        y = self.conv2(F.leaky_relu(self.bn2(y), 0.1))
        s = x
        if self.stride != 1:
            s = F.avg_pool2d(s, self.stride)
        if self.pad:
            s = F.pad(s, (0, 0, 0, 0, self.pad // 2, self.pad - self.pad // 2))
        return y + s


class PreActResNet(nn.Module):
    def __init__(self, depth, width):
        super().__init__()
        n = (depth - 2) // 6
        self.stem = nn.Conv2d(3, width, 3, 1, 1, bias=False)
        layers, cin = [], width
        for stage, cout in enumerate([width, 2 * width, 4 * width]):
            for k in range(n):
                layers.append(Block(cin, cout, 2 if (k == 0 and stage > 0) else 1)); cin = cout
        self.layers = nn.Sequential(*layers)
        self.bn = nn.BatchNorm2d(cin); self.fc = nn.Linear(cin, 10)

    def forward(self, x):
        x = F.leaky_relu(self.bn(self.layers(self.stem(x))), 0.1)
        return self.fc(F.adaptive_avg_pool2d(x, 1).flatten(1))


def sgd_step(th, g, buf, lr=0.1, m=0.9, wd=2e-4):
    out = []
    for t, gi, b in zip(th, g, buf):
        d = gi + wd * t
        b2 = m * b + d
        out.append(t - lr * (d + m * b2))
    return out


ap = argparse.ArgumentParser()
ap.add_argument("--depth", type=int, default=32); ap.add_argument("--width", type=int, default=16)
ap.add_argument("--batch", type=int, default=256); ap.add_argument("--threads", type=int, default=2)
ap.add_argument("--steps", type=int, default=10)
a = ap.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(0)
model = PreActResNet(a.depth, a.width).train()
params = list(model.parameters())
buf0 = [0.01 * torch.randn_like(p) for p in params]
labels = (5 * F.one_hot(torch.randint(0, 10, (50000,)), 10).float()).requires_grad_(True)
label_buf = torch.zeros_like(labels)
xe, xs = torch.randn(a.batch, 3, 32, 32), torch.randn(a.batch, 3, 32, 32)
ye = torch.randint(0, 10, (a.batch,))
idx = torch.randperm(50000)[: a.batch]
phases = {k: [] for k in ["expert", "student forward", "first backward", "double backward", "label update", "step"]}
for step in range(a.steps + 2):
    t0 = time.perf_counter()
    le = F.cross_entropy(model(xe), ye)
    ge = torch.autograd.grad(le, params)
    with torch.no_grad():
        th0 = [p.detach() for p in params]
        the = sgd_step(th0, ge, buf0)
    t1 = time.perf_counter()
    rows = labels[idx]
    ls = -(F.softmax(rows, 1) * F.log_softmax(model(xs), 1)).sum(1).mean()
    t2 = time.perf_counter()
    gs = torch.autograd.grad(ls, params, create_graph=True)
    t3 = time.perf_counter()
    ths = sgd_step(th0, gs, buf0)
    num = sum(((s - e) ** 2).sum() for s, e in zip(ths, the))
    den = sum(((t - e) ** 2).sum() for t, e in zip(th0, the))
    gl, = torch.autograd.grad(num / den, labels)
    t4 = time.perf_counter()
    with torch.no_grad():
        label_buf.mul_(0.5).add_(gl)
        labels.sub_(150 * label_buf)
    t5 = time.perf_counter()
    if step >= 2:
        for k, v in zip(phases, [t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0]):
            phases[k].append(v)
med = lambda v: sorted(v)[len(v) // 2]
for k, v in phases.items():
    print(f"{k:16s} {1000 * med(v):9.1f} ms")
print(f"PyTorch {torch.__version__} preact-resnet{a.depth} w{a.width} batch {a.batch} fp32 {a.threads} threads: "
      f"{med(phases['step']) * 1000:.1f} ms a label step, {a.batch / med(phases['step']):.0f} img/s")
