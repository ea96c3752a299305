from django.urls import path

from comparisons import views

app_name = "comparisons"
urlpatterns = [
    path("", views.home, name="home"),
    path("compare/", views.compare, name="compare"),
    # Before the pair pattern, which "autocomplete" would otherwise match as a slug.
    path("compare/autocomplete/", views.autocomplete, name="compare_autocomplete"),
    path("compare/<slug:pair>/", views.pair_detail, name="pair_detail"),
    path("cost/", views.cost, name="cost"),
    path("cost/workload-cost.csv", views.cost_csv, name="cost_csv"),
]
