"""Signal exports: the EU MDR Article 88 trend report (PDF) and every table as CSV."""
