"""The council's other business: appointments to outside bodies (udpegninger) and consultations
of the member municipalities (høringer).

One app rather than two: both are duties of the same body's secretariat, checked by the same
roles, written to the same audit trail, and each is too small to carry an app of its own.
"""
