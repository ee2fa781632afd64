"""Project tools that are neither spec, goldens, suite nor adapters (the difference table)."""
