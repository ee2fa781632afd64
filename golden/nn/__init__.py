"""nn family golden generators: ``golden/nn/<topic>.py`` writes ``golden/data/nn_<topic>.json``."""
