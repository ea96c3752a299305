from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from comparisons.sitemaps import sitemap_index, sitemap_section

admin.site.site_header = "LLM Reference editors"
admin.site.site_title = "LLM Reference admin"
admin.site.index_title = "Catalog curation"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("catalog.urls")),
    path("", include("comparisons.urls")),
    path("sitemap.xml", sitemap_index, name="sitemap_index"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots_txt",
    ),
]

handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"
