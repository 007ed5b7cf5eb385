"""How each entity type looks: one colour and one vis-network shape per top class.

Colours are Tableau 10 (distinguishable, and readable under the common
colour-vision deficiencies when paired with the shapes); shapes are the ones
vis-network draws with the label below, so a node's size can vary.
"""

from __future__ import annotations

__all__ = ["TYPE_STYLE", "PREDICATE_COLOUR"]

TYPE_STYLE: dict[str, dict[str, str]] = {
    "Region": {"color": "#4E79A7", "shape": "hexagon"},
    "Park": {"color": "#59A14F", "shape": "square"},
    "Company": {"color": "#F28E2B", "shape": "dot"},
    "Organization": {"color": "#E15759", "shape": "diamond"},
    "Program": {"color": "#B07AA1", "shape": "triangle"},
    "Project": {"color": "#76B7B2", "shape": "triangleDown"},
    "Facility": {"color": "#9C755F", "shape": "star"},
    "Person": {"color": "#FF9DA7", "shape": "dot"},
    "Entity": {"color": "#BAB0AC", "shape": "dot"},
}

#: Muted, darker than the node colours, so edges stay in the background.
PREDICATE_COLOUR: dict[str, str] = {
    "locatedIn": "#7A8B99",
    "partOf": "#3D6A99",
    "subOrganizationOf": "#B5524F",
    "implements": "#8E6C8A",
    "worksFor": "#C98A2E",
    "memberOf": "#4C8C4A",
}
