"""kg: knowledge graphs from Chinese regional news and policy text.

>>> from kg import build
>>> result = build(["seeds"])          # doctest: +SKIP
>>> result.graph.serialize(format="turtle")  # doctest: +SKIP
"""

from kg.pipeline import STAGES, BuildResult, build, process

__all__ = ["build", "process", "BuildResult", "STAGES", "__version__"]

__version__ = "0.1.0"
