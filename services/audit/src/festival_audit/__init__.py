"""The audit service and the auditor's tools: the log as a verifiable Merkle tree, and checks of everything on it."""
