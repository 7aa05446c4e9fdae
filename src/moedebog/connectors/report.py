"""The closing report of a sync: what was listed, fetched, imported and stored, and what failed.

The import part is the archive's own batch Summary, so `moedebog sync` and `moedebog import` report
documents the same way; around it come the site's listing, the fetches, case-history links,
attachments, the HTTP counters, and every failure with its address and reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from moedebog.archive.services.batch import Summary


@dataclass(slots=True)
class SyncReport:
    site: str
    organization: str
    committees: int = 0
    listed: int = 0
    listed_by_search_only: int = 0
    years: list[int] = field(default_factory=list)
    search_supported: bool = True
    listing_complete: bool = True
    new: int = 0
    changed: int = 0
    retried: int = 0
    rechecked: int = 0
    skipped: int = 0
    fetched: int = 0
    fetch_failed: int = 0
    documents: Summary = field(default_factory=Summary)
    history_entries: int = 0
    history_links: int = 0
    attachments: bool = False
    attachments_stored: int = 0
    attachments_without_text: int = 0
    attachments_not_pdf: int = 0
    attachments_failed: int = 0
    attachments_refilled: int = 0
    requests: int = 0
    retries: int = 0
    sessions: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False

    def fail(self, what: str, reason: str) -> None:
        self.failures.append((what, reason))

    def warn(self, what: str, reason: str) -> None:
        self.warnings.append((what, reason))

    @property
    def failed(self) -> bool:
        return bool(self.failures or self.documents.failed)

    @property
    def wrote(self) -> bool:
        """Whether this run changed the archive or the sync state (an unchanged run writes nothing)."""
        d = self.documents
        return bool(d.created or d.updated or d.failed or self.fetch_failed or self.history_entries
                    or self.history_links or self.attachments_stored or self.attachments_without_text
                    or self.attachments_not_pdf or self.attachments_failed or self.attachments_refilled
                    or self.new or self.changed)

    def lines(self) -> list[str]:
        years = f", søgt i årene {min(self.years)}-{max(self.years)}" if self.years else ""
        search = "" if self.search_supported else "; sitet har ingen søgning, kun udvalgslisten er brugt"
        out = [
            f"Site: {self.site} ({self.organization})",
            f"Udvalg: {self.committees}; møder listet: {self.listed} (heraf {self.listed_by_search_only} kun fundet "
            f"ved søgning{years}){search}",
            f"Møder hentet: {self.fetched} ({self.new} nye, {self.changed} ændrede, {self.retried} forsøgt igen, "
            f"{self.rechecked} nylige tjekket igen); "
            f"{self.skipped} uændrede blev ikke hentet; {self.fetch_failed} kunne ikke hentes",
        ]
        if self.documents.read:
            out.extend(line for line in self.documents.lines() if not line.startswith("Fejl:")
                       and not line.startswith("  ") and not line.startswith("Intet ændret"))
            out.extend(f"  {name}: {warning}" for name, warning in self.documents.warnings)
        out.append(f"Sagens forløb: {self.history_entries} tidligere behandlinger skrevet, "
                   f"{self.history_links} koblet til punkter i arkivet")
        if self.attachments:
            out.append(f"Bilag: {self.attachments_stored} gemt med tekst, {self.attachments_without_text} uden tekst, "
                       f"{self.attachments_not_pdf} ikke PDF, {self.attachments_failed} fejlet; "
                       f"{self.attachments_refilled} fik teksten igen fra gemt fil")
        out.append(f"HTTP: {self.requests} forespørgsler, {self.retries} gentaget, {self.sessions} session(er) "
                   f"({self.seconds:.1f} s)")
        if not self.listing_complete:
            out.append("Listningen var ufuldstændig: møder kan mangle; kør kommandoen igen senere.")
        failures = self.failures + self.documents.failures
        if failures:
            out.append(f"Fejl: {len(failures)}")
            out.extend(f"  {what}: {reason}" for what, reason in failures)
        if self.warnings:
            out.append(f"Advarsler om hentning: {len(self.warnings)}")
            out.extend(f"  {what}: {reason}" for what, reason in self.warnings)
        if self.interrupted:
            out.append("Afbrudt: kør kommandoen igen for at fortsætte, hvor den slap.")
        elif not self.wrote and not failures:
            out.append("Intet ændret: arkivet var allerede i takt med sitet.")
        return out

    def as_dict(self) -> dict[str, Any]:
        d = self.documents
        return {
            "site": self.site, "organization": self.organization, "committees": self.committees,
            "listed": self.listed, "listed_by_search_only": self.listed_by_search_only, "years": self.years,
            "search_supported": self.search_supported, "listing_complete": self.listing_complete,
            "new": self.new, "changed": self.changed, "retried": self.retried, "rechecked": self.rechecked,
            "skipped": self.skipped,
            "fetched": self.fetched, "fetch_failed": self.fetch_failed,
            "documents": {"read": d.read, "created": d.created, "updated": d.updated, "unchanged": d.unchanged,
                          "failed": d.failed, "meetings_created": d.meetings_created,
                          "meetings_updated": d.meetings_updated, "items": d.items, "items_created": d.items_created,
                          "people_created": d.people_created, "warnings": [list(w) for w in d.warnings]},
            "history_entries": self.history_entries, "history_links": self.history_links,
            "attachments": {"stored": self.attachments_stored, "without_text": self.attachments_without_text,
                            "not_pdf": self.attachments_not_pdf, "failed": self.attachments_failed,
                            "refilled": self.attachments_refilled} if self.attachments else None,
            "http": {"requests": self.requests, "retries": self.retries, "sessions": self.sessions},
            "failures": [list(f) for f in self.failures + d.failures],
            "warnings": [list(w) for w in self.warnings],
            "seconds": round(self.seconds, 3), "interrupted": self.interrupted,
        }
