"""The employer's own data: reading, recognising and checking payroll and HR exports."""
