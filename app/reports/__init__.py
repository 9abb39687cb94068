"""Printed documents (PDF via reportlab) and spreadsheets (xlsx via openpyxl), read through the services."""
