"""The gateway's HTTP routes, one router a resource."""
