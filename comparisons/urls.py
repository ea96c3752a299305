from django.urls import path

from comparisons import views

urlpatterns = [
    path("compare/<slug:pair>/", views.pair_detail, name="pair_detail"),
]
