"""The conformance suite: every analytic on every backend, against a plain-Python reference."""
