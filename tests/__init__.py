"""Recorrido's tests: unit tests mirror src/, conformance/ runs on every backend."""
