"""Where the debates that ship with argmap live, and which folder commands use by default."""

from __future__ import annotations

from pathlib import Path


def bundled_arguments_dir() -> Path:
    """The seed debates: inside the installed package, or at the top of a source checkout."""
    packaged = Path(__file__).parent / "arguments"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "arguments"


def default_paths() -> list[Path]:
    """`./arguments` when it exists, otherwise the bundled debates."""
    local = Path("arguments")
    return [local] if local.is_dir() else [bundled_arguments_dir()]
