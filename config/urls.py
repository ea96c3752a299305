"""The root URLconf: the one place that knows both apps (and so the whole sitemap)."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView
from django_otp.admin import OTPAdminSite

from catalog.api.endpoints import api as api_v1
from catalog.sitemaps import (
    BenchmarkSitemap,
    FamilySitemap,
    ModelSitemap,
    PageSitemap,
    ProviderSitemap,
    RouteSitemap,
)
from comparisons.sitemaps import CostSitemap, PairSitemap
from config import views

if settings.ADMIN_REQUIRE_OTP:
    # django-otp's admin site: the login form takes a one-time code, and only an account
    # verified by one of its devices may use the admin.
    admin.site.__class__ = OTPAdminSite
admin.site.site_header = f"{settings.SITE_NAME} editors"
admin.site.site_title = f"{settings.SITE_NAME} admin"
admin.site.index_title = "Catalog curation"
# The sidebar repeats the whole app list on every admin page: a tenth of a model's change
# form, in time and size. The breadcrumbs and the index lead to every list.
admin.site.enable_nav_sidebar = False

SITEMAPS = {
    "models": ModelSitemap,
    "providers": ProviderSitemap,
    "routes": RouteSitemap,
    "benchmarks": BenchmarkSitemap,
    "families": FamilySitemap,
    "pairs": PairSitemap,
    "pages": PageSitemap,
    "cost": CostSitemap,
}

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("catalog.urls")),
    path("api/v1/", api_v1.urls),
    path("", include("comparisons.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("sitemap.xml", views.sitemap_index, {"sitemaps": SITEMAPS}, name="sitemap_index"),
    path(
        "sitemap-<slug:section>.xml",
        views.sitemap_section,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots_txt",
    ),
]

handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
