"""Addresses of appointments and consultations: the secretariat's screens (mounted under
/sekretariat/) and the public pages; one namespace, "council"."""

from __future__ import annotations

from django.urls import include, path

from moedebog.council.views import consultations, public, register

app_name = "council"

staff = [
    path("udpegninger/", register.index, name="registers"),
    path("udpegninger/<int:body>/<str:term>/", register.term_page, name="register"),
    path("udpegninger/organ/<int:pk>/udpeg/", register.appoint, name="appoint"),
    path("udpegninger/udpegning/<int:pk>/afslut/", register.end, name="end"),
    path("hoeringer/", consultations.index, name="consultations"),
    path("hoeringer/ny/", consultations.create, name="consultation-new"),
    path("hoeringer/<int:pk>/", consultations.board, name="consultation"),
    path("hoeringer/<int:pk>/ret/", consultations.edit, name="consultation-edit"),
    path("hoeringer/<int:pk>/svar.pdf", consultations.summary_pdf, name="consultation-summary"),
    path("hoeringer/<int:pk>/<slug:name>/", consultations.action, name="consultation-action"),
]

public_pages = [
    path("udpegninger/", public.index, name="blue-books"),
    path("udpegninger/person/<int:pk>/", public.person, name="person"),
    path("udpegninger/<path:path>/<str:term>.csv", public.blue_book_csv, name="blue-book-csv"),
    path("udpegninger/<path:path>/<str:term>.pdf", public.blue_book_pdf, name="blue-book-pdf"),
    path("udpegninger/<path:path>/<str:term>/", public.blue_book, name="blue-book"),
    path("hoeringer/", public.consultations, name="public-consultations"),
    path("hoeringer/<int:pk>/", public.consultation, name="public-consultation"),
    path("hoeringssvar/<str:token>/", public.answer, name="answer"),
]

urlpatterns = [path("sekretariat/", include(staff)), *public_pages]
