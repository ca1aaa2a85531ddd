"""Agreement between annotators: units, coefficients and reports."""
