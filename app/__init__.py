"""Songjiao (送教上门): records, rules and printing for home-delivered special education."""

__version__ = "0.1.0"
