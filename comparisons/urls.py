from django.urls import path

from comparisons import home, picker, views

urlpatterns = [
    path("", home.home, name="home"),
    path("compare/", picker.compare, name="compare"),
    # Before the pair pattern, which "autocomplete" would otherwise match as a slug.
    path("compare/autocomplete/", picker.autocomplete, name="compare_autocomplete"),
    path("compare/<slug:pair>/", views.pair_detail, name="pair_detail"),
]
