"""Pure computations of equality metrics (pay gap, EDS, WRES, WDES)."""
