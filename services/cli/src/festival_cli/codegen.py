"""`festival gen proto`: the only way the gRPC stubs under proto/python are made."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from grpc_tools import protoc


def proto_files(root: Path) -> list[Path]:
    return sorted((root / "proto" / "festival").rglob("*.proto"))


def generate(root: Path, out: Path | None = None) -> list[Path]:
    """Compile every .proto of proto/festival into Python modules and typing stubs."""
    out = out or root / "proto" / "python"
    include = str(resources.files("grpc_tools") / "_proto")
    files = proto_files(root)
    for proto in files:
        args = ["protoc", f"-I{root / 'proto'}", f"-I{include}", f"--python_out={out}",
                f"--pyi_out={out}", f"--grpc_python_out={out}", str(proto)]
        if protoc.main(args) != 0:
            raise RuntimeError(f"protoc failed on {proto}")
    for folder in {p.parent for p in out.rglob("*_pb2.py")}:
        for parent in [folder, *folder.parents]:
            if parent == out:
                break
            (parent / "__init__.py").touch()
    return files
