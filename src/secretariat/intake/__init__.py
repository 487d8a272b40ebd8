"""Take in figures submitted by field offices: the XLSX form, readers, normalization, merge and receipts."""
