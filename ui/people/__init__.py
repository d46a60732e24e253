"""The auditor register (监督员名册): a page and the form of one auditor."""
