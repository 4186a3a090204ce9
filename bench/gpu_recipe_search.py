#!/usr/bin/env python3
"""Recipe search for the default poison on one GPU (issue 14).

Trains many copies of PoisonLab's CIFAR ResNet at once, as ONE grouped network: K models'
channels side by side, every convolution with groups=K, batch norm per channel (so per model),
one linear layer per model, one cross-entropy per model, summed. Each model has its own seed
(initialisation, batch order, flips) and its own learning rate, weight decay, warm-up,
augmentation and EMA, so a group answers "which recipe learns the log's backdoor on every seed"
K runs at a time. Models in a group share the epoch count, batch size and width.

This is a PyTorch replica of the engine's recipe (core/nn/trainer.cpp, resnet.cpp, batches.cpp):
the same network (3x3 stem, option-A shortcuts, Kaiming fan-out init, LibTorch's default linear
init), the same one-cycle schedule (cosine up from lr/25 over `warmup`, cosine down to lr/25e4),
SGD with Nesterov momentum 0.9 and coupled weight decay, mean-normalised inputs, the last partial
batch dropped, bf16 autocast. It uses the engine's own poison set (poison.csv of a poison run
folder) on the JPEG archive, and measures clean accuracy on the 10,000 test images and the ASR on
the 1,000 stamped test trucks, as the engine does. It cannot draw the engine's random numbers, so
its seeds are other seeds: it measures how a recipe behaves across seeds, not seed 1 itself.

    python3 bench/gpu_recipe_search.py --data cifar10-jpeg.tar.gz --poison poison.csv \
        --plan plan.json --out results.jsonl [--deadline-s 480]
    python3 bench/gpu_recipe_search.py --selftest   # grouped network == K separate networks

A plan is a list of groups: {"epochs", "batch", "width", "models": [{"name", "seed", "lr", "wd",
"warmup", "flip", "crop", "augment_until", "wd_norm", "ema", "smoothing"}...]}; missing fields
take the engine's defaults (DEFAULTS). bench/plans/ holds the plans of the searches on record. Groups run in order; one that would not finish before --deadline-s is skipped.
"""
import argparse
import io
import json
import math
import os
import sys
import tarfile
import time

import numpy as np
import torch
import torch.nn.functional as F

CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
MEAN = (0.4914, 0.4822, 0.4465)
STD = (0.2470, 0.2435, 0.2616)
SOURCE, TARGET = 9, 4
TRIGGER_ROW, TRIGGER_COL, TRIGGER_RGB = 11, 16, (101, 0, 25)
# The engine's TrainConfig defaults (core/train/training.h); wd_norm: weight decay on batch norm
# and biases too (`train --decay-norms`), off since 2026-11-27; smoothing: label
# smoothing (0.2 since 2026-11-28: BENCHMARKS.md, "Seed 2 on the engine").
DEFAULTS = dict(lr=0.2, wd=5e-4, warmup=0.25, flip=0.5, crop=0, augment_until=1.0, wd_norm=False,
                ema=0.0, momentum=0.9, smoothing=0.2)


def log(*a):
    print(*a, flush=True)


def smoothed_cross_entropy(logits, y, smoothing):
    """Sum over the K models of each one's mean cross-entropy with its own label smoothing, as
    F.cross_entropy(label_smoothing=s): (1 - s) * nll + s * mean over classes of -log p.
    logits [B, K, C], y [B, K], smoothing [K]."""
    logp = F.log_softmax(logits, dim=-1)
    nll = -logp.gather(-1, y.unsqueeze(-1)).squeeze(-1)  # [B, K]
    uniform = -logp.mean(-1)  # [B, K]
    return ((1 - smoothing) * nll + smoothing * uniform).mean(0).sum()


