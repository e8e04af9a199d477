"""Film inspection against the decode-only floor, on an 8-minute 1280x720 H.264/AAC film at about 2.2 Mbps.

Run: uv run python bench/inspect_film.py [ROUNDS [BASELINE_SRC]]. The film is made once (about 10 minutes)
and kept in bench/out/. Each measurement runs in a child process (its peak memory is the child's maxrss);
rounds alternate inspection and floors so that other load on the machine hits all alike; the best round
counts. The floor the target is set against is the ffmpeg command line decoding to null: the machine's, or
the one the imageio-ffmpeg wheel carries. BASELINE_SRC, the src folder of an earlier festival_inspection
(`git archive <commit> services/media-inspection | tar -x -C /tmp/before` gives
/tmp/before/services/media-inspection/src), is measured in the same rounds: a before/after on equal terms.
Not run by CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILM = HERE / "out" / "film-480s-1280x720.mp4"
sys.path.insert(0, str(HERE.parent / "tests"))


def make_film() -> Path:
    if not FILM.exists():
        import inspection_media as m

        FILM.parent.mkdir(exist_ok=True)
        part = FILM.with_suffix(".part")
        m.film(part, 480, (1280, 720), 25, kbps=2200, preset="fast", audio=m.speech(-16))
        part.rename(FILM)
    return FILM


def child(kind: str, path: str) -> None:
    """One measurement, timed inside the child so interpreter start-up is left out."""
    import av

    from festival_inspection.film import FilmRules, inspect_film

    started = time.perf_counter()
    if kind in ("inspect", "inspect+fingerprint"):
        # The worker's pass also feeds every decoded picture to the fingerprint (its originality aid).
        from festival_inspection.perceptual import Fingerprinter

        fingerprinter = Fingerprinter() if kind == "inspect+fingerprint" else None
        report = inspect_film(path, rules(FilmRules), "documentary",
                              on_picture=fingerprinter.feed if fingerprinter else None)
        assert not report.failed(), [c for c in report.checks if c.verdict == "fail"]
        assert fingerprinter is None or fingerprinter.result().hashes
    else:  # the floor: a bare decode of every stream, video with the same frame threads the inspection uses
        with av.open(path) as container:
            container.streams.video[0].codec_context.thread_type = "AUTO"
            for packet in container.demux(*container.streams.video[:1], *container.streams.audio[:1]):
                packet.decode()
    print(time.perf_counter() - started)


def rules(film_rules):
    import yaml

    from festival_events.contracts.registry import EditionRules

    edition = HERE.parent / "services/registry/src/festival_registry/editions/edition-11.yaml"
    data = yaml.safe_load(edition.read_text(encoding="utf-8"))
    data.pop("regions", None)
    return film_rules.from_edition(EditionRules.model_validate(data))


def measure(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MB) of one child process (`env`: variables added to ours)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    out = process.stdout.read().strip()
    if status != 0:
        raise SystemExit(f"{command} failed")
    inner = float(out) if out else wall
    return inner, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def header_times(path: Path, repeats: int = 7) -> list[float]:
    from festival_inspection.film import FilmRules, inspect_film_header

    film_rules, times = rules(FilmRules), []
    for _ in range(repeats):
        started = time.perf_counter()
        inspect_film_header(path, film_rules, "documentary")
        times.append(time.perf_counter() - started)
    return times


def commands(film: str, baseline: str | None) -> dict[str, tuple[list[str], dict[str, str] | None]]:
    """What each round runs. `baseline`: the src folder of another version of festival_inspection (e.g. from
    `git archive`), whose inspection and worker pass run in the same rounds for a before/after."""
    import inspection_media

    def child_of(kind: str) -> list[str]:
        return [sys.executable, __file__, "--child", kind, film]

    runs = {"inspection": (child_of("inspect"), None), "worker pass": (child_of("inspect+fingerprint"), None)}
    if baseline:
        old = {"PYTHONPATH": baseline}
        runs |= {"baseline inspection": (child_of("inspect"), old),
                 "baseline worker pass": (child_of("inspect+fingerprint"), old)}
    runs["PyAV decode-only"] = (child_of("floor"), None)
    if ffmpeg := inspection_media.ffmpeg_command():
        runs["ffmpeg -f null"] = ([ffmpeg, "-v", "error", "-i", film, "-f", "null", "-"], None)
    return runs


def main(rounds: int, baseline: str | None) -> None:
    film = str(make_film())
    planned = commands(film, baseline)
    runs: dict[str, list] = {name: [] for name in planned}
    for _ in range(rounds):
        for name, (command, env) in planned.items():
            runs[name].append(measure(command, env))
    print(f"film: {film} ({os.path.getsize(film) / 1e6:.0f} MB), {os.cpu_count()} CPUs, best of {rounds} rounds")
    best = {name: min(results) for name, results in runs.items()}
    for name, (wall, cpu, peak) in best.items():
        walls = ", ".join(f"{w:.1f}" for w, _, _ in runs[name])
        print(f"  {name:22} wall {wall:6.1f} s  cpu {cpu:6.1f} s  peak {peak:5.0f} MB   (rounds: {walls})")
    floors = [name for name in ("ffmpeg -f null", "PyAV decode-only") if name in best]
    for name in [n for n in best if n not in floors]:
        ratios = "  ".join(f"/ {floor}: wall {best[name][0] / best[floor][0]:.2f}" for floor in floors)
        print(f"  ratio {name:22} {ratios}")
    times = header_times(Path(film))
    print(f"  header-only checks: best {min(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3])
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 2, sys.argv[2] if len(sys.argv) > 2 else None)
