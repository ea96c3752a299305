from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "LLM Reference editors"
admin.site.site_title = "LLM Reference admin"
admin.site.index_title = "Catalog curation"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("catalog.urls")),
    path("", include("comparisons.urls")),
]
