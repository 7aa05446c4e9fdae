"""Personal answer links: a random token per recipient, of which only the SHA-256 is stored.

256 bits from ``secrets`` cannot be guessed; the hash in the database cannot be turned back into
a link; a token finds exactly one recipient (the digest is unique), so it cannot answer for
another; and it expires with the consultation's last day (a reopening moves that day).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from moedebog.council.models import AnswerToken, Recipient

BYTES = 32


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def expiry(last_day: date) -> datetime:
    """The end of the last day answers are taken, in local time."""
    return timezone.make_aware(datetime.combine(last_day + timedelta(days=1), time(0, 0)))


def issue(recipient: Recipient, last_day: date) -> str:
    """A new token for ``recipient``; the caller mails it, nobody can read it back later."""
    token = secrets.token_urlsafe(BYTES)
    AnswerToken.objects.create(recipient=recipient, digest=digest(token), expires_at=expiry(last_day))
    return token


def find(token: str) -> AnswerToken | None:
    """The live token row for a presented token, or None (unknown, malformed or expired)."""
    if not token or len(token) > 100:
        return None
    wanted = digest(token)
    row = AnswerToken.objects.select_related("recipient__consultation").filter(digest=wanted).first()
    if row is None or not hmac.compare_digest(row.digest, wanted):
        return None
    if row.expires_at <= timezone.now():
        return None
    return row


def extend(recipients: list[Recipient] | object, last_day: date) -> None:
    """Move every token of these recipients to the new last day (a reopened consultation)."""
    AnswerToken.objects.filter(recipient__in=recipients).update(expires_at=expiry(last_day))
