"""Eight-word shingles: how the seed debates are checked for sentences copied from their sources.

The source documents are not part of the repository; `tests/data/seeds/shingles.txt` holds a
short hash of every run of eight consecutive words in them, which is enough to find a copied
phrase and not enough to rebuild the text. Regenerate it with

    python tests/seed_shingles.py DIR_WITH_THE_SOURCE_TEXTS > tests/data/seeds/shingles.txt
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

SIZE = 8
_WORD = re.compile(r"[a-z0-9%]+")


def words(text: str) -> list[str]:
    """The text's words, lower-cased, with punctuation and accents dropped."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _WORD.findall(folded.lower())


def shingles(text: str, size: int = SIZE) -> list[tuple[str, ...]]:
    """Every run of `size` consecutive words in the text."""
    w = words(text)
    return [tuple(w[i : i + size]) for i in range(len(w) - size + 1)]


def digest(shingle: tuple[str, ...]) -> str:
    """A short, stable hash of one shingle."""
    return hashlib.blake2b(" ".join(shingle).encode("ascii"), digest_size=6).hexdigest()


def digests(texts: Iterable[str]) -> set[str]:
    """The hashes of every shingle in the texts."""
    return {digest(s) for text in texts for s in shingles(text)}


def main(argv: list[str]) -> int:
    """Print the sorted shingle hashes of every `*.txt` file in the folder given."""
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python tests/seed_shingles.py DIR", file=sys.stderr)
        return 2
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(argv[0]).glob("*.txt"))]
    print("\n".join(sorted(digests(texts))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
