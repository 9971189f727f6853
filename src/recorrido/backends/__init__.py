"""Where analytics run: DuckDB (default), PySpark and ClickHouse (chdb), behind one interface.

``connect(url)`` gives a :class:`Backend`; PySpark and chdb are optional extras, imported only
when used (``pip install 'recorrido[spark]'``, ``pip install 'recorrido[clickhouse]'``).
"""

from .base import Backend
from .connect import SCHEMES, connect

__all__ = ["SCHEMES", "Backend", "connect"]
