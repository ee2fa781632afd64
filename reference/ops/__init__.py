"""``reference.ops``: the MindSpore ``ops`` names this specification defines."""
from reference.ops.functional import assign

__all__ = ["assign"]