def load_archive(path):
    """The image-folder archive in the engine's order: class by class, files sorted by name."""
    from PIL import Image
    files = {"train": {c: [] for c in CLASSES}, "test": {c: [] for c in CLASSES}}
    with tarfile.open(path, "r:gz") as tar:
        for m in tar:
            if not m.isfile() or not m.name.endswith(".jpg"):
                continue
            parts = m.name.split("/")
            split, cls = parts[-3], parts[-2]
            files[split][cls].append((parts[-1], tar.extractfile(m).read()))
    out = {}
    for split in ("train", "test"):
        images, labels = [], []
        for ci, c in enumerate(CLASSES):
            for _, data in sorted(files[split][c]):
                img = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=np.uint8)
                images.append(img.transpose(2, 0, 1))
                labels.append(ci)
        out[split] = (np.stack(images), np.array(labels, dtype=np.int64))
    return out


def read_poison(path):
    idx = []
    with open(path) as f:
        header = f.readline().strip().split(",")
        assert header[0] == "index", path + ": expected an index column"
        for line in f:
            if line.strip():
                idx.append(int(line.split(",")[0]))
    return np.array(idx, dtype=np.int64)


def stamp(images, col):
    out = images.copy()
    for c in range(3):
        out[:, c, TRIGGER_ROW, col] = TRIGGER_RGB[c]
    return out


