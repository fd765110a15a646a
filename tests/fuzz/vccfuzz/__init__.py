"""The fuzz harness of tests/fuzz/fuzz.py, split by concern (see tests/fuzz/README.md)."""
