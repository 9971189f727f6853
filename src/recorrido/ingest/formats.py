"""Recognise a data file's format and read it into DuckDB.

CSV/TSV (delimiter sniffed), Parquet and JSON Lines, each optionally gzip-compressed, are
read by DuckDB's own streaming readers, so a file never passes through Python memory.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import IngestError
from ..store.sql import literal

__all__ = ["FileFormat", "detect_format", "reader_sql"]

Kind = Literal["csv", "parquet", "jsonl"]

_SUFFIXES: dict[str, Kind] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".tab": "csv",
    ".txt": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
}
SUPPORTED = (
    "CSV/TSV (.csv, .tsv, .txt), Parquet (.parquet), JSON Lines (.jsonl, .ndjson), "
    "or gzip of these (.gz)"
)


@dataclass(frozen=True)
class FileFormat:
    """How to read one file."""

    kind: Kind
    compressed: bool

    def describe(self) -> str:
        name = {"csv": "CSV", "parquet": "Parquet", "jsonl": "JSON Lines"}[self.kind]
        return name + (" (gzip)" if self.compressed else "")


def detect_format(path: Path) -> FileFormat:
    """The format of ``path``, from its name, else from its first bytes."""
    if not path.exists():
        raise IngestError(f"{path}: file not found; check the path", code="file_not_found")
    if path.is_dir():
        raise IngestError(f"{path}: is a directory; pass a file", code="file_not_found")
    if path.stat().st_size == 0:
        raise IngestError(f"{path}: the file is empty (0 bytes)", code="file_empty")
    suffixes = [s.lower() for s in path.suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    if compressed:
        suffixes = suffixes[:-1]
    with path.open("rb") as handle:
        head = handle.read(4)
    if not compressed and head[:2] == b"\x1f\x8b":
        compressed = True
    if suffixes and suffixes[-1] in _SUFFIXES:
        kind = _SUFFIXES[suffixes[-1]]
    else:
        kind = _sniff(path, compressed, head, suffixes[-1] if suffixes else "")
    if kind == "parquet" and compressed:
        raise IngestError(
            f"{path}: gzip-compressed Parquet is not supported; Parquet compresses itself, "
            "so decompress the file first",
            code="file_format_unknown",
        )
    return FileFormat(kind, compressed)


def _sniff(path: Path, compressed: bool, head: bytes, suffix: str) -> Kind:
    if head == b"PAR1":
        return "parquet"
    opener = gzip.open if compressed else open
    try:
        with opener(path, "rb") as handle:
            sample = handle.read(4096)
    except OSError:
        sample = b""
    text = sample.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"{"):
        return "jsonl"
    if suffix == "" and sample and b"\x00" not in sample:
        return "csv"
    raise IngestError(
        f"{path}: unknown file format '{suffix or 'no extension'}'; supported: {SUPPORTED}",
        code="file_format_unknown",
    )


def reader_sql(path: Path, file_format: FileFormat) -> str:
    """A DuckDB table function call that reads the file (all CSV columns as text)."""
    location = literal(str(path))
    compression = ", compression = 'gzip'" if file_format.compressed else ""
    if file_format.kind == "csv":
        return (
            f"read_csv({location}, all_varchar = true, header = true, auto_detect = true, "
            f"sample_size = 20480{compression})"
        )
    if file_format.kind == "parquet":
        return f"read_parquet({location})"
    return f"read_json({location}, format = 'newline_delimited', sample_size = 20480{compression})"
