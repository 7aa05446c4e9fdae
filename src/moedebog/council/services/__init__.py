"""Service functions: every write of appointments and consultations goes through one of these,
which checks the role, runs in a transaction and leaves an audit entry."""
