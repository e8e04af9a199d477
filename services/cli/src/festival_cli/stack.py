"""The local stack: what `festival up` starts."""

# Every service process `festival up` starts, in start order. compose.yaml names the same.
SERVICES = ("registry", "intake", "gateway")
