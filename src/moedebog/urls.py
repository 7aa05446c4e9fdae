"""URL routes: the Danish admin where the secretariat corrects records, and the public archive."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Mødebog – administration"
admin.site.site_title = "Mødebog"
admin.site.index_title = "Ret i arkivet"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("moedebog.council.urls")),  # appointments and consultations (before the site)
    path("sekretariat/", include("moedebog.secretariat.urls")),
    path("", include("moedebog.site.urls")),
]
