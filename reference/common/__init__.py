"""Tensor, Parameter and dtypes: the minimal MindSpore surface the specified APIs need."""
