"""The secretariat's workflow (layer 4): prepare, hold, minute, approve and publish meetings.

Views are thin: they read a form and call a service function in ``secretariat.services``. Every
service function takes the acting user, checks the user's role for the meeting's body
(``secretariat.roles``), runs in one transaction and leaves an audit entry
(``secretariat.audit``) that says in Danish who changed what, when, before and after.
"""
