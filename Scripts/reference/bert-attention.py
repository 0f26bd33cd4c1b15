#!/usr/bin/env python3
"""Reference attention of a BERT-family model, computed independently of Reel.

Tokenizes with HuggingFace's `tokenizers` library (the model's own tokenizer.json) and runs
the encoder forward pass in NumPy from model.safetensors, then writes the attention of every
layer and head as [layers, heads, seq, seq] float32 .npy and the tokens as JSON.

  python3 Scripts/reference/bert-attention.py MODEL_DIR "some text" out.npy out-tokens.json

Needs numpy and tokenizers (pip install numpy tokenizers). Development only: Reel never runs
Python; the tests compare Reel's own forward pass with a small file this script made.
"""
import json
import math
import struct
import sys

import numpy as np
from tokenizers import Tokenizer


def load_safetensors(path):
    with open(path, "rb") as f:
        length = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(length))
        data = f.read()
    types = {"F32": np.float32, "F16": np.float16, "F64": np.float64, "I64": np.int64}
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        array = np.frombuffer(data[begin:end], dtype=types[entry["dtype"]]).reshape(entry["shape"])
        tensors[name] = array.astype(np.float64) if array.dtype != np.int64 else array
    return tensors


def layer_norm(x, weight, bias, eps):
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def gelu(x):
    erf = np.vectorize(math.erf)
    return 0.5 * x * (1 + erf(x / math.sqrt(2)))


def main():
    model_dir, text, out_npy, out_tokens = sys.argv[1:5]
    config = json.load(open(f"{model_dir}/config.json"))
    weights = load_safetensors(f"{model_dir}/model.safetensors")
    prefix = "bert." if "bert.embeddings.word_embeddings.weight" in weights else ""
    w = lambda name: weights[prefix + name]
    tokenizer = Tokenizer.from_file(f"{model_dir}/tokenizer.json")
    tokenizer.no_padding()
    tokenizer.no_truncation()
    encoding = tokenizer.encode(text)
    ids = np.array(encoding.ids)
    n = len(ids)
    eps = config["layer_norm_eps"]
    heads = config["num_attention_heads"]
    hidden = config["hidden_size"]
    dh = hidden // heads
    x = w("embeddings.word_embeddings.weight")[ids] + w("embeddings.position_embeddings.weight")[:n]
    x = x + w("embeddings.token_type_embeddings.weight")[0]
    x = layer_norm(x, w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias"), eps)
    attentions = []
    for layer in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{layer}."
        dense = lambda name, v: v @ w(p + name + ".weight").T + w(p + name + ".bias")
        q = dense("attention.self.query", x).reshape(n, heads, dh).transpose(1, 0, 2)
        k = dense("attention.self.key", x).reshape(n, heads, dh).transpose(1, 0, 2)
        v = dense("attention.self.value", x).reshape(n, heads, dh).transpose(1, 0, 2)
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(dh)
        scores = scores - scores.max(axis=-1, keepdims=True)
        probs = np.exp(scores)
        probs = probs / probs.sum(axis=-1, keepdims=True)
        attentions.append(probs)
        context = (probs @ v).transpose(1, 0, 2).reshape(n, hidden)
        x = layer_norm(dense("attention.output.dense", context) + x,
                       w(p + "attention.output.LayerNorm.weight"), w(p + "attention.output.LayerNorm.bias"), eps)
        inner = gelu(dense("intermediate.dense", x))
        x = layer_norm(dense("output.dense", inner) + x,
                       w(p + "output.LayerNorm.weight"), w(p + "output.LayerNorm.bias"), eps)
    np.save(out_npy, np.array(attentions, dtype=np.float32))
    json.dump(encoding.tokens, open(out_tokens, "w"), ensure_ascii=False)


main()
