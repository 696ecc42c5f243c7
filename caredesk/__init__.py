"""CareDesk: customer care for makers of healthcare products."""
