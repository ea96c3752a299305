from django.urls import path

from catalog import views

urlpatterns = [
    path("models/<slug:slug>/", views.model_detail, name="model_detail"),
    path("providers/<slug:slug>/", views.provider_detail, name="provider_detail"),
]
