"""ops family golden generators: ``golden/ops/<topic>.py`` writes ``golden/data/ops_<topic>.json``."""
