#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets into tests/data/fuzz/<target>/.

Every seed is made here, from nothing: synthetic images and records (never anything taken
from the CIFAR-10 data set). The run-folder seeds are written by PoisonLab itself (the CLI
poisons a small data set that matches fuzz_support's smallDataset), the model seeds by
make_model_seeds. Usage:
    fuzz/seeds.py --cli build/bin/poisonlab-cli --models build/bin/make_model_seeds [--run RUN]
Inputs that once crashed a target live beside the seeds as crash-<what>; this script leaves
them alone.
"""
import argparse, gzip, io, json, os, shutil, struct, subprocess, sys, tarfile, tempfile, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "fuzz")
MARK = b"\n%%FILE%%\n"  # fuzz_support.h: splitFiles


def put(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def png(rgb, w=32, h=32):
    raw = b"".join(b"\0" + bytes(rgb) * w for _ in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def bmp(rgb, w=32, h=32):
    row = bytes((rgb[2], rgb[1], rgb[0])) * w
    pixels = row * h
    header = struct.pack("<2sIHHI", b"BM", 54 + len(pixels), 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, w, h, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    return header + info + pixels


def records(n, first_label=0):
    out = b""
    for r in range(n):
        out += bytes([(first_label + r) % 10]) + bytes((r * 7 + b) % 256 for b in range(3072))
    return out


def small_binary_data(train=60, test=20):
    """fuzz_support.cpp's smallDataset as CIFAR binary batch files (train split over 5)."""
    def split(n):
        return [bytes([i % 10]) + bytes((i * 31 + b * 7) % 251 for b in range(3072)) for i in range(n)]
    tr, te = split(train), split(test)
    per = train // 5
    files = {f"data_batch_{k + 1}.bin": b"".join(tr[k * per:(k + 1) * per]) for k in range(5)}
    files["test_batch.bin"] = b"".join(te)
    return files


def tar_bytes(entries, gz):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz" if gz else "w", format=tarfile.PAX_FORMAT) as t:
        for name, data in entries:
            info = tarfile.TarInfo(name)
            if data is None:
                info.type = tarfile.DIRTYPE
                t.addfile(info)
            else:
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def tree(container, entries):
    """fuzz_source_tree's input: container byte, then (type, path, body) entries."""
    out = bytes([container])
    for kind, path, body in entries:
        p = path.encode()
        out += bytes([kind, len(p)]) + p + struct.pack("<H", len(body)) + body
    return out


def image_tree(make, classes=("cat", "dog")):
    files = []
    for split in ("train", "test"):
        for k, c in enumerate(classes):
            files.append((f"{split}/{c}/1.{make.__name__}", make((40 * k, 100, 200 - 40 * k))))
    return files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True, help="poisonlab-cli")
    ap.add_argument("--models", required=True, help="make_model_seeds")
    ap.add_argument("--run", help="a trained run folder with detect/spectral and unlearn/ "
                    "records, whose records become seeds")
    a = ap.parse_args()

    # CIFAR binary: six batch files and the class names, cut at %%FILE%% lines.
    six = [records(2, k) for k in range(6)]
    names = b"\n".join(n.encode() for n in ["airplane", "automobile", "bird", "cat", "deer", "dog",
                                             "frog", "horse", "ship", "truck"]) + b"\n"
    put("fuzz_cifar_binary", "six-batches", MARK.join(six + [names]))
    put("fuzz_cifar_binary", "no-meta", MARK.join(six))
    put("fuzz_cifar_binary", "one-short", MARK.join(six[:5] + [six[5][:-1]]))

    # Archives: an image-folder tree (PNG and BMP), the binary release, a gzip of a tar.
    put("fuzz_archive", "png-folders.tar", tar_bytes(image_tree(png), False))
    put("fuzz_archive", "bmp-folders.tar.gz", tar_bytes(image_tree(bmp), True))
    binary = [("cifar-10-batches-bin", None)] + [
        (f"cifar-10-batches-bin/{n}", records(1, k)) for k, n in enumerate(
            [f"data_batch_{i}.bin" for i in range(1, 6)] + ["test_batch.bin"])]
    put("fuzz_archive", "binary.tar.gz", tar_bytes(binary, True))

    # Source trees: folder, tar and tar.gz; links, "..", duplicates, hidden files.
    pngs = [(0, p, d) for p, d in image_tree(png)]
    put("fuzz_source_tree", "folder-png", tree(0, pngs))
    put("fuzz_source_tree", "tar-bmp", tree(1, [(0, p, d) for p, d in image_tree(bmp)]))
    put("fuzz_source_tree", "targz-binary",
        tree(2, [(0, p, d) for p, d in binary if d is not None]))
    put("fuzz_source_tree", "folder-links",
        tree(0, pngs + [(2, "train/cat/link.png", b"1.png"), (2, "test/loop", b".."),
                        (3, "test/dog/hard.png", b"train/dog/1.png"),
                        (0, ".hidden/train/x/1.png", png((1, 2, 3)))]))
    put("fuzz_source_tree", "tar-dotdot",
        tree(1, pngs + [(0, "../train/cat/2.png", png((9, 9, 9))),
                        (0, "/abs/train/cat/3.png", png((8, 8, 8))),
                        (0, "train/cat/1.png", png((7, 7, 7))),
                        (2, "train/dog/2.png", b"/etc/passwd")]))

    # Run records. An experiment poisoned by PoisonLab on the small data set fuzz_support
    # opens it against (60 + 20 images).
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data", "cifar-10-batches-bin")
        os.makedirs(data)
        for n, b in small_binary_data().items():
            open(os.path.join(data, n), "wb").write(b)
        for name, extra in [("pixel", []), ("patch", ["--trigger", "patch", "--size", "3",
                                                      "--pattern", "checkerboard", "--count", "2"]),
                            ("blend", ["--trigger", "blend", "--opacity", "0.2",
                                       "--pattern", "noise", "--rate", "0.05"])]:
            run = os.path.join(tmp, name)
            args = [a.cli, "poison", "--data", os.path.dirname(data), "--out", run,
                    "--source", "9", "--target", "4"] + (extra or ["--count", "3"]) + ["--seed", "1"]
            subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
            exp = open(os.path.join(run, "experiment.json"), "rb").read()
            csv = open(os.path.join(run, "poison.csv"), "rb").read()
            put("fuzz_run_files", f"experiment-{name}", b"experiment\n" + exp + MARK + csv)
        subprocess.run([a.models, tmp], check=True, stdout=subprocess.DEVNULL)
        for f in sorted(os.listdir(tmp)):
            if f.endswith(".pt"):
                put("fuzz_model", f, open(os.path.join(tmp, f), "rb").read())

    # Training, detection and unlearning records: small hand-made ones in the writers' schema.
    confusion = [[5 if i == j else (1 if (i + j) % 3 == 0 else 0) for j in range(10)] for i in range(10)]
    per = [0.8] * 10
    report = {"clean_acc": 0.8, "asr": 0.9, "asr_mirrored": 0.5, "poison_fit": 0.95,
              "per_class_acc": per, "confusion": confusion, "per_class_acc_triggered": per,
              "confusion_triggered": confusion, "target_rate_triggered": [0.1] * 10}
    put("fuzz_run_files", "unlearn-ragged", b"unlearn\n" + json.dumps(
        {"name": "x", "model_file": "m.pt", "method": "ssd", "before": dict(report, confusion=[[1, 2], [3]]),
         "after": report, "forget": {"size": 3, "poisons": 3}, "seconds": 1.0}).encode())
    if a.run:  # a trained run's records, made compact (the CSV cut to its first rows)
        compact = lambda path: json.dumps(json.load(open(path)), separators=(",", ":")).encode()
        put("fuzz_run_files", "metrics", b"metrics\n" + compact(os.path.join(a.run, "metrics.json")))
        det = os.path.join(a.run, "detect", "spectral")
        csv = b"".join(open(det + ".csv", "rb").readlines()[:25])
        put("fuzz_run_files", "detection", b"detection\n" + compact(det + ".json") + MARK + csv)
        udir = os.path.join(a.run, "unlearn")
        for f in sorted(os.listdir(udir)):
            if f.endswith(".json") and f.startswith(("ssd-", "retrain")):
                kind = "ssd" if f.startswith("ssd-") else "retrain"
                if kind == "ssd" and "selected" not in f:
                    continue
                put("fuzz_run_files", "unlearn-" + kind, b"unlearn\n" + compact(os.path.join(udir, f)))

    # Index lists.
    put("fuzz_index_csv", "plain", b"3\n1\n7\n")
    put("fuzz_index_csv", "column", b"label,index\n4,12\n4,2\n")
    put("fuzz_index_csv", "flagged", b"index,label,score,flagged,poisoned\n0,1,0.5,1,0\n5,4,0.9,0,1\n")
    put("fuzz_index_csv", "crlf", b"index\r\n59\r\n60\r\n")

    # .npy: float32 matrices as numpy writes them, and a few it must refuse.
    def npy(descr, shape, fortran=False, values=b""):
        h = "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }" % (
            descr, "True" if fortran else "False", repr(tuple(shape)))
        h = h.encode()
        pad = 64 - (10 + len(h) + 1) % 64
        h += b" " * pad + b"\n"
        return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(h)) + h + values
    put("fuzz_npy", "3x4", npy("<f4", (3, 4), values=struct.pack("<12f", *range(12))))
    put("fuzz_npy", "vector", npy("<f4", (5,), values=struct.pack("<5f", *range(5))))
    put("fuzz_npy", "fortran", npy("<f4", (2, 2), True, struct.pack("<4f", 1, 2, 3, 4)))
    put("fuzz_npy", "f8", npy("<f8", (2,), values=struct.pack("<2d", 1, 2)))
    print("seeds written under", OUT)


if __name__ == "__main__":
    main()
