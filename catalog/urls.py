from django.urls import path
from django.views.decorators.http import require_safe

from catalog import feeds, views

app_name = "catalog"
urlpatterns = [
    path("models/", views.model_list, name="model_list"),
    path("models/<slug:slug>/", views.model_detail, name="model_detail"),
    # Before the route pages: "feed" is never a provider's slug there.
    path("models/<slug:slug>/feed/", require_safe(feeds.ModelFeed()), name="model_feed"),
    path("models/<slug:slug>/<slug:provider_slug>/", views.route_detail, name="route_detail"),
    path("providers/", views.provider_list, name="provider_list"),
    path("providers/<slug:slug>/", views.provider_detail, name="provider_detail"),
    path("families/", views.family_list, name="family_list"),
    path("families/<slug:slug>/", views.family_detail, name="family_detail"),
    path("benchmarks/", views.benchmark_list, name="benchmark_list"),
    path("benchmarks/<slug:slug>/", views.benchmark_detail, name="benchmark_detail"),
    path("retiring/", views.retiring, name="retiring"),
    path("data/", views.open_data, name="open_data"),
    path("methodology/", views.methodology, name="methodology"),
    path("feeds/prices/", require_safe(feeds.PriceChangesFeed()), name="feed_prices"),
    path("feeds/new-models/", require_safe(feeds.NewModelsFeed()), name="feed_new_models"),
    path("feeds/retirements/", require_safe(feeds.RetirementsFeed()), name="feed_retirements"),
]
