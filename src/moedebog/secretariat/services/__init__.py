"""The secretariat's write operations. Each takes the acting user first, checks the user's role
for the body, runs in one transaction and records an audit entry; views, tests and commands call
these and never write the archive's rows themselves."""

from moedebog.secretariat.services.common import ServiceError

__all__ = ["ServiceError"]
