"""Report formats built from the one ICSR mapping: MedWatch 3500A-style PDF, FHIR R4 bundle."""
