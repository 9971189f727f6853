"""The voice of the customer: survey feedback, comments and their analysis."""

__all__: list[str] = []