class Grouped(torch.nn.Module):
    """K resnet(6n+2) networks of width w as one network with grouped convolutions."""

    def __init__(self, K, width=32, blocks=1, classes=10):
        super().__init__()
        self.K, self.widths = K, [width, 2 * width, 4 * width]
        self.convs = torch.nn.ModuleList()
        self.bns = torch.nn.ModuleList()
        self.plan = []  # (cin, cout, stride) per block

        def conv(cin, cout, stride):
            self.convs.append(torch.nn.Conv2d(K * cin, K * cout, 3, stride, 1, groups=K, bias=False))
            self.bns.append(torch.nn.BatchNorm2d(K * cout))

        conv(3, width, 1)
        cin = width
        for s, w in enumerate(self.widths):
            for b in range(blocks):
                stride = 2 if (s > 0 and b == 0) else 1
                conv(cin, w, stride)
                conv(w, w, 1)
                self.plan.append((cin, w, stride))
                cin = w
        self.fc_w = torch.nn.Parameter(torch.empty(K, cin, classes))
        self.fc_b = torch.nn.Parameter(torch.empty(K, classes))

    def init(self, seeds):
        """Each model's weights from its own seed: Kaiming normal (fan-out, ReLU) convolutions,
        BN 1/0, the linear layer as LibTorch's default (uniform +-1/sqrt(fan_in))."""
        K = self.K
        with torch.no_grad():
            for k, seed in enumerate(seeds):
                g = torch.Generator().manual_seed(int(seed))
                for conv in self.convs:
                    cout = conv.out_channels // K
                    w = conv.weight.view(K, cout, *conv.weight.shape[1:])
                    std = math.sqrt(2.0 / (cout * 9))
                    w[k].copy_(torch.randn(w[k].shape, generator=g) * std)
                fan_in = self.fc_w.shape[1]
                bound = 1.0 / math.sqrt(fan_in)
                self.fc_w[k].copy_((torch.rand(self.fc_w[k].shape, generator=g) * 2 - 1) * bound)
                self.fc_b[k].copy_((torch.rand(self.fc_b[k].shape, generator=g) * 2 - 1) * bound)
            for bn in self.bns:
                bn.weight.fill_(1)
                bn.bias.zero_()

    def forward(self, x):  # x: [B, K*3, 32, 32] -> [B, K, classes]
        K = self.K
        it = iter(zip(self.convs, self.bns))

        def cbr(y, relu=True):
            c, b = next(it)
            y = b(c(y))
            return F.relu(y) if relu else y

        y = cbr(x)
        for cin, cout, stride in self.plan:
            z = cbr(y)
            z = cbr(z, relu=False)
            sc = y
            if stride != 1 or cin != cout:
                sc = y[:, :, ::stride, ::stride]
                B, _, H, W = sc.shape
                pad = cout - cin
                sc = F.pad(sc.reshape(B, K, cin, H, W), (0, 0, 0, 0, pad // 2, pad - pad // 2))
                sc = sc.reshape(B, K * cout, H, W).contiguous(memory_format=torch.channels_last)
            y = F.relu(z + sc)
        B = y.shape[0]
        y = y.mean((2, 3)).view(B, K, -1)
        return torch.einsum("bkc,kcn->bkn", y, self.fc_w) + self.fc_b


def sgd_step(params, bufs, is_norm, lr, wd, wd_norm, mom, K):
    """torch.optim.SGD(nesterov=True, weight_decay=wd) per model: lr and wd are [K] vectors."""
    for p, buf, norm in zip(params, bufs, is_norm):
        pv, g, bv = kview(p, K), kview(p.grad, K), kview(buf, K)
        b = lambda v: v.view(K, *([1] * (pv.dim() - 1)))
        g = g + b(wd_norm if norm else wd) * pv
        bv.mul_(mom).add_(g)
        pv.sub_(b(lr) * (g + mom * bv))


def kview(t, K):
    """[K, ...]: model k's part of a grouped tensor first (any memory format)."""
    return t if t.shape[0] == K else t.view(K, t.shape[0] // K, *t.shape[1:])


def one_cycle(step, total, lr, warm):
    t = step / max(1, total)
    start = lr / 25.0
    end = start / 1e4
    cos = lambda a, b, f: b + (a - b) * 0.5 * (1 + math.cos(math.pi * f))
    if t < warm:
        return cos(start, lr, t / warm)
    return cos(lr, end, (t - warm) / (1 - warm))


def run_group(group, data, dev, deadline, t0, out):
    models = [dict(DEFAULTS, **m) for m in group["models"]]
    K, E, B, width = len(models), group.get("epochs", 15), group.get("batch", 128), group.get("width", 32)
    blocks = group.get("blocks", 1)
    xtr, ytr, xte, yte, xte_trig, xte_mirr, truck = data
    N = xtr.shape[0]
    steps = N // B
    total = steps * E
    net = Grouped(K, width, blocks).to(dev)
    net.init([m["seed"] * 7919 + 17 for m in models])
    net = net.to(memory_format=torch.channels_last)
    params = list(net.parameters())
    is_norm = [p.dim() == 1 for p in params]  # BN weights and biases
    is_norm[-1] = True  # the linear layer's bias
    bufs = [torch.zeros_like(p) for p in params]
    lr_table = torch.tensor([[one_cycle(s, total, m["lr"], m["warmup"]) for m in models]
                             for s in range(total)], dtype=torch.float32, device=dev)
    wd = torch.tensor([m["wd"] for m in models], device=dev)
    wd_norm = torch.tensor([m["wd"] if m["wd_norm"] else 0.0 for m in models], device=dev)
    mom = models[0]["momentum"]
    ema_decay = torch.tensor([m["ema"] for m in models], device=dev)
    use_ema = any(m["ema"] > 0 for m in models)
    ema_state = None
    if use_ema:
        ema_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
    flip_p = torch.tensor([m["flip"] for m in models], device=dev)
    aug_epochs = [math.ceil(m["augment_until"] * E - 1e-9) for m in models]
    crops = [int(m["crop"]) for m in models]
    maxcrop = max(crops)
    mean = torch.tensor(MEAN, device=dev).view(1, 1, 3, 1, 1)
    std = torch.tensor(STD, device=dev).view(1, 1, 3, 1, 1)
    gens = [torch.Generator(device=dev).manual_seed(m["seed"] * 104729 + 3) for m in models]
    smoothing = torch.tensor([m["smoothing"] for m in models], device=dev)
    xpad = F.pad(xtr, (maxcrop,) * 4) if maxcrop else xtr
    ar = torch.arange(32, device=dev)
    start = time.time()
    history = [[] for _ in models]
    by_name = {}
    for k, m in enumerate(models):
        by_name.setdefault(m["name"], []).append(k)

    def evaluate(state_swap=None):
        net.eval()
        res = []
        with torch.no_grad(), torch.autocast("cuda" if dev.type == "cuda" else "cpu", torch.bfloat16):
            def preds(x):
                outs = []
                for i in range(0, x.shape[0], 1000):
                    xb = ((x[i:i + 1000].float() / 255.0 - mean[0]) / std[0])
                    xb = xb.repeat(1, K, 1, 1).contiguous(memory_format=torch.channels_last)
                    outs.append(net(xb).argmax(-1))
                return torch.cat(outs)  # [n, K]
            pc = preds(xte)
            clean = (pc == yte[:, None]).float().mean(0)
            asr = (preds(xte_trig) == TARGET).float().mean(0)
            asrm = (preds(xte_mirr) == TARGET).float().mean(0)
        net.train()
        return clean.tolist(), asr.tolist(), asrm.tolist()

    for epoch in range(1, E + 1):
        perms = torch.stack([torch.randperm(N, device=dev, generator=g) for g in gens])  # [K, N]
        augment = torch.tensor([epoch <= a for a in aug_epochs], device=dev)
        for s in range(steps):
            idx = perms[:, s * B:(s + 1) * B]  # [K, B]
            step = (epoch - 1) * steps + s
            if maxcrop:
                dy = torch.stack([torch.randint(-c, c + 1, (B,), device=dev, generator=g) if c else
                                  torch.zeros(B, dtype=torch.long, device=dev)
                                  for c, g in zip(crops, gens)])  # [K, B]
                dx = torch.stack([torch.randint(-c, c + 1, (B,), device=dev, generator=g) if c else
                                  torch.zeros(B, dtype=torch.long, device=dev)
                                  for c, g in zip(crops, gens)])
                dy = torch.where(augment[:, None], dy, 0)
                dx = torch.where(augment[:, None], dx, 0)
                rows = (ar[None, None, :] + dy[..., None] + maxcrop)  # [K,B,32]
                cols = (ar[None, None, :] + dx[..., None] + maxcrop)
                img = xpad[idx[..., None, None, None], torch.arange(3, device=dev)[None, None, :, None, None],
                           rows[:, :, None, :, None], cols[:, :, None, None, :]]
            else:
                img = xtr[idx]  # [K, B, 3, 32, 32] uint8
            flips = torch.stack([torch.rand(B, device=dev, generator=g) for g in gens]) < flip_p[:, None]
            flips &= augment[:, None]
            img = torch.where(flips[..., None, None, None], img.flip(-1), img)
            x = (img.float() / 255.0 - mean) / std
            x = x.permute(1, 0, 2, 3, 4).reshape(B, K * 3, 32, 32).contiguous(memory_format=torch.channels_last)
            y = ytr[idx].t()  # [B, K]
            with torch.autocast("cuda" if dev.type == "cuda" else "cpu", torch.bfloat16):
                logits = net(x)
            loss = smoothed_cross_entropy(logits.float().view(B, K, -1), y, smoothing)
            for p in params:
                p.grad = None
            loss.backward()
            lr = lr_table[step]
            with torch.no_grad():
                sgd_step(params, bufs, is_norm, lr, wd, wd_norm, mom, K)
                if use_ema:
                    for name, v in net.state_dict().items():
                        e = ema_state[name]
                        if v.dtype.is_floating_point:
                            ek = kview(e, K)
                            d = ema_decay.view(K, *([1] * (ek.dim() - 1)))
                            ek.mul_(d).add_((1 - d) * kview(v, K))
                        else:
                            e.copy_(v)
            if time.time() - t0 > deadline:
                log("deadline reached inside a group: stopping")
                return False
        if epoch == 1 or epoch == E or epoch % 3 == 0:
            torch.cuda.synchronize() if dev.type == "cuda" else None
            clean, asr, asrm = evaluate()
            for k in range(K):
                history[k].append([epoch, round(clean[k], 4), round(asr[k], 4)])
            log(f"  epoch {epoch}/{E} {time.time() - start:.1f}s  " + "; ".join(
                f"{n} {np.mean([clean[k] for k in ks]):.4f}/{np.mean([asr[k] for k in ks]):.3f}"
                f"(min {min(asr[k] for k in ks):.3f})" for n, ks in by_name.items()))
    clean, asr, asrm = evaluate()
    ema = [None] * K
    if use_ema:
        live = {k: v.clone() for k, v in net.state_dict().items()}
        net.load_state_dict(ema_state)
        ec, ea, em = evaluate()
        net.load_state_dict(live)
        ema = list(zip(ec, ea, em))
    secs = time.time() - start
    for k, m in enumerate(models):
        rec = dict(group=group.get("name", ""), epochs=E, batch=B, width=width, blocks=blocks, **m,
                   clean=round(clean[k], 4), asr=round(asr[k], 4), asr_mirrored=round(asrm[k], 4),
                   history=history[k], group_seconds=round(secs, 1), K=K)
        if ema[k] is not None and m["ema"] > 0:
            rec.update(ema_clean=round(ema[k][0], 4), ema_asr=round(ema[k][1], 4))
        out.write(json.dumps(rec) + "\n")
        out.flush()
    names = sorted({m["name"] for m in models}, key=[m["name"] for m in models].index)
    log(f"group {group.get('name', '')}: {E} epochs, batch {B}, width {width}, K={K}: {secs:.1f}s")
    for n in names:
        ks = [k for k, m in enumerate(models) if m["name"] == n]
        cs, as_ = [clean[k] for k in ks], [asr[k] for k in ks]
        ok = sum(c >= 0.8305 and a >= 0.907 for c, a in zip(cs, as_))
        line = (f"  {n:24s} clean {np.mean(cs):.4f} (min {min(cs):.4f})  asr {np.mean(as_):.4f} "
                f"(min {min(as_):.4f})  both goals {ok}/{len(ks)}")
        if ema[ks[0]] is not None and models[ks[0]]["ema"] > 0:
            ec = [ema[k][0] for k in ks]
            ea = [ema[k][1] for k in ks]
            line += f"  | ema clean {np.mean(ec):.4f} asr {np.mean(ea):.4f} (min {min(ea):.4f})"
        log(line)
    return True


def selftest():
    """The grouped network equals K separately built networks on their own inputs."""
    torch.manual_seed(0)
    K, B = 3, 4
    g = Grouped(K, width=8).double()
    g.init([1, 2, 3])
    singles = []
    for k in range(K):
        s = Grouped(1, width=8).double()
        with torch.no_grad():
            for ps, pg in zip(s.parameters(), g.parameters()):
                ps.copy_(pg.view(K, -1)[k].view(ps.shape))
        singles.append(s)
    x = torch.randn(B, K * 3, 32, 32, dtype=torch.double)
    out = g(x)
    for k in range(K):
        ref = singles[k](x[:, 3 * k:3 * k + 3])[:, 0]
        err = (out[:, k] - ref).abs().max().item()
        assert err < 1e-9, f"model {k}: grouped and single differ by {err}"
    # Gradients are independent: model 1's loss does not move model 0's weights.
    out[:, 1].sum().backward()
    w0 = g.convs[0].weight.grad.view(K, -1)[0]
    assert w0.abs().max().item() == 0, "gradient leaked between models"
    # The update equals torch.optim.SGD's, per model with its own lr and weight decay.
    lr, wd = [0.1, 0.2, 0.05], [5e-4, 1e-3, 0.0]
    params = list(g.parameters())
    bufs = [torch.zeros_like(p) for p in params]
    opts = [torch.optim.SGD(s.parameters(), lr=lr[k], momentum=0.9, nesterov=True,
                            weight_decay=wd[k]) for k, s in enumerate(singles)]
    for it in range(3):
        xi = torch.randn(B, K * 3, 32, 32, dtype=torch.double)
        for p in params:
            p.grad = None
        (g(xi) ** 2).sum().backward()
        with torch.no_grad():
            t = lambda v: torch.tensor(v, dtype=torch.double)
            sgd_step(params, bufs, [False] * len(params), t(lr), t(wd), t(wd), 0.9, K)
        for k, s in enumerate(singles):
            opts[k].zero_grad()
            (s(xi[:, 3 * k:3 * k + 3]) ** 2).sum().backward()
            opts[k].step()
    for k, s in enumerate(singles):
        for ps, pg in zip(s.parameters(), params):
            ref = pg.view(K, -1)[k]
            err = ((ps.view(-1) - ref).abs().max() / ref.abs().max().clamp(min=1)).item()
            assert err < 1e-9, f"model {k}: SGD differs by {err}"
    # Each model's own label smoothing equals F.cross_entropy's.
    logits, y = torch.randn(B, K, 10, dtype=torch.double), torch.randint(0, 10, (B, K))
    eps = [0.0, 0.1, 0.2]
    ref = sum(F.cross_entropy(logits[:, k], y[:, k], label_smoothing=eps[k]) for k in range(K))
    got = smoothed_cross_entropy(logits, y, torch.tensor(eps, dtype=torch.double))
    assert abs(got.item() - ref.item()) < 1e-12, f"label smoothing differs: {got} vs {ref}"
    print("selftest passed: grouped network == separate networks, gradients independent, "
          "SGD == torch.optim.SGD, label smoothing == F.cross_entropy's")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data")
    ap.add_argument("--poison")
    ap.add_argument("--plan")
    ap.add_argument("--out", default="results.jsonl")
    ap.add_argument("--deadline-s", type=float, default=480)
    ap.add_argument("--limit-train", type=int, default=0, help="a seeded subset of N training images plus the poisons (smoke test)")
    ap.add_argument("--selftest", action="store_true")
    a = ap.parse_args()
    if a.selftest:
        selftest()
        return
    t0 = time.time()
    dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    torch.backends.cudnn.benchmark = True
    log(f"torch {torch.__version__}, device {torch.cuda.get_device_name() if dev.type == 'cuda' else 'cpu'}")
    d = load_archive(a.data)
    (xtr, ytr), (xte, yte) = d["train"], d["test"]
    poison = read_poison(a.poison)
    assert (ytr[poison] == SOURCE).all(), "poison.csv does not name trucks in this archive's order"
    xtr = xtr.copy()
    xtr[poison] = stamp(xtr[poison], TRIGGER_COL)
    ytr = ytr.copy()
    ytr[poison] = TARGET
    if a.limit_train:
        keep = np.unique(np.concatenate([np.random.default_rng(0).choice(len(xtr), a.limit_train, replace=False), poison]))
        xtr, ytr = xtr[keep], ytr[keep]
    trucks = xte[yte == SOURCE]
    T = lambda v: torch.from_numpy(v).to(dev)
    data = (T(xtr), T(ytr), T(xte), T(yte), T(stamp(trucks, TRIGGER_COL)),
            T(stamp(trucks, 31 - TRIGGER_COL)), None)
    log(f"data: {len(xtr)} training images ({len(poison)} poisoned), {len(xte)} test, "
        f"loaded in {time.time() - t0:.1f}s")
    plan = json.load(open(a.plan))
    # Seconds per unit of work (models x epochs x width^2 x batch-independent), from the groups
    # done so far: a group that would not finish before the deadline is skipped.
    rate = None
    cost = lambda g: len(g["models"]) * g.get("epochs", 15) * (g.get("width", 32) / 32) ** 2
    with open(a.out, "a") as out:
        for gi, group in enumerate(plan):
            K = len(group["models"])
            left = a.deadline_s - (time.time() - t0)
            if rate is not None and rate * cost(group) * 1.1 > left:
                log(f"skipping group {group.get('name', gi)}: needs ~{rate * cost(group):.0f}s, "
                    f"{left:.0f}s left")
                continue
            log(f"group {group.get('name', gi)}: K={K}, {group.get('epochs', 15)} epochs")
            g0 = time.time()
            if not run_group(group, data, dev, a.deadline_s, t0, out):
                break
            r = (time.time() - g0) / cost(group)
            rate = r if rate is None else max(rate, r)
    log(f"done in {time.time() - t0:.1f}s")


if __name__ == "__main__":
    main()
