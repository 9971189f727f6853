"""Plain-Python reference implementations of the analytics (the conformance oracle)."""
