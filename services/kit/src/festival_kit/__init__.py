"""Plumbing every festival service shares, and nothing else.

- `aggregate.FestivalAggregate`: base aggregate; events carry cause, edition and a hash chain.
- `application.FestivalApplication`: base application (process recorder, tracked saves, envelopes).
- `relay.Relay`: store -> FESTIVAL, exactly once.  `consumer.TrackedConsumer`: durable tracked consumers.
- `runtime.ServiceRuntime`: one service process (gRPC + relay + consumers + background tasks).
- `rpc`: gRPC server start (health, reflection), `@rpc` servicer methods, caller metadata.
- `errors.FestivalError`: refusals with code + zh/en message.  `context`: the cause of a command.
- `clock`, `settings`, `ports`, `logs`, `jetstream`.
"""
