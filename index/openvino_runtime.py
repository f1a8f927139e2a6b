"""The default model on OpenVINO, in bf16 where the CPU has it.

Why: on the 2-core machines this runs on, sentence-transformers on torch spends
most of a question's time in framework overhead (17 ms to embed a question;
about 4 ms here), and bf16 doubles the arithmetic rate of passage embedding.
Vectors stay interchangeable with torch's fp32 ones (cosine ≥ 0.9999, tested),
so an index built by either runtime is searched by the other.

The encoder graph is converted once from the materialized sentence-transformers
directory (`convert`, with torch, beside the model in `openvino/`); at run time
only OpenVINO and the `tokenizers` library are needed — no torch, no
transformers — so a cold `assistant ask` starts quickly. Pooling is the
model's own: mean over the attention mask, then L2 normalization.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

OV_DIR = "openvino"  # inside the sentence-transformers directory
OV_MODEL = "encoder-fp16.xml"  # weights stored in fp16: a third of the memory, the same vectors and speed


def available() -> bool:
    return importlib.util.find_spec("openvino") is not None


def converted(model_dir: Path | str) -> Path:
    """The OpenVINO encoder of a sentence-transformers directory, converted on first use."""
    target = Path(model_dir) / OV_DIR
    if not (target / OV_MODEL).exists():
        convert(Path(model_dir))
    return target / OV_MODEL


def convert(model_dir: Path) -> Path:
    """Convert the directory's transformer (input_ids, attention_mask → last hidden
    state, any batch and length) to OpenVINO IR, its weights stored in fp16 (the
    server then holds ~150 MB of model instead of ~590 MB, at the same speed and
    vectors on 200-character passages); written to a temporary sibling, then renamed."""
    import openvino as ov
    import torch
    import transformers
    from transformers import AutoModel

    transformers.logging.set_verbosity_error()

    class Encoder(torch.nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask):
            return self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    model = AutoModel.from_pretrained(str(model_dir)).eval()
    example = {"input_ids": torch.ones((2, 16), dtype=torch.long), "attention_mask": torch.ones((2, 16), dtype=torch.long)}
    with torch.no_grad():
        graph = ov.convert_model(Encoder(model), example_input=example,
                                 input=[("input_ids", [-1, -1], ov.Type.i64), ("attention_mask", [-1, -1], ov.Type.i64)])
    work = Path(tempfile.mkdtemp(prefix=".openvino-", dir=model_dir))
    try:
        ov.save_model(graph, str(work / OV_MODEL), compress_to_fp16=True)
        target = model_dir / OV_DIR
        if target.exists():
            shutil.rmtree(target)
        work.replace(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target / OV_MODEL


class OpenVINOEncoder:
    """Encodes texts with the converted graph; prompts and length limit are the
    sentence-transformers directory's own."""

    def __init__(self, model_dir: Path | str, batch_size: int = 16):
        import openvino as ov
        from tokenizers import Tokenizer

        model_dir = Path(model_dir)
        core = ov.Core()
        self.precision = "bf16" if "BF16" in core.get_property("CPU", "OPTIMIZATION_CAPABILITIES") else "f32"
        self._compiled = core.compile_model(str(converted(model_dir)), "CPU",
                                            {"INFERENCE_PRECISION_HINT": self.precision})
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        config = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
        self._tokenizer.enable_truncation(int(config.get("max_seq_length") or 512))
        pad = self._tokenizer.token_to_id("<pad>")
        self._tokenizer.enable_padding(pad_id=pad if pad is not None else 0, pad_token="<pad>")
        st_config = model_dir / "config_sentence_transformers.json"
        self.prompts = json.loads(st_config.read_text(encoding="utf-8")).get("prompts", {}) if st_config.exists() else {}
        self.dim = int(self._compiled.output(0).get_partial_shape()[2].get_length())
        self.batch_size = batch_size
        self._lock = threading.Lock()  # one inference at a time: it already uses every core

    def encode(self, texts: list[str], prompt: str = "", on_batch: Callable[[int, int], None] | None = None) -> np.ndarray:
        """Normalized vectors, batched by length so little of each batch is padding."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        texts = [prompt + t for t in texts]
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for k in range(0, len(order), self.batch_size):
            rows = order[k : k + self.batch_size]
            encoded = self._tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.asarray([e.ids for e in encoded], dtype=np.int64)
            mask = np.asarray([e.attention_mask for e in encoded], dtype=np.int64)
            with self._lock:
                hidden = self._compiled({"input_ids": ids, "attention_mask": mask})[0]
            summed = (hidden * mask[..., None]).sum(axis=1)
            vectors = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            out[rows] = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
            if on_batch:
                on_batch(min(k + self.batch_size, len(order)), len(order))
        return out
