"""``Cell``: the base of every MindSpore network block; calling it runs ``construct``.

Parameter registration (MindSpore 2.10's ``Cell.__setattr__``):

* a ``Parameter`` assigned to an attribute belongs to the cell; one without a name takes the attribute's name;
* a ``Cell`` assigned to an attribute is a child; when the *parent* has ``auto_prefix=True`` (the default) the
  child's parameter names get the prefix ``<attribute>.`` (``self.conv = nn.Conv2d(...)`` -> ``conv.weight``);
* ``get_parameters()`` yields the cell's own parameters (in assignment order) before its children's (in
  assignment order, depth first); ``trainable_params()`` is the list of those with ``requires_grad=True``.
  The filter lives here: an optimizer updates every Parameter it is given (clause OPTIM.nn.requires_grad).

Clauses: OPTIM.nn.trainable_params
"""
from __future__ import annotations

from optimspec.reference.common.tensor import Parameter


class Cell:
    """A callable block: ``cell(*inputs)`` returns ``cell.construct(*inputs)``."""

    def __init__(self, auto_prefix: bool = True) -> None:
        self._auto_prefix = auto_prefix

    def __setattr__(self, name: str, value) -> None:
        self.__dict__.get("_params", {}).pop(name, None)
        self.__dict__.get("_cells", {}).pop(name, None)
        if isinstance(value, Parameter):
            if value.name is None:
                value.name = name
            self.__dict__.setdefault("_params", {})[name] = value
        elif isinstance(value, Cell):
            if self.__dict__.get("_auto_prefix", True):
                for param in value.get_parameters():
                    param.name = f"{name}.{param.name}"
            self.__dict__.setdefault("_cells", {})[name] = value
        object.__setattr__(self, name, value)

    @property
    def cls_name(self) -> str:
        return type(self).__name__

    def get_parameters(self, expand: bool = True):
        """The cell's own parameters, then (``expand``) its children's, each once."""
        seen: set[int] = set()
        for param in self._all_parameters(expand):
            if id(param) not in seen:
                seen.add(id(param))
                yield param

    def _all_parameters(self, expand: bool):
        yield from self.__dict__.get("_params", {}).values()
        if expand:
            for cell in self.__dict__.get("_cells", {}).values():
                yield from cell._all_parameters(expand)

    def trainable_params(self, recurse: bool = True) -> list:
        """The parameters with ``requires_grad=True``, as a list (MindSpore prints it as a list)."""
        return [param for param in self.get_parameters(expand=recurse) if param.requires_grad]

    def construct(self, *inputs):
        raise NotImplementedError

    def __call__(self, *inputs):
        return self.construct(*inputs)
