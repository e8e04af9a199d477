"""The supervisor's policy on fake processes and a fake clock: restart with backoff, give up, name it."""

from __future__ import annotations

from pathlib import Path

from festival_cli.supervisor import Policy, Supervisor


class FakeProcess:
    """Stands in for infra.Managed: `running` is set by the test, restart() starts it again."""

    def __init__(self, name: str):
        self.name, self.running, self.restarts = name, True, 0
        self.log_path = Path("/nonexistent") / f"{name}.log"
        self.proc = type("P", (), {"pid": 4242})()

    def stop(self) -> int:
        return -9

    def restart(self) -> None:
        self.restarts += 1
        self.running = True

    def log_tail(self) -> str:
        return "(log tail)"


class Clock:
    def __init__(self):
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def supervisor(*procs, ready=lambda _: True):
    clock, said = Clock(), []
    keeper = Supervisor(list(procs), lambda event, message, **f: said.append((event, message, f)), ready,
                        Policy(first_delay_s=0.5, max_delay_s=4.0, fast_s=15.0, give_up_after=4), clock)
    return keeper, clock, said


def run_for(keeper, clock, seconds: float, step: float = 0.1) -> None:
    for _ in range(round(seconds / step)):
        clock.t += step
        keeper.tick()


def test_a_process_that_exits_is_restarted_after_the_first_delay_and_reported_serving():
    intake = FakeProcess("intake")
    keeper, clock, said = supervisor(intake)
    clock.t = 100.0  # long after its start: not a fast crash
    intake.running = False
    keeper.tick()
    assert intake.restarts == 0 and said[-1][0] == "supervisor.exited" and said[-1][2]["delay_s"] == 0.5
    run_for(keeper, clock, 0.8)
    assert intake.restarts == 1
    assert [e for e, *_ in said] == ["supervisor.exited", "supervisor.restarted", "supervisor.serving_again"]
    assert "intake" in said[1][1] and "intake" in said[2][1]


def test_fast_crashes_back_off_then_the_supervisor_gives_up_and_keeps_the_rest():
    crashing, healthy = FakeProcess("review"), FakeProcess("gateway")
    keeper, clock, said = supervisor(crashing, healthy)
    delays = []
    for _ in range(4):
        crashing.running = False
        keeper.tick()
        if said[-1][0] == "supervisor.exited":
            delays.append(said[-1][2]["delay_s"])
        run_for(keeper, clock, 5.0)
    assert delays == [0.5, 1.0, 2.0]
    assert keeper.given_up == ["review"]
    gave_up = [m for e, m, _ in said if e == "supervisor.gave_up"]
    assert len(gave_up) == 1 and "review" in gave_up[0] and "(log tail)" in gave_up[0]
    restarts = crashing.restarts
    run_for(keeper, clock, 30.0)
    assert crashing.restarts == restarts and healthy.restarts == 0  # left alone, and so is the rest


def test_a_process_that_ran_a_while_starts_its_count_afresh():
    worker = FakeProcess("media-inspection-1")
    keeper, clock, said = supervisor(worker)
    for _ in range(10):  # crashes, each after a long run, never give up
        run_for(keeper, clock, 20.0, step=1.0)
        worker.running = False
        keeper.tick()
        run_for(keeper, clock, 1.0)
    assert worker.restarts == 10 and keeper.given_up == []
    assert {f["delay_s"] for e, _, f in said if e == "supervisor.exited"} == {0.5}


def test_serving_again_waits_for_the_readiness_check():
    registry = FakeProcess("registry")
    answers = iter([False, False, True])
    keeper, clock, said = supervisor(registry, ready=lambda _: next(answers, True))
    registry.running = False
    keeper.tick()
    run_for(keeper, clock, 0.5)  # restarted at 0.5
    events = [e for e, *_ in said]
    assert events[-1] == "supervisor.restarted"
    run_for(keeper, clock, 0.3)
    assert [e for e, *_ in said][-1] == "supervisor.serving_again"
